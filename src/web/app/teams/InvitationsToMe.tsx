import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOpened } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../lib/problems';
import { RoleBadge } from './RoleBadge';
import { type Invitation, useAcceptInvitation, useDeleteInvitation } from './use-teams';

/** Invitations addressed to me, each with Accept and Decline; nothing when there are none. */
export function InvitationsToMe({ invitations }: { invitations: Invitation[] }) {
  const accept = useAcceptInvitation();
  const decline = useDeleteInvitation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  if (invitations.length === 0) return null;

  const onAccept = async (invitation: Invitation) => {
    setFailure(null);
    try {
      const team = await accept.mutateAsync(invitation.id);
      notifications.show({ color: 'teal', message: `You joined “${team.name}”` });
      navigate(`/teams/${team.id}`);
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  const onDecline = async (invitation: Invitation) => {
    setFailure(null);
    try {
      await decline.mutateAsync(invitation.id);
      notifications.show({ message: `Invitation to “${invitation.team_name ?? 'the team'}” declined` });
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invitations-to-me">
      <Stack gap="sm">
        <Group gap="xs">
          <IconMailOpened size={20} aria-hidden />
          <Title order={2} size="h4" id="invitations-to-me">
            Invitations for you
          </Title>
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {invitations.map((invitation) => {
          const team = invitation.team_name ?? 'a team';
          return (
            <Group key={invitation.id} justify="space-between" data-invitation-id={invitation.id}>
              <Group gap="xs">
                <Text>
                  Join <strong>{team}</strong> as
                </Text>
                <RoleBadge role={invitation.role} />
              </Group>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Decline the invitation to ${team}`}
                  loading={decline.isPending && decline.variables === invitation.id}
                  onClick={() => onDecline(invitation)}
                >
                  Decline
                </Button>
                <Button
                  size="xs"
                  aria-label={`Accept the invitation to ${team}`}
                  loading={accept.isPending && accept.variables === invitation.id}
                  onClick={() => onAccept(invitation)}
                >
                  Accept
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
