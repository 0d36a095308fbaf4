import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { abilitiesJson, ownerJson, type Scope, scopeCondition } from '../ownership.js';
import type { Command } from './schema.js';

// Custom commands are shaped into their API form by the database, from an explicit list of
// columns. Row-level security decides which commands exist for the caller.

const COMMAND_JSON = `json_build_object(
  'id', c.id, 'name', c.name, 'description', c.description, 'command_pattern', c.command_pattern,
  'handler_config', c.handler_config, 'owner', ${ownerJson('c')}, 'is_public', c.is_public,
  'abilities', ${abilitiesJson('c')}, 'created_at', c.created_at, 'updated_at', c.updated_at)`;

export type CommandJson = z.infer<typeof Command>;

export async function getCommand(tx: Tx, id: string): Promise<CommandJson | undefined> {
  const { rows } = await tx.query<{ command: CommandJson }>(
    `select ${COMMAND_JSON} as command from public.custom_commands c where c.id = $1`,
    [id],
  );
  return rows[0]?.command;
}

export interface ListFilter {
  scope: Scope;
  teamId?: string | undefined;
  limit: number;
  /** Keyset position: the last item of the previous page. */
  after?: { updatedAt: string; id: string } | undefined;
}

/** Commands the caller can use, newest first, one page at a time. */
export async function listCommands(tx: Tx, filter: ListFilter): Promise<CommandJson[]> {
  const { rows } = await tx.query<{ command: CommandJson }>(
    `select ${COMMAND_JSON} as command
     from public.custom_commands c
     where ${scopeCondition('c', filter.scope)}
       and ($2::uuid is null or c.owner_team_id = $2)
       and ($3::timestamptz is null or (c.updated_at, c.id) < ($3::timestamptz, $4::uuid))
     order by c.updated_at desc, c.id desc
     limit $1`,
    [filter.limit, filter.teamId ?? null, filter.after?.updatedAt ?? null, filter.after?.id ?? null],
  );
  return rows.map((r) => r.command);
}

/**
 * The commands the caller can use in a chat, most trusted first: his own, then those he sees as a
 * team member, then public ones; newest first within each. Capped, so that public commands
 * published by others can never push the caller's own out of the list.
 */
export async function listUsableCommands(tx: Tx, limit: number): Promise<CommandJson[]> {
  const { rows } = await tx.query<{ command: CommandJson }>(
    `select ${COMMAND_JSON} as command
     from public.custom_commands c
     order by (c.owner_user_id is not distinct from (select auth.uid())) desc, c.is_public,
              c.updated_at desc, c.id desc
     limit $1`,
    [limit],
  );
  return rows.map((r) => r.command);
}

export async function insertCommand(
  tx: Tx,
  fields: {
    name: string;
    description: string | null;
    commandPattern: string;
    handlerConfig: object;
    ownerUserId: string | null;
    ownerTeamId: string | null;
    isPublic: boolean;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.custom_commands
       (name, description, command_pattern, handler_config, owner_user_id, owner_team_id, is_public)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      fields.name,
      fields.description,
      fields.commandPattern,
      fields.handlerConfig,
      fields.ownerUserId,
      fields.ownerTeamId,
      fields.isPublic,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export interface CommandChanges {
  name?: string | undefined;
  description?: string | null | undefined;
  command_pattern?: string | undefined;
  handler_config?: object | undefined;
  is_public?: boolean | undefined;
}

const UPDATABLE: readonly (keyof CommandChanges)[] = [
  'name',
  'description',
  'command_pattern',
  'handler_config',
  'is_public',
];

/** One UPDATE over a whitelist of columns; false when no row the caller may change matched. */
export async function updateCommand(tx: Tx, id: string, changes: CommandChanges): Promise<boolean> {
  const columns = UPDATABLE.filter((column) => changes[column] !== undefined);
  if (columns.length === 0) return true;
  const assignments = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
  const { rowCount } = await tx.query(`update public.custom_commands set ${assignments} where id = $1`, [
    id,
    ...columns.map((column) => changes[column]),
  ]);
  return rowCount > 0;
}

export async function deleteCommand(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.custom_commands where id = $1', [id]);
  return rowCount > 0;
}
