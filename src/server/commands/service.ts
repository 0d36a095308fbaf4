import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { notFound } from '../errors/api-error.js';
import { explainRefusal } from '../ownership.js';
import * as q from './queries.js';
import type { CreateCommandBody, UpdateCommandBody } from './schema.js';

// Units of work over custom commands, each inside the caller's transaction: row-level security
// decides, and a write that matched nothing is explained as 404 (hidden) or 403 (read-only).
// The pattern and the handler configuration were checked by the schema before any of this runs.

async function requireCommand(tx: Tx, id: string): Promise<q.CommandJson> {
  const command = await q.getCommand(tx, id);
  if (!command) throw notFound('Command not found');
  return command;
}

/** Creates a personal command, or a team's when team_id is given (the policy wants editor or admin). */
export async function createCommand(
  tx: Tx,
  userId: string,
  body: z.infer<typeof CreateCommandBody>,
): Promise<q.CommandJson> {
  const id = await q.insertCommand(tx, {
    name: body.name,
    description: body.description ?? null,
    commandPattern: body.command_pattern,
    handlerConfig: body.handler_config,
    ownerUserId: body.team_id ? null : userId,
    ownerTeamId: body.team_id ?? null,
    isPublic: body.is_public,
  });
  return requireCommand(tx, id);
}

export async function getCommand(tx: Tx, id: string): Promise<q.CommandJson> {
  return requireCommand(tx, id);
}

export async function updateCommand(
  tx: Tx,
  id: string,
  body: z.infer<typeof UpdateCommandBody>,
): Promise<q.CommandJson> {
  if (!(await q.updateCommand(tx, id, body))) await explainRefusal(tx, 'custom_commands', id, 'Command', 'edit');
  return requireCommand(tx, id);
}

export async function deleteCommand(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteCommand(tx, id))) await explainRefusal(tx, 'custom_commands', id, 'Command', 'delete');
}
