import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmActions } from '../components/ConfirmActions';
import { type Team, useDeleteTeam } from './use-teams';

/**
 * Deleting a team deletes its dashboards, agents and commands for every member: the name must be
 * typed first, so that no click alone does it.
 */
export function DeleteTeamModal({ team, opened, onClose }: { team: Team; opened: boolean; onClose: () => void }) {
  const remove = useDeleteTeam(team.id);
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [unconfirmed, setUnconfirmed] = useState(false);

  const close = () => {
    setTyped('');
    setUnconfirmed(false);
    remove.reset();
    onClose();
  };
  const confirm = async () => {
    if (typed.trim() !== team.name.trim()) {
      setUnconfirmed(true);
      return;
    }
    try {
      await remove.mutateAsync();
      notifications.show({ message: `“${team.name}” was deleted` });
      close();
      navigate('/teams', { replace: true });
    } catch {
      // Shown in the dialog (remove.error).
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={`Delete “${team.name}”?`}>
      <Stack>
        <Text>
          The team’s dashboards, agents and commands are deleted with it, for all {team.member_count} members. This
          cannot be undone.
        </Text>
        <TextInput
          label={`Type the team’s name, ${team.name}, to confirm`}
          value={typed}
          data-autofocus
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setUnconfirmed(false);
          }}
          error={unconfirmed ? 'The name does not match' : undefined}
        />
        <ConfirmActions
          error={remove.error}
          pending={remove.isPending}
          label="Delete team"
          onCancel={close}
          onConfirm={confirm}
        />
      </Stack>
    </Modal>
  );
}
