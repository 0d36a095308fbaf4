import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { ChatMessage, ChatSearchHit, ChatSession } from './schema.js';

// Sessions and messages are shaped into their API form by the database (json_build_object), from
// an explicit list of columns. Row-level security makes every row the caller does not own absent;
// the queries still name the owner where it lets the planner use the (user_id, …) indexes.

const SESSION_JSON = `json_build_object(
  'id', s.id, 'title', s.title, 'context_type', s.context_type, 'context_id', s.context_id,
  'settings', s.settings,
  'message_count', (select count(*) from public.chat_messages m where m.chat_session_id = s.id),
  'created_at', s.created_at, 'updated_at', s.updated_at)`;

const MESSAGE_JSON = `json_build_object(
  'id', m.id, 'session_id', m.chat_session_id, 'role', m.role, 'content', m.content,
  'agent_id', m.agent_id, 'llm_model_id', m.llm_model_id, 'output_routing', m.output_routing,
  'metadata', m.metadata, 'created_at', m.created_at)`;

export type ChatSessionJson = z.infer<typeof ChatSession>;
export type ChatMessageJson = z.infer<typeof ChatMessage>;
/** A search hit as the database gives it: the snippet still carries U+E000/U+E001 marks. */
export type MarkedHit = Omit<z.infer<typeof ChatSearchHit>, 'snippet_html'> & { snippet: string };

/** Keyset position: the sort key (a timestamp) and id of the last item of the previous page. */
export interface After {
  at: string;
  id: string;
}

// node-postgres would send a JS array as a PostgreSQL array, so JSON goes as text and is cast.
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function getChatSession(tx: Tx, id: string): Promise<ChatSessionJson | undefined> {
  const { rows } = await tx.query<{ session: ChatSessionJson }>(
    `select ${SESSION_JSON} as session from public.chat_sessions s where s.id = $1`,
    [id],
  );
  return rows[0]?.session;
}

/** Whether the caller owns this session (row-level security hides everyone else's). */
export async function chatSessionExists(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.chat_sessions s where s.id = $1', [id]);
  return rows.length > 0;
}

export interface SessionFilter {
  contextType?: string | undefined;
  contextId?: string | undefined;
  limit: number;
  after?: After | undefined;
}

/** The caller's sessions, most recently active first, one page at a time. */
export async function listChatSessions(tx: Tx, filter: SessionFilter): Promise<ChatSessionJson[]> {
  const { rows } = await tx.query<{ session: ChatSessionJson }>(
    `select ${SESSION_JSON} as session
     from public.chat_sessions s
     where s.user_id = (select auth.uid())
       and ($2::text is null or s.context_type = $2)
       and ($3::uuid is null or s.context_id = $3)
       and ($4::timestamptz is null or (s.updated_at, s.id) < ($4::timestamptz, $5::uuid))
     order by s.updated_at desc, s.id desc
     limit $1`,
    [
      filter.limit,
      filter.contextType ?? null,
      filter.contextId ?? null,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
    ],
  );
  return rows.map((r) => r.session);
}

export async function insertChatSession(
  tx: Tx,
  fields: { title: string; contextType: string; contextId: string | null; settings: object },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.chat_sessions (title, context_type, context_id, settings)
     values ($1, $2, $3, $4::jsonb) returning id`,
    [fields.title, fields.contextType, fields.contextId, json(fields.settings)],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateChatSession(
  tx: Tx,
  id: string,
  changes: { title?: string | undefined; settings?: object | undefined },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update public.chat_sessions
     set title = coalesce($2, title), settings = coalesce($3::jsonb, settings)
     where id = $1`,
    [id, changes.title ?? null, json(changes.settings)],
  );
  return rowCount > 0;
}

export async function deleteChatSession(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.chat_sessions where id = $1', [id]);
  return rowCount > 0;
}

/** A session's messages, oldest first, one page at a time. */
export async function listChatMessages(
  tx: Tx,
  sessionId: string,
  page: { limit: number; after?: After | undefined },
): Promise<ChatMessageJson[]> {
  const { rows } = await tx.query<{ message: ChatMessageJson }>(
    `select ${MESSAGE_JSON} as message
     from public.chat_messages m
     where m.chat_session_id = $1
       and ($3::timestamptz is null or (m.created_at, m.id) > ($3::timestamptz, $4::uuid))
     order by m.created_at, m.id
     limit $2`,
    [sessionId, page.limit, page.after?.at ?? null, page.after?.id ?? null],
  );
  return rows.map((r) => r.message);
}

export async function getChatMessage(tx: Tx, id: string): Promise<ChatMessageJson | undefined> {
  const { rows } = await tx.query<{ message: ChatMessageJson }>(
    `select ${MESSAGE_JSON} as message from public.chat_messages m where m.id = $1`,
    [id],
  );
  return rows[0]?.message;
}

/** Whether the caller may name this agent (its own, its teams', or a public one). */
export async function agentIsReadable(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.agents a where a.id = $1', [id]);
  return rows.length > 0;
}

export async function llmModelExists(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.llm_models l where l.id = $1', [id]);
  return rows.length > 0;
}

export async function insertChatMessage(
  tx: Tx,
  fields: {
    /** Given when the caller needs the id before the row exists (an answer streamed under it). */
    id?: string | undefined;
    sessionId: string;
    role: string;
    content: object;
    agentId: string | null;
    llmModelId: string | null;
    outputRouting: unknown;
    metadata: object;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.chat_messages
       (id, chat_session_id, role, content, agent_id, llm_model_id, output_routing, metadata)
     values (coalesce($8::uuid, gen_random_uuid()), $1, $2, $3::jsonb, $4, $5, $6::jsonb, $7::jsonb) returning id`,
    [
      fields.sessionId,
      fields.role,
      json(fields.content),
      fields.agentId,
      fields.llmModelId,
      json(fields.outputRouting),
      json(fields.metadata),
      fields.id ?? null,
    ],
  );
  return (rows[0] as { id: string }).id;
}

/** Replaces the given fields; output_routing: null clears it, undefined keeps it. */
export async function updateChatMessage(
  tx: Tx,
  id: string,
  changes: { content?: object | undefined; metadata?: object | undefined; outputRouting?: unknown },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update public.chat_messages
     set content = coalesce($2::jsonb, content),
         metadata = coalesce($3::jsonb, metadata),
         output_routing = case when $4::boolean then $5::jsonb else output_routing end
     where id = $1`,
    [
      id,
      json(changes.content),
      json(changes.metadata),
      changes.outputRouting !== undefined,
      json(changes.outputRouting),
    ],
  );
  return rowCount > 0;
}

export async function deleteChatMessage(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.chat_messages where id = $1', [id]);
  return rowCount > 0;
}

/** Characters of context a substring snippet shows, the match included. */
const SNIPPET_CHARS = 160;

/**
 * Search over the caller's messages, in one statement. First ranked full text
 * (search_chat_messages, which applies RLS as the caller); only when no word matches (a fragment
 * such as "venu", or only stop words) the messages whose text contains the query
 * (case-insensitive; % _ \ taken literally), newest first: content->>'text' ILIKE '%term%' is
 * served by the trigram index, and the NOT EXISTS is a one-time filter, so that scan does not run
 * when the ranked search found something. A substring snippet is ~160 characters around the first
 * match, marked as search_chat_messages marks its matches (U+E000 … U+E001), with … where text
 * was cut.
 */
export async function searchChatMessages(
  tx: Tx,
  query: string,
  limit: number,
): Promise<{ mode: 'ranked' | 'substring'; hits: MarkedHit[] }> {
  const { rows } = await tx.query<{ hit: MarkedHit; ranked: boolean }>(
    `with ranked as (
       select r.ord, json_build_object(
         'message_id', r.message_id, 'session_id', r.chat_session_id, 'session_title', r.session_title,
         'role', r.role, 'created_at', r.created_at, 'rank', r.rank, 'snippet', r.snippet) as hit
       from public.search_chat_messages($1, $3) with ordinality
         as r(message_id, chat_session_id, session_title, role, created_at, rank, snippet, ord)
     ),
     contains as (
       select m.id, m.chat_session_id, m.role, m.created_at, m.content ->> 'text' as body,
              row_number() over (order by m.created_at desc, m.id desc) as ord
       from public.chat_messages m
       where not exists (select 1 from ranked)
         and m.user_id = (select auth.uid())
         and m.content ->> 'text' ilike '%' || $2 || '%'
       order by m.created_at desc, m.id desc
       limit $3
     )
     select ord, hit, true as ranked from ranked
     union all
     select h.ord, json_build_object(
       'message_id', h.id, 'session_id', h.chat_session_id, 'session_title', s.title,
       'role', h.role, 'created_at', h.created_at, 'rank', null,
       'snippet', case
         when p.at = 0 then left(h.body, $4) || case when length(h.body) > $4 then '…' else '' end
         else case when w.start > 1 then '…' else '' end
           || substr(h.body, w.start, p.at - w.start)
           || chr(57344) || substr(h.body, p.at, p.len) || chr(57345)
           || substr(h.body, p.at + p.len, greatest($4 - (p.at - w.start) - p.len, 0))
           || case when w.start + greatest($4, p.at - w.start + p.len) <= length(h.body) then '…' else '' end
         end), false
     from contains h
     join public.chat_sessions s on s.id = h.chat_session_id
     -- The first match (1-based; 0 only where ILIKE and lower() disagree), and where the window
     -- starts: centred on the match, moved left near the end of the text so that it stays full.
     cross join lateral (select strpos(lower(h.body), lower($1)) as at, length($1) as len) p
     cross join lateral (
       select greatest(least(p.at - greatest(($4 - p.len) / 2, 0), length(h.body) - $4 + 1), 1) as start
     ) w
     order by ord`,
    [query, escapeLike(query), limit, SNIPPET_CHARS],
  );
  // Only one branch ever has rows; no rows at all means both searches found nothing.
  return { mode: rows[0]?.ranked ? 'ranked' : 'substring', hits: rows.map((r) => r.hit) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
