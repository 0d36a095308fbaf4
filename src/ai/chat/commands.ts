import { randomUUID } from 'node:crypto';
import { createUIMessageStream, type UIMessage } from 'ai';
import * as chat from '../../server/chat/queries.js';
import { usableCommands } from '../../server/commands/service.js';
import { notFound } from '../../server/errors/api-error.js';
import { DEFAULT_SAVE_TITLE } from '../commands/builtins.js';
import { type CommandOutcome, matchCommand } from '../commands/match.js';
import type { Provenance, ToolContext, UserCaller } from '../tools/context.js';
import { createTools } from '../tools/index.js';
import { lastChart, loadConversation, textOf } from './conversation.js';
import type { TurnDeps, TurnRequest } from './turn.js';

/** A turn answered without the model: its stream, and the two messages stored. */
export interface DirectTurn {
  stream: ReadableStream;
  assistantMessageId: string;
  userMessageId: string;
}

/** What a prompt becomes once commands are matched: the model's turn (maybe changed), or an answer at once. */
export type CommandHandling = { kind: 'model'; request: TurnRequest } | { kind: 'direct'; turn: DirectTurn };

/**
 * Matches built-in and custom commands before any model runs (linear-time patterns, so no user
 * pattern can hang the server). A prompt template or an agent route changes what the model gets;
 * /model and /agent change the session's choice; a direct tool call, /help and a webhook's answer
 * are answered here, without a model, and stored like any turn.
 */
export async function handleCommands(
  deps: TurnDeps,
  caller: UserCaller,
  request: TurnRequest,
  signal: AbortSignal,
): Promise<CommandHandling> {
  const text = request.text ?? '';
  const commands = await deps.db.asCaller(caller, (tx) => usableCommands(tx));
  const outcome = await matchCommand(text, commands, {
    userId: caller.userId,
    allowPrivateWebhooks: deps.ai.allowPrivateWebhooks,
    signal,
  });
  if (!outcome) return { kind: 'model', request };
  switch (outcome.kind) {
    case 'prompt':
      return {
        kind: 'model',
        request: { ...request, text: outcome.text, ...(outcome.agentId ? { agentId: outcome.agentId } : {}) },
      };
    case 'select':
      return select(deps, caller, request, outcome);
    case 'reply':
      return {
        kind: 'direct',
        turn: await answerDirectly(deps, caller, request, [{ type: 'text', text: outcome.text }]),
      };
    case 'tool':
      return { kind: 'direct', turn: await runToolDirectly(deps, caller, request, outcome) };
  }
}

async function select(
  deps: TurnDeps,
  caller: UserCaller,
  request: TurnRequest,
  outcome: Extract<CommandOutcome, { kind: 'select' }>,
): Promise<CommandHandling> {
  const chosen = await deps.db.asCaller(caller, async (tx) => {
    const found: { modelId?: string; agentId?: string; names: string[]; unknown: string[] } = {
      names: [],
      unknown: [],
    };
    if (outcome.model) {
      const { rows } = await tx.query<{ id: string; display_name: string }>(
        `select id, display_name from public.llm_models
         where is_active and (lower(display_name) = lower($1) or lower(model_id) = lower($1) or lower(provider || '/' || model_id) = lower($1))
         order by display_name limit 1`,
        [outcome.model.trim()],
      );
      if (rows[0]) {
        found.modelId = rows[0].id;
        found.names.push(`model ${rows[0].display_name}`);
      } else found.unknown.push(`no model called “${outcome.model}” (see /help or the model list)`);
    }
    if (outcome.agent) {
      const { rows } = await tx.query<{ id: string; name: string }>(
        'select id, name from public.agents where lower(name) = lower($1) order by updated_at desc limit 1',
        [outcome.agent.trim()],
      );
      if (rows[0]) {
        found.agentId = rows[0].id;
        found.names.push(`agent ${rows[0].name}`);
      } else found.unknown.push(`no agent called “${outcome.agent}” that you can use`);
    }
    return found;
  });
  const next: TurnRequest = {
    ...request,
    ...(chosen.modelId ? { modelId: chosen.modelId } : {}),
    ...(chosen.agentId ? { agentId: chosen.agentId } : {}),
  };
  if (outcome.text && chosen.unknown.length === 0) return { kind: 'model', request: { ...next, text: outcome.text } };
  const reply = chosen.unknown.length
    ? `There is ${chosen.unknown.join(', and ')}.`
    : `From now on this chat uses the ${chosen.names.join(' and the ')}.`;
  return { kind: 'direct', turn: await answerDirectly(deps, caller, next, [{ type: 'text', text: reply }], true) };
}

async function runToolDirectly(
  deps: TurnDeps,
  caller: UserCaller,
  request: TurnRequest,
  outcome: Extract<CommandOutcome, { kind: 'tool' }>,
): Promise<DirectTurn> {
  const assistantMessageId = randomUUID();
  const input = { ...outcome.input };
  if (outcome.useLastChart) {
    const chart = lastChart(await deps.db.asCaller(caller, (tx) => loadConversation(tx, request.sessionId)));
    if (!chart)
      return answerDirectly(deps, caller, request, [
        { type: 'text', text: 'There is no chart in this chat to save yet: make one first.' },
      ]);
    input.spec = chart.spec;
    input.title = input.title === DEFAULT_SAVE_TITLE ? chart.title : input.title;
  }
  const provenance: Provenance = {
    source: 'assistant',
    session_id: request.sessionId,
    message_id: assistantMessageId,
    prompt: (request.text ?? '').slice(0, 500),
    agent: null,
    model: { id: null, provider: 'ocp', model_id: 'command' },
  };
  const context: ToolContext = { db: deps.db, data: deps.data, caller, privacy: false, provenance, routes: [] };
  const tool = createTools(context)[outcome.tool];
  const toolCallId = randomUUID();
  const output = await tool?.execute?.(input as never, { toolCallId, messages: [] });
  const part = {
    type: `tool-${outcome.tool}`,
    toolCallId,
    state: 'output-available',
    input,
    output,
  } as UIMessage['parts'][number];
  return answerDirectly(deps, caller, request, [part], false, assistantMessageId, context.routes);
}

/** Stores the prompt and an answer made without a model, and streams that answer. */
async function answerDirectly(
  deps: TurnDeps,
  caller: UserCaller,
  request: TurnRequest,
  parts: UIMessage['parts'],
  rememberChoice = false,
  assistantMessageId: string = randomUUID(),
  routes: unknown[] = [],
): Promise<DirectTurn> {
  const text = request.text ?? '';
  const message: UIMessage = { id: assistantMessageId, role: 'assistant', parts };
  const userMessageId = await deps.db.asCaller(caller, async (tx) => {
    const { rows } = await tx.query<{ settings: Record<string, unknown> }>(
      'select settings from public.chat_sessions where id = $1',
      [request.sessionId],
    );
    const session = rows[0];
    if (!session) throw notFound('Chat session not found');
    const userId = await chat.insertChatMessage(tx, {
      sessionId: request.sessionId,
      role: 'user',
      content: { text, parts: [{ type: 'text', text }] },
      agentId: null,
      llmModelId: null,
      outputRouting: null,
      metadata: { command: true },
    });
    await chat.insertChatMessage(tx, {
      id: assistantMessageId,
      sessionId: request.sessionId,
      role: 'assistant',
      content: { text: textOf(message), parts },
      agentId: null,
      llmModelId: null,
      outputRouting: routes,
      metadata: { status: 'complete', answered_by: 'command' },
    });
    if (rememberChoice)
      await chat.updateChatSession(tx, request.sessionId, {
        settings: {
          ...session.settings,
          ...(request.modelId ? { model_id: request.modelId } : {}),
          ...(request.agentId !== undefined ? { agent_id: request.agentId } : {}),
        },
      });
    return userId;
  });
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: 'start', messageId: assistantMessageId });
      for (const part of parts) {
        if (part.type === 'text') {
          writer.write({ type: 'text-start', id: 't' });
          writer.write({ type: 'text-delta', id: 't', delta: part.text });
          writer.write({ type: 'text-end', id: 't' });
        } else if ('toolCallId' in part && 'output' in part) {
          const toolName = part.type.replace(/^tool-/, '');
          writer.write({ type: 'tool-input-available', toolCallId: part.toolCallId, toolName, input: part.input });
          writer.write({ type: 'tool-output-available', toolCallId: part.toolCallId, output: part.output });
        }
      }
      writer.write({ type: 'finish' });
    },
  });
  return { stream, assistantMessageId, userMessageId };
}
