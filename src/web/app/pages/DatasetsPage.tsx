import { Container, Text, Title } from '@mantine/core';

/** Datasets: coming next (placeholder so the route exists). */
export default function DatasetsPage() {
  return (
    <Container size="lg" py="xl">
      <Title order={2}>Datasets</Title>
      <Text c="dimmed">This page is on its way.</Text>
    </Container>
  );
}
