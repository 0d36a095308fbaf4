import { Container, Text, Title } from '@mantine/core';

/** Chat: coming next (placeholder so the route exists). */
export default function ChatPage() {
  return (
    <Container size="lg" py="xl">
      <Title order={2}>Chat</Title>
      <Text c="dimmed">This page is on its way.</Text>
    </Container>
  );
}
