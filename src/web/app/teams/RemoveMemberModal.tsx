import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { ConfirmActions } from '../components/ConfirmActions';
import { type Team, type TeamMember, useRemoveMember } from './use-teams';

/** Asks before removing a member, or before I leave the team (then back to the list of teams). */
export function RemoveMemberModal({
  team,
  member,
  leaving,
  onClose,
}: {
  team: Team;
  member: TeamMember | null;
  leaving: boolean;
  onClose: () => void;
}) {
  const remove = useRemoveMember(team.id);
  const navigate = useNavigate();
  const name = member?.display_name || 'this member';

  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = async () => {
    if (!member) return;
    try {
      await remove.mutateAsync(member.user_id);
      close();
      if (leaving) {
        notifications.show({ message: `You left “${team.name}”` });
        navigate('/teams', { replace: true });
      } else notifications.show({ color: 'teal', message: `${name} was removed from “${team.name}”` });
    } catch {
      // Shown in the dialog (remove.error), e.g. the last admin cannot leave.
    }
  };

  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={leaving ? `Leave “${team.name}”?` : `Remove ${name} from the team?`}
    >
      <Stack>
        <Text>
          {leaving
            ? 'You will no longer see the team’s dashboards, datasets, agents and commands. An admin can invite you again.'
            : `${name} will no longer see the team’s dashboards, datasets, agents and commands. What they made for the team stays.`}
        </Text>
        <ConfirmActions
          error={remove.error}
          pending={remove.isPending}
          label={leaving ? 'Leave team' : 'Remove member'}
          onCancel={close}
          onConfirm={confirm}
        />
      </Stack>
    </Modal>
  );
}
