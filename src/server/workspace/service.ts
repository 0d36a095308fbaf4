import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { invalidField, notFound } from '../errors/api-error.js';
import * as q from './queries.js';
import type { CreateWorkspaceItemBody, UpdateWorkspaceItemBody } from './schema.js';

// Units of work over the caller's workspace. Items are their owner's alone, so an item the caller
// cannot change is one he cannot see: always 404, never 403.

async function requireItem(tx: Tx, id: string): Promise<q.WorkspaceItemJson> {
  const item = await q.getWorkspaceItem(tx, id);
  if (!item) throw notFound('Workspace item not found');
  return item;
}

/**
 * An item may come only from one of the caller's own chat messages. The policy would refuse any
 * other as a bare 403; checked first, the caller learns which field is wrong. Another user's
 * message and one that does not exist get the same answer.
 */
async function requireOwnMessage(tx: Tx, messageId: string | null | undefined): Promise<void> {
  if (messageId && !(await q.chatMessageVisible(tx, messageId)))
    throw invalidField('/body/created_from_message_id', 'is not a message in your chats');
}

export async function createWorkspaceItem(
  tx: Tx,
  userId: string,
  body: z.infer<typeof CreateWorkspaceItemBody>,
): Promise<q.WorkspaceItemJson> {
  await requireOwnMessage(tx, body.created_from_message_id);
  const id = await q.insertWorkspaceItem(tx, {
    userId,
    itemType: body.item_type,
    title: body.title,
    content: body.content,
    tags: body.tags,
    createdFromMessageId: body.created_from_message_id ?? null,
  });
  return requireItem(tx, id);
}

export async function getWorkspaceItem(tx: Tx, id: string): Promise<q.WorkspaceItemJson> {
  return requireItem(tx, id);
}

export async function updateWorkspaceItem(
  tx: Tx,
  id: string,
  body: z.infer<typeof UpdateWorkspaceItemBody>,
): Promise<q.WorkspaceItemJson> {
  // An unknown item is 404 before the message is looked at: a bad id is the first thing wrong.
  await requireItem(tx, id);
  await requireOwnMessage(tx, body.created_from_message_id);
  if (!(await q.updateWorkspaceItem(tx, id, body))) throw notFound('Workspace item not found');
  return requireItem(tx, id);
}

export async function deleteWorkspaceItem(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteWorkspaceItem(tx, id))) throw notFound('Workspace item not found');
}
