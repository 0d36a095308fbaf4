import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Stack align="center" py={80} gap="sm">
      <Title order={1} size="h2">
        This {what} does not exist
      </Title>
      <Text c="dimmed">It may have been deleted, or you may not have access to it.</Text>
      <Button component={Link} to="/" variant="light">
        Back to dashboards
      </Button>
    </Stack>
  );
}
