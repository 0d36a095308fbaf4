import { randomUUID } from 'node:crypto';
import {
  convertToModelMessages,
  createUIMessageStream,
  readUIMessageStream,
  stepCountIs,
  streamText,
  type UIMessage,
  type UIMessageChunk,
} from 'ai';
import type { DataServices } from '../../data/services.js';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/types.js';
import * as chat from '../../server/chat/queries.js';
import { ApiError, invalidField, notFound } from '../../server/errors/api-error.js';
import type { ConfiguredModel, ModelRegistry } from '../models/registry.js';
import type { OutputRoute, Provenance, ToolContext, UserCaller } from '../tools/context.js';
import { TOOL_NAMES, type ToolName } from '../tools/contracts.js';
import { createTools } from '../tools/index.js';
import { handleCommands } from './commands.js';
import { loadConversation, type StoredMessage, supersede, textOf, toUIMessages } from './conversation.js';
import { dashboardContext } from './dashboard-context.js';
import { systemPrompt } from './system-prompt.js';

/** What the assistant needs besides the database and the data: the models, and its limits. */
export interface AssistantServices {
  registry: ModelRegistry;
  /** Tool steps a turn may take before it must answer. */
  maxSteps: number;
  /** Let webhooks of custom commands reach private addresses (an administrator's choice). */
  allowPrivateWebhooks: boolean;
  /** Turns running in this process, by session: what "stop" aborts. */
  running: Map<string, AbortController>;
  /** The last answer's final save, by session: the next turn of the session waits for it. */
  saving: Map<string, Promise<void>>;
}

export interface TurnDeps {
  db: Database;
  data: DataServices;
  ai: AssistantServices;
}

export interface TurnRequest {
  sessionId: string;
  /** The user's words; absent when regenerating. */
  text?: string | undefined;
  /** null: no agent; absent: the session's last choice. */
  agentId?: string | null | undefined;
  /** Absent: the agent's model, else the session's last choice, else the default. */
  modelId?: string | undefined;
  /** Edit and resend: this user message and everything after it are superseded. */
  editMessageId?: string | undefined;
  /** Answer the last prompt again; the previous answer is superseded. */
  regenerate?: boolean | undefined;
}

interface AgentRow {
  id: string;
  name: string;
  instructions: string;
  settings: { model_id?: string; temperature?: number; tools?: string[]; privacy_mode?: boolean };
}

interface ModelRow {
  id: string;
  provider: string;
  model_id: string;
  is_active: boolean;
}

/** Everything a turn decided before the model runs. */
interface PreparedTurn {
  userMessageId: string;
  assistantMessageId: string;
  prompt: string;
  history: UIMessage[];
  agent: AgentRow | null;
  model: { row: ModelRow; configured: ConfiguredModel };
  system: string;
  privacy: boolean;
}

async function resolveAgent(tx: Tx, agentId: string | null | undefined, remembered: unknown): Promise<AgentRow | null> {
  const id = agentId === undefined ? (typeof remembered === 'string' ? remembered : null) : agentId;
  if (!id) return null;
  const { rows } = await tx.query<AgentRow>(
    'select id, name, instructions, settings from public.agents where id = $1',
    [id],
  );
  if (!rows[0]) {
    if (agentId) throw invalidField('/body/agent_id', 'is not an agent you can use');
    return null; // the remembered agent was deleted since
  }
  return rows[0];
}

async function resolveModel(
  tx: Tx,
  registry: ModelRegistry,
  wanted: string | undefined,
  agent: AgentRow | null,
  remembered: unknown,
): Promise<PreparedTurn['model']> {
  const candidates = [wanted, agent?.settings.model_id, typeof remembered === 'string' ? remembered : undefined].filter(
    (id): id is string => typeof id === 'string',
  );
  for (const id of candidates) {
    const { rows } = await tx.query<ModelRow>(
      'select id, provider, model_id, is_active from public.llm_models where id = $1',
      [id],
    );
    const row = rows[0];
    const configured = row?.is_active ? registry.find(row.provider, row.model_id) : undefined;
    if (row && configured?.capabilities.usable) return { row, configured };
    if (id === wanted) throw invalidField('/body/model_id', 'is not a model that can be used now');
  }
  const configured = registry.defaultModel();
  const { rows } = await tx.query<ModelRow>(
    'select id, provider, model_id, is_active from public.llm_models where provider = $1 and model_id = $2',
    [configured.provider, configured.modelId],
  );
  if (!rows[0]) throw new ApiError('unavailable', 'No model is configured');
  return { row: rows[0], configured };
}

/** Privacy: the agent's own setting, else the default of the team whose dashboard the chat is about. */
async function privacyFor(
  tx: Tx,
  agent: AgentRow | null,
  session: { context_type: string; context_id: string | null },
) {
  if (typeof agent?.settings.privacy_mode === 'boolean') return agent.settings.privacy_mode;
  if (session.context_type !== 'dashboard' || !session.context_id) return false;
  const { rows } = await tx.query<{ privacy: boolean | null }>(
    `select (t.settings ->> 'privacy_mode')::boolean as privacy
     from public.dashboards d join public.teams t on t.id = d.owner_team_id where d.id = $1`,
    [session.context_id],
  );
  return rows[0]?.privacy ?? false;
}

/** Stores the prompt and an empty answer, and decides agent, model, system prompt and history. */
async function prepare(deps: TurnDeps, caller: UserCaller, request: TurnRequest): Promise<PreparedTurn> {
  return deps.db.asCaller(caller, async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      title: string;
      context_type: string;
      context_id: string | null;
      settings: Record<string, unknown>;
    }>('select id, title, context_type, context_id, settings from public.chat_sessions where id = $1', [
      request.sessionId,
    ]);
    const session = rows[0];
    if (!session) throw notFound('Chat session not found');
    const agent = await resolveAgent(tx, request.agentId, session.settings.agent_id);
    const model = await resolveModel(tx, deps.ai.registry, request.modelId, agent, session.settings.model_id);
    let conversation = await loadConversation(tx, session.id);

    let prompt: string;
    let userMessageId: string;
    if (request.regenerate) {
      const lastUser = [...conversation].reverse().find((m) => m.role === 'user');
      if (!lastUser) throw new ApiError('conflict', 'There is no prompt to answer again');
      const after = conversation.slice(conversation.indexOf(lastUser) + 1);
      await supersede(
        tx,
        after.map((m) => m.id),
        lastUser.id,
      );
      conversation = conversation.slice(0, conversation.indexOf(lastUser) + 1);
      prompt = lastUser.content.text ?? '';
      userMessageId = lastUser.id;
    } else {
      prompt = request.text ?? '';
      if (request.editMessageId) {
        const at = conversation.findIndex((m) => m.id === request.editMessageId && m.role === 'user');
        if (at < 0) throw invalidField('/body/edit_message_id', 'is not a prompt of this conversation');
        const replaced = conversation.slice(at);
        conversation = conversation.slice(0, at);
        userMessageId = await insertUserMessage(tx, session.id, prompt, agent, model.row);
        await supersede(
          tx,
          replaced.map((m) => m.id),
          userMessageId,
        );
      } else {
        userMessageId = await insertUserMessage(tx, session.id, prompt, agent, model.row);
      }
      conversation.push({
        id: userMessageId,
        role: 'user',
        content: { text: prompt, parts: [{ type: 'text', text: prompt }] },
        metadata: {},
        created_at: new Date().toISOString(),
      });
    }

    const assistantMessageId = await chat.insertChatMessage(tx, {
      sessionId: session.id,
      role: 'assistant',
      content: { text: '', parts: [] },
      agentId: agent?.id ?? null,
      llmModelId: model.row.id,
      outputRouting: [],
      metadata: { status: 'streaming', model: { provider: model.row.provider, model_id: model.row.model_id } },
    });
    // The session remembers the choice; a new chat takes its title from its first prompt.
    await chat.updateChatSession(tx, session.id, {
      settings: { ...session.settings, agent_id: agent?.id ?? null, model_id: model.row.id },
      ...(session.title === 'New chat' && !request.regenerate ? { title: prompt.slice(0, 80) || 'New chat' } : {}),
    });

    const privacy = await privacyFor(tx, agent, session);
    const dashboard =
      session.context_type === 'dashboard' && session.context_id
        ? await dashboardContext(tx, session.context_id).catch(() => undefined)
        : undefined;
    return {
      userMessageId,
      assistantMessageId,
      prompt,
      history: toUIMessages(conversation),
      agent,
      model,
      system: systemPrompt({ agentInstructions: agent?.instructions, dashboard, privacy }),
      privacy,
    };
  });
}

async function insertUserMessage(tx: Tx, sessionId: string, text: string, agent: AgentRow | null, model: ModelRow) {
  return chat.insertChatMessage(tx, {
    sessionId,
    role: 'user',
    content: { text, parts: [{ type: 'text', text }] },
    agentId: agent?.id ?? null,
    llmModelId: model.id,
    outputRouting: null,
    metadata: {},
  });
}

/** Saves an answer as it stands: its parts, its plain text, where its outputs went. */
async function saveAnswer(
  deps: TurnDeps,
  caller: UserCaller,
  id: string,
  message: UIMessage,
  routes: OutputRoute[],
  metadata?: Record<string, unknown>,
) {
  await deps.db.asCaller(caller, (tx) =>
    chat.updateChatMessage(tx, id, {
      content: { text: textOf(message), parts: message.parts },
      ...(metadata ? { metadata } : {}),
      outputRouting: routes,
    }),
  );
}

/** How often a streaming answer is written to the database, at most. */
const SAVE_EVERY_MS = 500;

/**
 * One turn of the chat: stores the prompt, streams the model's answer (the AI SDK's UI message
 * stream), runs its tool calls as the user, and stores the answer as it grows, so that a dropped
 * connection or a stop loses nothing already generated. The returned stream is what the client
 * receives; the turn ends when it does.
 */
export async function runTurn(deps: TurnDeps, caller: UserCaller, asked: TurnRequest, signal: AbortSignal) {
  // A prompt sent right after an answer streamed must see that answer stored.
  await deps.ai.saving.get(asked.sessionId);
  let request = asked;
  if (!asked.regenerate && asked.text) {
    const handled = await handleCommands(deps, caller, asked, signal);
    if (handled.kind === 'direct') return handled.turn;
    request = handled.request;
  }
  const turn = await prepare(deps, caller, request);
  // Until this answer is stored, the session's next turn waits (set before anything streams).
  let markSaved: () => void = () => {};
  const saved = new Promise<void>((resolve) => {
    markSaved = resolve;
  });
  deps.ai.saving.set(request.sessionId, saved);
  const started = performance.now();
  let firstChunkAt: number | undefined;
  const routes: OutputRoute[] = [];
  const provenance: Provenance = {
    source: 'assistant',
    session_id: request.sessionId,
    message_id: turn.assistantMessageId,
    prompt: turn.prompt.slice(0, 500),
    agent: turn.agent ? { id: turn.agent.id, name: turn.agent.name } : null,
    model: { id: turn.model.row.id, provider: turn.model.row.provider, model_id: turn.model.row.model_id },
  };
  const context: ToolContext = { db: deps.db, data: deps.data, caller, privacy: turn.privacy, provenance, routes };
  const allowed = turn.agent?.settings.tools?.filter((t): t is ToolName =>
    (TOOL_NAMES as readonly string[]).includes(t),
  );
  const tools = createTools(context, allowed);

  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop, { once: true });
  deps.ai.running.get(request.sessionId)?.abort();
  deps.ai.running.set(request.sessionId, abort);

  let usage: { inputTokens?: number | undefined; outputTokens?: number | undefined; totalTokens?: number | undefined } =
    {};
  let steps = 0;
  const result = streamText({
    model: turn.model.configured.create(),
    system: turn.system,
    messages: await convertToModelMessages(turn.history, { tools, ignoreIncompleteToolCalls: true }),
    tools,
    stopWhen: stepCountIs(deps.ai.maxSteps),
    ...(turn.agent?.settings.temperature !== undefined ? { temperature: turn.agent.settings.temperature } : {}),
    abortSignal: abort.signal,
    onChunk: () => {
      firstChunkAt ??= performance.now();
    },
    onStepFinish: () => {
      steps++;
    },
    onFinish: (event) => {
      usage = event.totalUsage;
    },
  });

  // Saves of one answer run one after another, and none after the final one: a progress save that
  // is slow must not land on top of the finished answer.
  let saves: Promise<unknown> = Promise.resolve();
  let finished = false;
  const enqueueSave = (work: () => Promise<unknown>) => {
    saves = saves.then(work).catch(() => {});
    return saves;
  };

  const finish = async (message: UIMessage, status: 'complete' | 'aborted' | 'error', finishReason?: string) => {
    finished = true;
    try {
      await enqueueSave(() =>
        saveAnswer(deps, caller, turn.assistantMessageId, message, routes, {
          status,
          finish_reason: finishReason ?? null,
          model: { provider: turn.model.row.provider, model_id: turn.model.row.model_id },
          agent: turn.agent ? { id: turn.agent.id, name: turn.agent.name } : null,
          usage: {
            input_tokens: usage.inputTokens ?? null,
            output_tokens: usage.outputTokens ?? null,
            total_tokens: usage.totalTokens ?? null,
          },
          latency_ms: {
            first_chunk: firstChunkAt === undefined ? null : Math.round(firstChunkAt - started),
            total: Math.round(performance.now() - started),
          },
          steps,
          privacy_mode: turn.privacy,
        }),
      );
    } finally {
      signal.removeEventListener('abort', stop);
      if (deps.ai.running.get(request.sessionId) === abort) deps.ai.running.delete(request.sessionId);
    }
  };

  const stream = createUIMessageStream({
    originalMessages: turn.history,
    generateId: randomUUID,
    execute: ({ writer }) => {
      writer.merge(
        result.toUIMessageStream({
          generateMessageId: () => turn.assistantMessageId,
          messageMetadata: ({ part }) =>
            part.type === 'start'
              ? { model: provenance.model, agent: provenance.agent, user_message_id: turn.userMessageId }
              : undefined,
          onError: (error) =>
            error instanceof Error && /abort/i.test(error.name) ? 'Stopped' : 'The model failed to answer.',
        }),
      );
    },
    onFinish: async ({ responseMessage, isAborted, finishReason }) => {
      try {
        await finish(responseMessage, isAborted ? 'aborted' : 'complete', isAborted ? 'aborted' : finishReason);
      } finally {
        markSaved();
        if (deps.ai.saving.get(request.sessionId) === saved) deps.ai.saving.delete(request.sessionId);
      }
    },
  });

  // A second reader of the same stream keeps the stored answer current while it streams.
  const [toClient, toStore] = stream.tee();
  void (async () => {
    let lastSave = 0;
    try {
      for await (const message of readUIMessageStream({ stream: toStore as ReadableStream<UIMessageChunk> })) {
        if (finished) break;
        if (performance.now() - lastSave < SAVE_EVERY_MS) continue;
        lastSave = performance.now();
        await enqueueSave(async () => {
          if (!finished)
            await saveAnswer(
              deps,
              caller,
              turn.assistantMessageId,
              { ...message, id: turn.assistantMessageId },
              routes,
            );
        });
      }
    } catch {
      // The final save (onFinish) has the last word.
    }
  })();
  return { stream: toClient, assistantMessageId: turn.assistantMessageId, userMessageId: turn.userMessageId };
}

export type { StoredMessage };
