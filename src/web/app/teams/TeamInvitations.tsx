import { Alert, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { TableHeadWithActions } from '../components/TableHeadWithActions';
import { TimeAgo } from '../components/TimeAgo';
import { problemMessage } from '../lib/problems';
import { RoleBadge } from './RoleBadge';
import { useDeleteInvitation, useTeamInvitations } from './use-teams';

/** The team's open invitations, each with Revoke (admins only see this). */
export function TeamInvitations({ teamId }: { teamId: string }) {
  const invitations = useTeamInvitations(teamId, true);
  const revoke = useDeleteInvitation();

  if (invitations.isPending)
    return (
      <Stack role="status" aria-label="Loading invitations" gap="xs">
        <Skeleton h={36} />
      </Stack>
    );
  if (invitations.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(invitations.error)}
      </Alert>
    );
  if (invitations.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No open invitations. Invite someone above; the invitation waits here until they accept it.
      </Text>
    );

  return (
    <Stack gap="xs">
      {revoke.error && (
        <Alert color="red" role="alert">
          {problemMessage(revoke.error)}
        </Alert>
      )}
      <Table verticalSpacing="xs" aria-label="Open invitations">
        <TableHeadWithActions columns={['Email', 'Role', 'Expires']} />
        <Table.Tbody>
          {invitations.data.map((invitation) => (
            <Table.Tr key={invitation.id} data-invitation-email={invitation.email}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>
                <RoleBadge role={invitation.role} />
              </Table.Td>
              <Table.Td>
                <TimeAgo date={invitation.expires_at} />
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke the invitation to ${invitation.email}`}
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    Revoke
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
