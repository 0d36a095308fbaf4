import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { type TeamSummary, useTeams } from '../home/use-dashboards';
import { plural } from '../lib/format';
import { ApiProblem, problemMessage } from '../lib/problems';
import { type DashboardRef, type NewOwner, useDashboardSettings } from './use-dashboard-settings';

const ME = 'me';

interface MoveDashboardModalProps {
  dashboard: DashboardRef;
  opened: boolean;
  onClose: () => void;
}

/**
 * Gives the dashboard to another owner: me, or a team where I may create dashboards (editor or
 * admin; the API checks it again). Says who will see it afterwards.
 */
export function MoveDashboardModal({ dashboard, opened, onClose }: MoveDashboardModalProps) {
  const teams = useTeams();
  const { update, reload } = useDashboardSettings();
  const current = dashboard.owner.type === 'team' ? dashboard.owner.team_id : ME;
  const [choice, setChoice] = useState(current);
  const { reset } = update;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each opening starts from the current owner.
  useEffect(() => {
    if (opened) {
      setChoice(current);
      reset();
    }
  }, [opened, reset]);

  const mine = (teams.data ?? []).filter((team) => team.my_role !== 'viewer' || team.id === current);
  const chosenTeam = mine.find((team) => team.id === choice);

  const move = () => {
    const owner: NewOwner = choice === ME ? { type: 'me' } : { type: 'team', team_id: choice };
    update.mutate(
      { dashboard, changes: { owner } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `Moved “${dashboard.title}” to ${chosenTeam ? chosenTeam.name : 'your personal dashboards'}`,
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiProblem && error.status === 412) void reload(dashboard.id);
        },
      },
    );
  };
  const message =
    update.error instanceof ApiProblem && update.error.status === 412
      ? 'Someone else (or the assistant) changed this dashboard meanwhile. It has been reloaded: move it anyway?'
      : update.error && problemMessage(update.error);

  return (
    <Modal opened={opened} onClose={onClose} title={`Move “${dashboard.title}”`}>
      <Stack>
        {message && (
          <Alert color="red" role="alert" title="Not moved">
            {message}
          </Alert>
        )}
        {teams.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Loading your teams…</Text>
          </Group>
        ) : teams.isError ? (
          <ErrorAlert error={teams.error} title="Your teams could not be loaded" onRetry={() => teams.refetch()} />
        ) : (
          <Radio.Group label="Owner" value={choice} onChange={setChoice}>
            <Stack gap="xs" mt="xs">
              <Radio
                value={ME}
                label={current === ME ? 'Only me (personal) — where it is now' : 'Only me (personal)'}
              />
              {mine.map((team) => (
                <Radio
                  key={team.id}
                  value={team.id}
                  label={team.id === current ? `${team.name} — where it is now` : team.name}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {teams.isSuccess && mine.length === 0 && (
          <Text size="sm" c="dimmed">
            You are not an editor or admin of any team. To share dashboards with colleagues, create a team on the Teams
            page, or ask a team’s admin to make you an editor.
          </Text>
        )}
        <Text size="sm" aria-live="polite">
          {whoSees(chosenTeam, current !== ME)}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={move} loading={update.isPending} disabled={choice === current || !teams.isSuccess}>
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Who sees the dashboard once it is with this owner (share links keep working either way). */
function whoSees(team: TeamSummary | undefined, nowWithTeam: boolean): string {
  if (!team)
    return `Only you will see and change it (and whoever opens one of its share links).${nowWithTeam ? ' The team’s members lose access.' : ''}`;
  return `All ${plural(team.member_count, 'member')} of ${team.name} will see it: its admins and editors may change it, its viewers may only look. Only the team’s admins may move or delete it.`;
}
