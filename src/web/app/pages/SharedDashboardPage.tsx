import { Container, Text, Title } from '@mantine/core';

/** Shared dashboard: coming next (placeholder so the route exists). */
export default function SharedDashboardPage() {
  return (
    <Container size="lg" py="xl">
      <Title order={2}>Shared dashboard</Title>
      <Text c="dimmed">This page is on its way.</Text>
    </Container>
  );
}
