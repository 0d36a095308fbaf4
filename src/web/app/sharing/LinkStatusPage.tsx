import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockX, IconLinkOff } from '@tabler/icons-react';

/** Why a share link opens nothing: it has expired, or there is no such link (never was, or revoked). */
export function LinkStatusPage({ reason }: { reason: 'expired' | 'not_found' }) {
  const expired = reason === 'expired';
  return (
    <Center mih="80vh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <ThemeIcon size={56} radius="xl" variant="light" color={expired ? 'orange' : 'gray'} aria-hidden>
          {expired ? <IconClockX size={30} /> : <IconLinkOff size={30} />}
        </ThemeIcon>
        <Title order={1} size="h2" ta="center">
          {expired ? 'This link has expired' : 'This link does not work'}
        </Title>
        <Text c="dimmed" ta="center">
          {expired
            ? 'This link has expired — ask its owner for a new one.'
            : 'There is no shared dashboard at this address. The link may have been revoked or replaced, or mistyped — ask the person who shared it for a new one.'}
        </Text>
      </Stack>
    </Center>
  );
}
