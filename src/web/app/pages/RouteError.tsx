import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { problemMessage } from '../lib/problems';

/**
 * What a page that failed to render shows instead of a blank screen. The usual cause after an
 * upgrade: this tab asks for the code of the old version, which the server no longer has.
 */
export function RouteError() {
  const error = useRouteError();
  const staleCode =
    error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={520} role="alert">
        <Title order={1} size="h3">
          {staleCode ? 'OCP has been updated' : 'This page could not be shown'}
        </Title>
        <Text c="dimmed" ta="center">
          {staleCode ? 'Reload the page to get the new version.' : problemMessage(error)}
        </Text>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Center>
  );
}
