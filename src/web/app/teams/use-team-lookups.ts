import type { components } from '../../api/schema';
import { useTeams } from '../home/use-dashboards';

type TeamSummary = components['schemas']['TeamSummary'];

/** Each of my teams' names by id, to say which team owns an item (empty while the teams load). */
export function useTeamNames(): Map<string, string> {
  const teams = useTeams();
  return new Map((teams.data ?? []).map((t) => [t.id, t.name]));
}

/** The teams I may create things in: where I am an editor or an admin (viewers only read). */
export function useWritableTeams(): TeamSummary[] {
  const teams = useTeams();
  return (teams.data ?? []).filter((team) => team.my_role !== 'viewer');
}

/** The owner option that keeps a new dashboard or dataset personal. */
export const PERSONAL_OWNER = 'me';

/** Whose a new dashboard or dataset may be: mine ("Me (personal)"), or a team's where I may create things. */
export function useOwnerOptions(): { value: string; label: string }[] {
  const writableTeams = useWritableTeams();
  return [
    { value: PERSONAL_OWNER, label: 'Me (personal)' },
    ...writableTeams.map((t) => ({ value: t.id, label: t.name })),
  ];
}
