import { Badge, Group } from '@mantine/core';
import { IconUser, IconUsers, IconWorld } from '@tabler/icons-react';
import type { components } from '../../api/schema';

type Owner = components['schemas']['Owner'];

/** Whose an agent or a command is: mine, a team's (by name) or someone else's; and whether it is public. */
export function OwnerLabel({
  owner,
  isPublic,
  myUserId,
  teamNames,
}: {
  owner: Owner;
  isPublic: boolean;
  myUserId: string | undefined;
  teamNames: Map<string, string>;
}) {
  const label =
    owner.type === 'team'
      ? `Team: ${teamNames.get(owner.team_id) ?? 'another team'}`
      : owner.user_id === myUserId
        ? 'Yours'
        : 'Another user’s';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        variant="light"
        color="gray"
        leftSection={owner.type === 'team' ? <IconUsers size={12} aria-hidden /> : <IconUser size={12} aria-hidden />}
      >
        {label}
      </Badge>
      {isPublic && (
        <Badge variant="light" color="blue" leftSection={<IconWorld size={12} aria-hidden />}>
          Public
        </Badge>
      )}
    </Group>
  );
}
