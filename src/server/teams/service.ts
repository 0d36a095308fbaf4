import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { forbidden, notFound } from '../errors/api-error.js';
import * as q from './queries.js';
import type { CreateTeamBody, UpdateTeamBody } from './schema.js';

/** The caller's role in the team: 404 when he is not a member (the team does not exist for him). */
async function requireRole(tx: Tx, teamId: string, needed: 'member' | 'admin'): Promise<string> {
  const role = await q.myRole(tx, teamId);
  if (!role) throw notFound('Team not found');
  if (needed === 'admin' && role !== 'admin') throw forbidden('Only team admins may do this');
  return role;
}

export async function getTeam(tx: Tx, id: string): Promise<q.TeamJson> {
  const team = await q.getTeam(tx, id);
  if (!team) throw notFound('Team not found');
  return team;
}

export async function createTeam(tx: Tx, body: z.infer<typeof CreateTeamBody>): Promise<q.TeamJson> {
  const id = await q.insertTeam(tx, {
    name: body.name,
    description: body.description ?? null,
    avatarUrl: body.avatar_url ?? null,
    settings: body.settings ?? {},
  });
  return getTeam(tx, id);
}

export async function updateTeam(tx: Tx, id: string, body: z.infer<typeof UpdateTeamBody>): Promise<q.TeamJson> {
  await requireRole(tx, id, 'admin');
  await q.updateTeam(tx, id, body);
  return getTeam(tx, id);
}

export async function deleteTeam(tx: Tx, id: string): Promise<void> {
  await requireRole(tx, id, 'admin');
  await q.deleteTeam(tx, id);
}

export async function changeRole(tx: Tx, teamId: string, userId: string, role: string): Promise<q.TeamJson> {
  await requireRole(tx, teamId, 'admin');
  if (!(await q.changeRole(tx, teamId, userId, role))) throw notFound('Member not found');
  return getTeam(tx, teamId);
}

/** Admins remove anyone; every member may remove himself (leave). The last admin stays (409). */
export async function removeMember(tx: Tx, teamId: string, userId: string, callerId: string): Promise<void> {
  await requireRole(tx, teamId, userId === callerId ? 'member' : 'admin');
  if (!(await q.removeMember(tx, teamId, userId))) throw notFound('Member not found');
}

export async function invite(tx: Tx, teamId: string, email: string, role: string): Promise<q.InvitationJson> {
  await requireRole(tx, teamId, 'admin');
  return q.insertInvitation(tx, teamId, email, role);
}

export async function listTeamInvitations(tx: Tx, teamId: string) {
  await requireRole(tx, teamId, 'admin');
  return { items: await q.listTeamInvitations(tx, teamId) };
}

export async function acceptInvitation(tx: Tx, invitationId: string): Promise<q.TeamJson> {
  return getTeam(tx, await q.acceptInvitation(tx, invitationId));
}

export async function deleteInvitation(tx: Tx, invitationId: string): Promise<void> {
  if (!(await q.deleteInvitation(tx, invitationId))) throw notFound('Invitation not found');
}
