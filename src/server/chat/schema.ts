import { z } from 'zod';

export const CONTEXT_TYPES = ['global', 'workspace', 'dashboard'] as const;
export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;

/** Whether a JSON value holds U+0000 anywhere (key or string): PostgreSQL text and jsonb refuse it. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  return false;
}
// Refused here with the field's path, instead of failing in the database as an internal error.
const NO_NUL = [(value: unknown) => !containsNul(value), 'must not contain the character U+0000'] as const;

const Title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine(...NO_NUL);
const JsonObject = z.record(z.string(), z.unknown());
const StoredJsonObject = JsonObject.refine(...NO_NUL);
const Timestamp = z.string().describe('ISO 8601 timestamp');
const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const Cursor = z.string().max(200).optional().describe('next_cursor of the previous page');

export const IdParams = z.object({ id: z.guid() });

// ---------------------------------------------------------------------------------------------
// Sessions

export const ChatSession = z
  .object({
    id: z.guid(),
    title: z.string(),
    context_type: z.enum(CONTEXT_TYPES),
    context_id: z.guid().nullable().describe('The dashboard of a dashboard session; null otherwise'),
    settings: JsonObject,
    message_count: z.number().int(),
    created_at: Timestamp,
    updated_at: Timestamp.describe('Changes when the session is edited or gets a new message'),
  })
  .meta({ id: 'ChatSession' });

export const ChatSessionList = z
  .object({
    items: z.array(ChatSession),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'ChatSessionList' });

export const ListChatSessionsQuery = z.object({
  context_type: z.enum(CONTEXT_TYPES).optional(),
  context_id: z.guid().optional().describe('Only sessions about this dashboard'),
  limit: Limit(100, 25),
  cursor: Cursor,
});

export const CreateChatSessionBody = z
  .object({
    title: Title,
    context_type: z.enum(CONTEXT_TYPES).default('global'),
    context_id: z.guid().optional().describe('The dashboard to talk about: required for, and only for, dashboard'),
    settings: StoredJsonObject.default({}),
  })
  .superRefine((body, ctx) => {
    if (!CONTEXT_TYPES.includes(body.context_type)) return;
    if (body.context_type === 'dashboard' && body.context_id === undefined)
      ctx.addIssue({ code: 'custom', path: ['context_id'], message: 'is required when context_type is dashboard' });
    if (body.context_type !== 'dashboard' && body.context_id !== undefined)
      ctx.addIssue({ code: 'custom', path: ['context_id'], message: 'is only allowed when context_type is dashboard' });
  });

export const UpdateChatSessionBody = z
  .object({ title: Title.optional(), settings: StoredJsonObject.optional().describe('Replaces the settings') })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

// ---------------------------------------------------------------------------------------------
// Messages

const MessageContent = z
  .object({
    text: z.string().max(100_000).optional().describe('The plain text; this is what search finds'),
    parts: z.array(JsonObject).max(1000).optional().describe('Rich parts (tool calls, charts, …), free-form'),
  })
  .strict()
  .refine(...NO_NUL);

const OutputRouting = z
  .union([JsonObject, z.array(z.unknown())])
  .refine(...NO_NUL)
  .describe('Where the answer goes (an object or an array)');

export const ChatMessage = z
  .object({
    id: z.guid(),
    session_id: z.guid(),
    role: z.enum(MESSAGE_ROLES),
    // Loose: whatever the content holds is returned whole.
    content: z.object({ text: z.string().optional(), parts: z.array(z.unknown()).optional() }).loose(),
    agent_id: z.guid().nullable(),
    llm_model_id: z.guid().nullable(),
    output_routing: z.union([JsonObject, z.array(z.unknown())]).nullable(),
    metadata: JsonObject,
    created_at: Timestamp,
  })
  .meta({ id: 'ChatMessage' });

export const ChatMessageList = z
  .object({
    items: z.array(ChatMessage),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next (newer) page; null on the last page'),
  })
  .meta({ id: 'ChatMessageList' });

export const ListChatMessagesQuery = z.object({ limit: Limit(200, 50), cursor: Cursor });

export const CreateChatMessageBody = z.object({
  role: z.enum(MESSAGE_ROLES),
  content: MessageContent,
  agent_id: z.guid().nullable().optional().describe('An agent you can read'),
  llm_model_id: z.guid().nullable().optional(),
  output_routing: OutputRouting.nullable().optional(),
  metadata: StoredJsonObject.default({}),
});

export const UpdateChatMessageBody = z
  .object({
    content: MessageContent.optional().describe('Replaces the content'),
    metadata: StoredJsonObject.optional().describe('Replaces the metadata'),
    output_routing: OutputRouting.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

// ---------------------------------------------------------------------------------------------
// Search

export const SearchChatQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .refine(...NO_NUL)
    .describe('Words to find'),
  limit: Limit(100, 20),
});

export const ChatSearchHit = z
  .object({
    message_id: z.guid(),
    session_id: z.guid(),
    session_title: z.string(),
    role: z.enum(MESSAGE_ROLES),
    created_at: Timestamp,
    rank: z.number().nullable().describe('Relevance (higher is better); null in substring mode'),
    snippet_html: z
      .string()
      .describe('An excerpt as HTML: the text escaped, the matches wrapped in <mark>; no other markup'),
  })
  .meta({ id: 'ChatSearchHit' });

export const ChatSearchResults = z
  .object({
    mode: z
      .enum(['ranked', 'substring'])
      .describe(
        'ranked: full-text matches, best first; substring: no word matched, so text containing q, newest first',
      ),
    items: z.array(ChatSearchHit),
  })
  .meta({ id: 'ChatSearchResults' });
