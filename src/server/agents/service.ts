import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { notFound } from '../errors/api-error.js';
import { explainRefusal } from '../ownership.js';
import * as q from './queries.js';
import type { CreateAgentBody, UpdateAgentBody } from './schema.js';

// Units of work over agents, each inside the caller's transaction: row-level security decides,
// and a write that matched nothing is explained as 404 (hidden) or 403 (read-only).

async function requireAgent(tx: Tx, id: string): Promise<q.AgentJson> {
  const agent = await q.getAgent(tx, id);
  if (!agent) throw notFound('Agent not found');
  return agent;
}

/** Creates a personal agent, or a team's when team_id is given (the policy wants editor or admin). */
export async function createAgent(tx: Tx, userId: string, body: z.infer<typeof CreateAgentBody>): Promise<q.AgentJson> {
  const id = await q.insertAgent(tx, {
    name: body.name,
    description: body.description ?? null,
    instructions: body.instructions,
    ownerUserId: body.team_id ? null : userId,
    ownerTeamId: body.team_id ?? null,
    isPublic: body.is_public,
    settings: body.settings,
  });
  return requireAgent(tx, id);
}

export async function getAgent(tx: Tx, id: string): Promise<q.AgentJson> {
  return requireAgent(tx, id);
}

export async function updateAgent(tx: Tx, id: string, body: z.infer<typeof UpdateAgentBody>): Promise<q.AgentJson> {
  if (!(await q.updateAgent(tx, id, body))) await explainRefusal(tx, 'agents', id, 'Agent', 'edit');
  return requireAgent(tx, id);
}

export async function deleteAgent(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteAgent(tx, id))) await explainRefusal(tx, 'agents', id, 'Agent', 'delete');
}
