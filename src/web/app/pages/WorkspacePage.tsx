import { Container, Text, Title } from '@mantine/core';

/** Workspace: coming next (placeholder so the route exists). */
export default function WorkspacePage() {
  return (
    <Container size="lg" py="xl">
      <Title order={2}>Workspace</Title>
      <Text c="dimmed">This page is on its way.</Text>
    </Container>
  );
}
