import { z } from 'zod';
import { DbError } from '../../db/errors.js';
import type { Tx } from '../../db/types.js';
import { invalidField, notFound } from '../errors/api-error.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import * as q from './queries.js';
import type {
  ChatSearchResults,
  CreateChatMessageBody,
  CreateChatSessionBody,
  ListChatMessagesQuery,
  ListChatSessionsQuery,
  UpdateChatMessageBody,
  UpdateChatSessionBody,
} from './schema.js';
import { snippetHtml } from './snippet.js';

// Named units of work over chat sessions and messages. Each runs inside the caller's transaction,
// where row-level security makes everything the caller does not own absent: a session or message
// of someone else's is "not found", word for word as one that does not exist.

const SESSION_NOT_FOUND = 'Chat session not found';
const MESSAGE_NOT_FOUND = 'Chat message not found';

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Cuts the extra row a query was asked for (limit + 1) and makes the cursor from the last item kept. */
function toPage<T extends { id: string }>(rows: T[], limit: number, sortKey: (item: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor({ updatedAt: sortKey(last), id: last.id }) : null,
  };
}

const CursorPosition = z.object({ updatedAt: z.iso.datetime({ offset: true }), id: z.guid() });

/** The keyset position a cursor names; one this API did not give out is refused with 422. */
function after(cursor: string | undefined): q.After | undefined {
  const decoded = decodeCursor(cursor);
  if (!decoded) return undefined;
  const position = CursorPosition.safeParse(decoded);
  if (!position.success) throw invalidField('/querystring/cursor', 'is not valid');
  return { at: position.data.updatedAt, id: position.data.id };
}

export async function listSessions(
  tx: Tx,
  query: z.infer<typeof ListChatSessionsQuery>,
): Promise<Page<q.ChatSessionJson>> {
  const rows = await q.listChatSessions(tx, {
    contextType: query.context_type,
    contextId: query.context_id,
    limit: query.limit + 1,
    after: after(query.cursor),
  });
  return toPage(rows, query.limit, (session) => session.updated_at);
}

export async function requireSession(tx: Tx, id: string): Promise<q.ChatSessionJson> {
  const session = await q.getChatSession(tx, id);
  if (!session) throw notFound(SESSION_NOT_FOUND);
  return session;
}

export async function createSession(tx: Tx, body: z.infer<typeof CreateChatSessionBody>): Promise<q.ChatSessionJson> {
  let id: string;
  try {
    id = await q.insertChatSession(tx, {
      title: body.title,
      contextType: body.context_type,
      contextId: body.context_id ?? null,
      settings: body.settings,
    });
  } catch (error) {
    // check_chat_context: the dashboard does not exist or the caller may not read it (alike).
    if (error instanceof DbError && error.code === 'OC006')
      throw invalidField('/body/context_id', 'is not a dashboard you can read');
    throw error;
  }
  return requireSession(tx, id);
}

export async function updateSession(
  tx: Tx,
  id: string,
  body: z.infer<typeof UpdateChatSessionBody>,
): Promise<q.ChatSessionJson> {
  if (!(await q.updateChatSession(tx, id, body))) throw notFound(SESSION_NOT_FOUND);
  return requireSession(tx, id);
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteChatSession(tx, id))) throw notFound(SESSION_NOT_FOUND);
}

export async function listMessages(
  tx: Tx,
  sessionId: string,
  query: z.infer<typeof ListChatMessagesQuery>,
): Promise<Page<q.ChatMessageJson>> {
  const position = after(query.cursor);
  // An empty page and a hidden session must not look alike.
  if (!(await q.chatSessionExists(tx, sessionId))) throw notFound(SESSION_NOT_FOUND);
  const rows = await q.listChatMessages(tx, sessionId, { limit: query.limit + 1, after: position });
  return toPage(rows, query.limit, (message) => message.created_at);
}

export async function requireMessage(tx: Tx, id: string): Promise<q.ChatMessageJson> {
  const message = await q.getChatMessage(tx, id);
  if (!message) throw notFound(MESSAGE_NOT_FOUND);
  return message;
}

/** Stores a message as it is given; the assistant's answer is not produced here. */
export async function addMessage(
  tx: Tx,
  sessionId: string,
  body: z.infer<typeof CreateChatMessageBody>,
): Promise<q.ChatMessageJson> {
  if (!(await q.chatSessionExists(tx, sessionId))) throw notFound(SESSION_NOT_FOUND);
  // The insert policy refuses a hidden agent with the same error as a hidden session; asking
  // first names the field at fault. A hidden agent and an unknown one get the same answer.
  if (body.agent_id && !(await q.agentIsReadable(tx, body.agent_id)))
    throw invalidField('/body/agent_id', 'is not an agent you can use');
  if (body.llm_model_id && !(await q.llmModelExists(tx, body.llm_model_id)))
    throw invalidField('/body/llm_model_id', 'is not a known model');
  const id = await q.insertChatMessage(tx, {
    sessionId,
    role: body.role,
    content: body.content,
    agentId: body.agent_id ?? null,
    llmModelId: body.llm_model_id ?? null,
    outputRouting: body.output_routing ?? null,
    metadata: body.metadata,
  });
  return requireMessage(tx, id);
}

export async function updateMessage(
  tx: Tx,
  id: string,
  body: z.infer<typeof UpdateChatMessageBody>,
): Promise<q.ChatMessageJson> {
  const changed = await q.updateChatMessage(tx, id, {
    content: body.content,
    metadata: body.metadata,
    outputRouting: body.output_routing,
  });
  if (!changed) throw notFound(MESSAGE_NOT_FOUND);
  return requireMessage(tx, id);
}

export async function deleteMessage(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteChatMessage(tx, id))) throw notFound(MESSAGE_NOT_FOUND);
}

/**
 * Ranked full-text search across the caller's sessions; when no word matches (a fragment such as
 * "venu", or only stop words), the messages whose text contains q, newest first.
 */
export async function searchMessages(tx: Tx, query: string, limit: number): Promise<z.infer<typeof ChatSearchResults>> {
  const { mode, hits } = await q.searchChatMessages(tx, query, limit);
  return { mode, items: hits.map(({ snippet, ...hit }) => ({ ...hit, snippet_html: snippetHtml(snippet ?? '') })) };
}
