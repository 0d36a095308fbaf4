import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { Invitation, Team, TeamSummary } from './schema.js';

export type TeamJson = z.infer<typeof Team>;
export type TeamSummaryJson = z.infer<typeof TeamSummary>;
export type InvitationJson = z.infer<typeof Invitation>;

const TEAM_FIELDS = `'id', t.id, 'name', t.name, 'description', t.description, 'avatar_url', t.avatar_url,
  'settings', t.settings, 'my_role', me.role, 'created_at', t.created_at, 'updated_at', t.updated_at,
  'member_count', (select count(*) from public.user_team_memberships m where m.team_id = t.id)`;

// "me": the caller's own membership; a team without one is not the caller's (RLS agrees).
const FROM_MY_TEAMS = `from public.teams t
  join public.user_team_memberships me on me.team_id = t.id and me.user_id = (select auth.uid())`;

export async function listMyTeams(tx: Tx): Promise<TeamSummaryJson[]> {
  const { rows } = await tx.query<{ team: TeamSummaryJson }>(
    `select json_build_object(${TEAM_FIELDS}) as team ${FROM_MY_TEAMS} order by t.name, t.id`,
  );
  return rows.map((r) => r.team);
}

/** A team with its roster; names and avatars come through profile_cards (teammates only). */
export async function getTeam(tx: Tx, id: string): Promise<TeamJson | undefined> {
  const { rows } = await tx.query<{ team: TeamJson }>(
    `select json_build_object(${TEAM_FIELDS},
       'members', coalesce((
         select json_agg(json_build_object('user_id', m.user_id, 'display_name', p.display_name,
                                           'avatar_url', p.avatar_url, 'role', m.role, 'joined_at', m.joined_at)
                         order by private.role_rank(m.role) desc, p.display_name, m.user_id)
         from public.user_team_memberships m
         left join public.profile_cards((select array_agg(user_id) from public.user_team_memberships where team_id = t.id)) p
           on p.id = m.user_id
         where m.team_id = t.id), '[]'::json)) as team
     ${FROM_MY_TEAMS} where t.id = $1`,
    [id],
  );
  return rows[0]?.team;
}

export async function insertTeam(
  tx: Tx,
  fields: { name: string; description: string | null; avatarUrl: string | null; settings: object },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'insert into public.teams (name, description, avatar_url, settings) values ($1, $2, $3, $4) returning id',
    [fields.name, fields.description, fields.avatarUrl, fields.settings],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateTeam(
  tx: Tx,
  id: string,
  changes: {
    name?: string | undefined;
    description?: string | null | undefined;
    avatar_url?: string | null | undefined;
    settings?: object | undefined;
  },
): Promise<boolean> {
  const columns = Object.entries(changes).filter(([, value]) => value !== undefined);
  const assignments = columns.map(([column], i) => `${column} = $${i + 2}`).join(', ');
  const { rowCount } = await tx.query(`update public.teams set ${assignments} where id = $1`, [
    id,
    ...columns.map(([, value]) => value),
  ]);
  return rowCount > 0;
}

export async function deleteTeam(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query('delete from public.teams where id = $1', [id])).rowCount > 0;
}

export async function changeRole(tx: Tx, teamId: string, userId: string, role: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'update public.user_team_memberships set role = $3 where team_id = $1 and user_id = $2',
    [teamId, userId, role],
  );
  return rowCount > 0;
}

export async function removeMember(tx: Tx, teamId: string, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.user_team_memberships where team_id = $1 and user_id = $2', [
    teamId,
    userId,
  ]);
  return rowCount > 0;
}

const INVITATION_JSON = `json_build_object('id', i.id, 'team_id', i.team_id,
  'team_name', coalesce((select t.name from public.teams t where t.id = i.team_id), private.invited_team_name(i.id)), 'email', i.email, 'role', i.role,
  'invited_by', i.invited_by, 'created_at', i.created_at, 'expires_at', i.expires_at)`;

/**
 * Invites an address; an open invitation to the same address is replaced, so re-inviting with
 * another role simply corrects it.
 */
export async function insertInvitation(tx: Tx, teamId: string, email: string, role: string): Promise<InvitationJson> {
  await tx.query('delete from public.team_invitations where team_id = $1 and email = $2 and accepted_at is null', [
    teamId,
    email,
  ]);
  const { rows } = await tx.query<{ invitation: InvitationJson }>(
    `with i as (insert into public.team_invitations (team_id, email, role) values ($1, $2, $3) returning *)
     select ${INVITATION_JSON} as invitation from i`,
    [teamId, email, role],
  );
  return (rows[0] as { invitation: InvitationJson }).invitation;
}

export async function listTeamInvitations(tx: Tx, teamId: string): Promise<InvitationJson[]> {
  const { rows } = await tx.query<{ invitation: InvitationJson }>(
    `select ${INVITATION_JSON} as invitation from public.team_invitations i
     where i.team_id = $1 and i.accepted_at is null order by i.created_at desc`,
    [teamId],
  );
  return rows.map((r) => r.invitation);
}

/** Open invitations addressed to the caller's account email. */
export async function listMyInvitations(tx: Tx): Promise<InvitationJson[]> {
  const { rows } = await tx.query<{ invitation: InvitationJson }>(
    `select ${INVITATION_JSON} as invitation from public.team_invitations i
     where i.email = private.my_email() and i.accepted_at is null and i.expires_at > now()
     order by i.created_at desc`,
  );
  return rows.map((r) => r.invitation);
}

export async function deleteInvitation(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx.query('delete from public.team_invitations where id = $1 and accepted_at is null', [id])).rowCount > 0
  );
}

export async function acceptInvitation(tx: Tx, id: string): Promise<string> {
  const { rows } = await tx.query<{ team_id: string }>('select public.accept_team_invitation($1) as team_id', [id]);
  return (rows[0] as { team_id: string }).team_id;
}

export async function myRole(tx: Tx, teamId: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ role: string }>(
    'select role from public.user_team_memberships where team_id = $1 and user_id = (select auth.uid())',
    [teamId],
  );
  return rows[0]?.role;
}
