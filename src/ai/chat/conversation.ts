import type { UIMessage } from 'ai';
import type { Tx } from '../../db/types.js';

// A session's messages as the AI SDK's UI messages. content.parts holds the UI parts of a message
// (text, tool calls with their inputs and outputs); content.text its plain text, which search
// indexes. Superseded messages (answers regenerated, prompts edited and resent) stay stored but
// leave the conversation the model sees.

export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant' | 'system' | 'tool';
  content: { text?: string; parts?: unknown[] };
  metadata: Record<string, unknown>;
  created_at: string;
}

export async function loadConversation(tx: Tx, sessionId: string): Promise<StoredMessage[]> {
  const { rows } = await tx.query<StoredMessage>(
    `select m.id, m.role, m.content, m.metadata, m.created_at
     from public.chat_messages m
     where m.chat_session_id = $1 and coalesce((m.metadata ->> 'superseded')::boolean, false) = false
     order by m.created_at, m.id`,
    [sessionId],
  );
  return rows;
}

export function toUIMessages(messages: StoredMessage[]): UIMessage[] {
  return messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({
      id: m.id,
      role: m.role as 'user' | 'assistant',
      parts: (m.content.parts as UIMessage['parts'] | undefined)?.length
        ? (m.content.parts as UIMessage['parts'])
        : [{ type: 'text', text: m.content.text ?? '' }],
    }));
}

/** The plain text of a UI message (what search and previews use). */
export function textOf(message: Pick<UIMessage, 'parts'>): string {
  return message.parts
    .flatMap((p) => (p.type === 'text' ? [p.text] : []))
    .join('\n')
    .trim();
}

/** Marks messages as superseded (kept, out of the conversation). */
export async function supersede(tx: Tx, ids: string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `update public.chat_messages set metadata = metadata || jsonb_build_object('superseded', true, 'superseded_by', $2::text)
     where id = any($1::uuid[])`,
    [ids, by],
  );
}

/** The last chart the assistant made in a conversation (for "add it", /save). */
export function lastChart(messages: StoredMessage[]): { title: string; spec: unknown } | undefined {
  for (const message of [...messages].reverse()) {
    for (const part of [
      ...((message.content.parts as { type: string; state?: string; output?: unknown }[]) ?? []),
    ].reverse()) {
      const output = part.output as { title?: string; spec?: unknown } | undefined;
      if (part.type === 'tool-make_chart' && part.state === 'output-available' && output?.spec)
        return { title: output.title ?? 'Chart', spec: output.spec };
    }
  }
  return undefined;
}
