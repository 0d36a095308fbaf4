import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { WorkspaceItem } from './schema.js';

// Workspace items are their owner's only (row-level security); queries still name the owner,
// which lets the planner use the (user_id, item_type, updated_at) index.

const ITEM_JSON = `json_build_object(
  'id', w.id, 'item_type', w.item_type, 'title', w.title, 'content', w.content, 'tags', w.tags,
  'created_from_message_id', w.created_from_message_id, 'created_at', w.created_at, 'updated_at', w.updated_at)`;

export type WorkspaceItemJson = z.infer<typeof WorkspaceItem>;

export async function getWorkspaceItem(tx: Tx, id: string): Promise<WorkspaceItemJson | undefined> {
  const { rows } = await tx.query<{ item: WorkspaceItemJson }>(
    `select ${ITEM_JSON} as item from public.workspace_items w where w.id = $1`,
    [id],
  );
  return rows[0]?.item;
}

export interface ListFilter {
  itemType?: string | undefined;
  /** Items carrying all of these. */
  tags?: string[] | undefined;
  q?: string | undefined;
  limit: number;
  /** Keyset position: the last item of the previous page. */
  after?: { updatedAt: string; id: string } | undefined;
}

/** The caller's items, newest first, one page at a time. */
export async function listWorkspaceItems(tx: Tx, filter: ListFilter): Promise<WorkspaceItemJson[]> {
  const { rows } = await tx.query<{ item: WorkspaceItemJson }>(
    `select ${ITEM_JSON} as item
     from public.workspace_items w
     where w.user_id = (select auth.uid())
       and ($2::text is null or w.item_type = $2)
       and ($3::text[] is null or w.tags @> $3::text[])
       and ($4::text is null or w.title ilike '%' || $4 || '%')
       and ($5::timestamptz is null or (w.updated_at, w.id) < ($5::timestamptz, $6::uuid))
     order by w.updated_at desc, w.id desc
     limit $1`,
    [
      filter.limit,
      filter.itemType ?? null,
      filter.tags?.length ? filter.tags : null,
      filter.q ? escapeLike(filter.q) : null,
      filter.after?.updatedAt ?? null,
      filter.after?.id ?? null,
    ],
  );
  return rows.map((r) => r.item);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether the caller can see this chat message: only his own exist for him. */
export async function chatMessageVisible(tx: Tx, messageId: string): Promise<boolean> {
  const { rows } = await tx.query<{ visible: boolean }>(
    'select exists (select 1 from public.chat_messages m where m.id = $1) as visible',
    [messageId],
  );
  return rows[0]?.visible ?? false;
}

export async function insertWorkspaceItem(
  tx: Tx,
  fields: {
    userId: string;
    itemType: string;
    title: string;
    content: object;
    tags: string[];
    createdFromMessageId: string | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.workspace_items (user_id, item_type, title, content, tags, created_from_message_id)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [fields.userId, fields.itemType, fields.title, fields.content, fields.tags, fields.createdFromMessageId],
  );
  return (rows[0] as { id: string }).id;
}

export interface WorkspaceItemChanges {
  item_type?: string | undefined;
  title?: string | undefined;
  content?: object | undefined;
  tags?: string[] | undefined;
  created_from_message_id?: string | null | undefined;
}

const UPDATABLE: readonly (keyof WorkspaceItemChanges)[] = [
  'item_type',
  'title',
  'content',
  'tags',
  'created_from_message_id',
];

/** One UPDATE over a whitelist of columns; false when none of the caller's items matched. */
export async function updateWorkspaceItem(tx: Tx, id: string, changes: WorkspaceItemChanges): Promise<boolean> {
  const columns = UPDATABLE.filter((column) => changes[column] !== undefined);
  if (columns.length === 0) return true;
  const assignments = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
  const { rowCount } = await tx.query(`update public.workspace_items set ${assignments} where id = $1`, [
    id,
    ...columns.map((column) => changes[column]),
  ]);
  return rowCount > 0;
}

export async function deleteWorkspaceItem(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.workspace_items where id = $1', [id]);
  return rowCount > 0;
}
