import { Alert, Avatar, Button, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { TableHeadWithActions } from '../components/TableHeadWithActions';
import { TimeAgo } from '../components/TimeAgo';
import { problemMessage } from '../lib/problems';
import { AVATAR_COLORS } from '../profile/avatar-colors';
import { RemoveMemberModal } from './RemoveMemberModal';
import { RoleBadge } from './RoleBadge';
import { ROLES, type Team, type TeamMember, type TeamRole, useChangeRole } from './use-teams';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r.value, label: r.label }));

// The database's reasons start in lower case ("a team must keep at least one admin").
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const memberName = (member: TeamMember) => member.display_name || 'Unnamed member';

/**
 * The team's members. Admins change roles and remove members; everyone may leave. The database
 * keeps the last admin (demoting or removing him is refused), and its reason is shown in words.
 */
export function MembersTable({ team, myUserId }: { team: Team; myUserId: string | undefined }) {
  const isAdmin = team.my_role === 'admin';
  const changeRole = useChangeRole(team.id);
  const [removing, setRemoving] = useState<TeamMember | null>(null);

  const onRole = async (member: TeamMember, role: TeamRole) => {
    if (role === member.role) return;
    try {
      await changeRole.mutateAsync({ userId: member.user_id, role });
      notifications.show({
        color: 'teal',
        message: `${memberName(member)} is now ${role === 'viewer' ? 'a' : 'an'} ${role}`,
      });
    } catch {
      // Shown above the table (changeRole.error).
    }
  };

  return (
    <>
      {changeRole.error && (
        <Alert color="red" role="alert" mb="sm" withCloseButton onClose={() => changeRole.reset()}>
          {capitalized(problemMessage(changeRole.error))}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" aria-label="Members">
          <TableHeadWithActions columns={['Member', 'Role', 'Joined']} />
          <Table.Tbody>
            {team.members.map((member) => {
              const me = member.user_id === myUserId;
              const name = memberName(member);
              return (
                <Table.Tr key={member.user_id} data-member-name={name}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar
                        src={member.avatar_url}
                        name={name}
                        color="initials"
                        allowedInitialsColors={AVATAR_COLORS}
                        radius="xl"
                        size="sm"
                        aria-hidden
                      />
                      <Text size="sm" fw={500}>
                        {name}
                        {me && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            (you)
                          </Text>
                        )}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {isAdmin ? (
                      <Select
                        aria-label={`Role of ${name}`}
                        data={ROLE_OPTIONS}
                        value={member.role}
                        allowDeselect={false}
                        w={130}
                        size="xs"
                        disabled={changeRole.isPending}
                        onChange={(value) => value && onRole(member, value as TeamRole)}
                      />
                    ) : (
                      <RoleBadge role={member.role} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TimeAgo date={member.joined_at} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {me ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(member)}>
                        Leave team
                      </Button>
                    ) : isAdmin ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${name}`}
                        onClick={() => setRemoving(member)}
                      >
                        Remove
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RemoveMemberModal
        team={team}
        member={removing}
        leaving={removing?.user_id === myUserId}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
