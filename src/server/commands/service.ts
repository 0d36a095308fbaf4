import type { z } from 'zod';
import { type CommandPlan, type CustomCommand, invalidCommands, planCommand } from '../../ai/commands/match.js';
import type { Tx } from '../../db/types.js';
import { notFound } from '../errors/api-error.js';
import { explainRefusal } from '../ownership.js';
import * as q from './queries.js';
import {
  type CommandDraft,
  type CommandTestResult,
  type CreateCommandBody,
  DRAFT_ID,
  type UpdateCommandBody,
} from './schema.js';

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

/** How many custom commands a chat message is matched against (the most trusted first). */
export const USABLE_COMMANDS_LIMIT = 500;

/** The custom commands the caller can use in a chat, in the order matchCommand trusts them. */
export async function usableCommands(tx: Tx): Promise<q.CommandJson[]> {
  return q.listUsableCommands(tx, USABLE_COMMANDS_LIMIT);
}

/**
 * The caller's commands with an unsaved draft among them: first of his own (so it is tried before
 * his stored ones, as the editor expects), in place of the stored command it edits.
 */
export function withDraft(
  stored: readonly q.CommandJson[],
  draft: z.infer<typeof CommandDraft>,
  userId: string,
): CustomCommand[] {
  const command: CustomCommand = {
    id: draft.id ?? DRAFT_ID,
    name: draft.name,
    description: null,
    command_pattern: draft.command_pattern,
    handler_config: draft.handler_config,
    is_public: false,
    owner: { type: 'user', user_id: userId },
    abilities: { can_edit: true },
  };
  return [command, ...stored.filter((c) => c.id !== draft.id)];
}

/**
 * Which command `message` would call for this user and what it would do, without doing it (no
 * webhook is called: its URL is reported instead), and which of his commands can never run.
 */
export function testCommand(
  message: string,
  commands: readonly CustomCommand[],
  userId: string,
): z.infer<typeof CommandTestResult> {
  const plan = planCommand(message, commands, { userId });
  return {
    command: plan?.command ?? null,
    outcome: plan ? presentOutcome(plan.outcome) : null,
    // Only those the caller could fix: another user's broken public command is not his concern.
    skipped: invalidCommands(commands.filter((command) => command.abilities?.can_edit)),
  };
}

/** The outcome in the API's words (snake_case, and a webhook as the URL it would call). */
function presentOutcome(outcome: CommandPlan['outcome']): z.infer<typeof CommandTestResult>['outcome'] {
  switch (outcome.kind) {
    case 'prompt':
      return { kind: 'prompt', text: outcome.text, ...(outcome.agentId ? { agent_id: outcome.agentId } : {}) };
    case 'tool':
      return {
        kind: 'tool',
        tool: outcome.tool,
        input: outcome.input,
        ...(outcome.useLastChart ? { use_last_chart: true } : {}),
      };
    case 'reply':
      return { kind: 'reply', text: outcome.text };
    case 'select':
      return {
        kind: 'select',
        ...(outcome.model !== undefined ? { model: outcome.model } : {}),
        ...(outcome.agent !== undefined ? { agent: outcome.agent } : {}),
        ...(outcome.text !== undefined ? { text: outcome.text } : {}),
      };
    case 'webhook':
      return { kind: 'webhook', url: outcome.url };
  }
}
