import { z } from 'zod';
import type { Tx } from '../db/types.js';
import { forbidden, notFound } from './errors/api-error.js';

// Agents and custom commands (migration 0006) follow the same rules: owned by a user or by a team,
// optionally public; read by the owner, the team's members and, when public, every signed-in user;
// created, changed and deleted by the owner or the team's editors and admins. So they are presented
// and explained the same way; this module holds what the two features share.

export type OwnedTable = 'agents' | 'custom_commands';

/** The owner as the API shows it, from the two owner columns of which exactly one is set. */
export const ownerJson = (alias: string) => `case when ${alias}.owner_user_id is not null
  then json_build_object('type', 'user', 'user_id', ${alias}.owner_user_id)
  else json_build_object('type', 'team', 'team_id', ${alias}.owner_team_id) end`;

// The same rule as the UPDATE and DELETE policies: the owner, or an editor or admin of the owning
// team. (Unlike dashboards, where only the owner or a team admin deletes, a team editor may delete.)
const writable = (alias: string) => `coalesce(${alias}.owner_user_id = (select auth.uid())
  or ${alias}.owner_team_id = any((select private.my_team_ids('editor'))::uuid[]), false)`;

/** The caller's abilities on the row, computed like the policies, so the UI can hide what he may not do. */
export const abilitiesJson = (alias: string) =>
  `json_build_object('can_edit', ${writable(alias)}, 'can_delete', ${writable(alias)})`;

export const SCOPES = ['all', 'personal', 'team', 'public'] as const;
export type Scope = (typeof SCOPES)[number];

/** Narrows a listing to a scope. Row-level security has already hidden what the caller may not read. */
export function scopeCondition(alias: string, scope: Scope): string {
  return {
    all: 'true',
    personal: `${alias}.owner_user_id = (select auth.uid())`,
    team: `${alias}.owner_team_id = any((select private.my_team_ids('viewer'))::uuid[])`,
    public: `${alias}.is_public`,
  }[scope];
}

/** Whether the caller can see the row, and whether he may change and delete it. */
export async function ownedAccess(
  tx: Tx,
  table: OwnedTable,
  id: string,
): Promise<{ visible: boolean; canEdit: boolean; canDelete: boolean }> {
  const { rows } = await tx.query<{ abilities: { can_edit: boolean; can_delete: boolean } }>(
    `select ${abilitiesJson('o')} as abilities from public.${table} o where o.id = $1`,
    [id],
  );
  const abilities = rows[0]?.abilities;
  return {
    visible: Boolean(abilities),
    canEdit: abilities?.can_edit ?? false,
    canDelete: abilities?.can_delete ?? false,
  };
}

/**
 * After a write that changed no row: a row the caller cannot see does not exist for him (404,
 * whether or not it exists); one he can see but not change is forbidden (403).
 */
export async function explainRefusal(
  tx: Tx,
  table: OwnedTable,
  id: string,
  thing: 'Agent' | 'Command',
  need: 'edit' | 'delete',
): Promise<never> {
  const access = await ownedAccess(tx, table, id);
  if (!access.visible) throw notFound(`${thing} not found`);
  if (need === 'edit' ? !access.canEdit : !access.canDelete)
    throw forbidden(
      `You may use this ${thing.toLowerCase()} but not ${need === 'edit' ? 'change' : 'delete'} it: only its owner or the owning team's editors and admins may`,
    );
  // Visible and writable now, yet the write matched nothing: it was deleted or moved meanwhile.
  throw notFound(`${thing} not found`);
}

export const OwnedAbilities = z
  .object({ can_edit: z.boolean(), can_delete: z.boolean() })
  .describe('What the caller may do with it');

export const ListOwnedQuery = z.object({
  scope: z
    .enum(SCOPES)
    .default('all')
    .describe('all: yours, your teams’ and everyone’s public ones; personal: yours; team: your teams’; public'),
  team_id: z.guid().optional().describe('Only those owned by this team'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
