import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { abilitiesJson, ownerJson, type Scope, scopeCondition } from '../ownership.js';
import type { Agent } from './schema.js';

// Agents are shaped into their API form by the database, from an explicit list of columns.
// Row-level security decides which agents exist for the caller.

const AGENT_JSON = `json_build_object(
  'id', a.id, 'name', a.name, 'description', a.description, 'instructions', a.instructions,
  'owner', ${ownerJson('a')}, 'is_public', a.is_public, 'settings', a.settings,
  'abilities', ${abilitiesJson('a')}, 'created_at', a.created_at, 'updated_at', a.updated_at)`;

export type AgentJson = z.infer<typeof Agent>;

export async function getAgent(tx: Tx, id: string): Promise<AgentJson | undefined> {
  const { rows } = await tx.query<{ agent: AgentJson }>(
    `select ${AGENT_JSON} as agent from public.agents a where a.id = $1`,
    [id],
  );
  return rows[0]?.agent;
}

export interface ListFilter {
  scope: Scope;
  teamId?: string | undefined;
  limit: number;
  /** Keyset position: the last item of the previous page. */
  after?: { updatedAt: string; id: string } | undefined;
}

/** Agents the caller can use, newest first, one page at a time. */
export async function listAgents(tx: Tx, filter: ListFilter): Promise<AgentJson[]> {
  const { rows } = await tx.query<{ agent: AgentJson }>(
    `select ${AGENT_JSON} as agent
     from public.agents a
     where ${scopeCondition('a', filter.scope)}
       and ($2::uuid is null or a.owner_team_id = $2)
       and ($3::timestamptz is null or (a.updated_at, a.id) < ($3::timestamptz, $4::uuid))
     order by a.updated_at desc, a.id desc
     limit $1`,
    [filter.limit, filter.teamId ?? null, filter.after?.updatedAt ?? null, filter.after?.id ?? null],
  );
  return rows.map((r) => r.agent);
}

export async function insertAgent(
  tx: Tx,
  fields: {
    name: string;
    description: string | null;
    instructions: string;
    ownerUserId: string | null;
    ownerTeamId: string | null;
    isPublic: boolean;
    settings: object;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.agents (name, description, instructions, owner_user_id, owner_team_id, is_public, settings)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      fields.name,
      fields.description,
      fields.instructions,
      fields.ownerUserId,
      fields.ownerTeamId,
      fields.isPublic,
      fields.settings,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export interface AgentChanges {
  name?: string | undefined;
  description?: string | null | undefined;
  instructions?: string | undefined;
  is_public?: boolean | undefined;
  settings?: object | undefined;
}

const UPDATABLE: readonly (keyof AgentChanges)[] = ['name', 'description', 'instructions', 'is_public', 'settings'];

/** One UPDATE over a whitelist of columns; false when no row the caller may change matched. */
export async function updateAgent(tx: Tx, id: string, changes: AgentChanges): Promise<boolean> {
  const columns = UPDATABLE.filter((column) => changes[column] !== undefined);
  if (columns.length === 0) return true;
  const assignments = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
  const { rowCount } = await tx.query(`update public.agents set ${assignments} where id = $1`, [
    id,
    ...columns.map((column) => changes[column]),
  ]);
  return rowCount > 0;
}

export async function deleteAgent(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.agents where id = $1', [id]);
  return rowCount > 0;
}
