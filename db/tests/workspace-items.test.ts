import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeAs,
  createUser,
  DENIED,
  queryAs,
  queryAsOwner,
  sqlstateOf,
  type TestUser,
  useTestDatabase,
} from '../../test/support/db.js';

// The personal workspace (migration 0008): its owner's only, for every command; an item may
// come only from one of its owner's own chat messages.

const db = useTestDatabase();

let alice: TestUser;
let bob: TestUser;
let aliceMessageId: string;
let bobMessageId: string;

/** A chat session with one message, as `user`; returns the message id. */
async function chatMessage(user: TestUser): Promise<string> {
  return db.asUser(user.id, async (tx) => {
    const { rows: sessions } = await tx.query<{ id: string }>(
      "insert into chat_sessions (title) values ('Workspace source') returning id",
    );
    const { rows: messages } = await tx.query<{ id: string }>(
      `insert into chat_messages (chat_session_id, role, content)
       values ($1, 'assistant', '{"text": "Here is your chart."}') returning id`,
      [sessions[0]?.id],
    );
    return messages[0]?.id as string;
  });
}

beforeAll(async () => {
  [alice, bob] = await Promise.all([createUser(db, 'alice'), createUser(db, 'bob')]);
  [aliceMessageId, bobMessageId] = await Promise.all([chatMessage(alice), chatMessage(bob)]);
});

interface ItemFields {
  userId?: string;
  itemType?: string;
  tags?: string[];
  fromMessageId?: string | null;
}

/** Adds a workspace item as `user`; returns its id. */
async function addItem(user: TestUser | null, fields: ItemFields = {}): Promise<string> {
  const [row] = await queryAs<{ id: string }>(
    db,
    user,
    `insert into workspace_items (user_id, item_type, title, content, tags, created_from_message_id)
     values (coalesce($1, auth.uid()), $2, 'Q3 revenue', '{"chart": "line"}', $3, $4) returning id`,
    [fields.userId ?? null, fields.itemType ?? 'chart', fields.tags ?? [], fields.fromMessageId ?? null],
  );
  if (!row) throw new Error('item was not created');
  return row.id;
}

const itemRow = async (id: string) =>
  (
    await queryAsOwner<{ user_id: string; title: string; created_from_message_id: string | null; updated_at: Date }>(
      db,
      'select * from workspace_items where id = $1',
      [id],
    )
  )[0];

describe('workspace_items: SELECT', () => {
  it('the owner reads his item; another user does not', async () => {
    const id = await addItem(alice);
    expect(await queryAs(db, alice, 'select id from workspace_items where id = $1', [id])).toHaveLength(1);
    expect(await queryAs(db, bob, 'select id from workspace_items where id = $1', [id])).toHaveLength(0);
  });

  it('an anonymous caller cannot read workspace items', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from workspace_items'))).toBe(DENIED);
  });

  it('filtering by tag finds the items carrying it', async () => {
    const user = await createUser(db, 'tagger');
    const q3 = await addItem(user, { tags: ['q3', 'finance'] });
    await addItem(user, { tags: ['q4'] });
    await addItem(user);
    const rows = await queryAs(db, user, "select id from workspace_items where tags @> array['q3']");
    expect(rows.map((r) => r.id)).toEqual([q3]);
  });
});

describe('workspace_items: INSERT', () => {
  it('an item is stamped with its creator', async () => {
    const id = await addItem(alice);
    expect((await itemRow(id))?.user_id).toBe(alice.id);
  });

  it('nobody adds an item to another user’s workspace', async () => {
    expect(await sqlstateOf(addItem(bob, { userId: alice.id }))).toBe(DENIED);
  });

  it('an anonymous caller cannot add an item', async () => {
    expect(await sqlstateOf(addItem(null, { userId: alice.id }))).toBe(DENIED);
  });

  it('an unknown item type is refused', async () => {
    expect(await sqlstateOf(addItem(alice, { itemType: 'banana' }))).toBe('23514');
  });

  it('an item may come from one of its owner’s own messages', async () => {
    const id = await addItem(alice, { fromMessageId: aliceMessageId });
    expect((await itemRow(id))?.created_from_message_id).toBe(aliceMessageId);
  });

  it('another user’s message and a non-existent one are refused alike', async () => {
    expect(await sqlstateOf(addItem(alice, { fromMessageId: bobMessageId }))).toBe(DENIED);
    expect(await sqlstateOf(addItem(alice, { fromMessageId: randomUUID() }))).toBe(DENIED);
  });
});

describe('workspace_items: UPDATE', () => {
  it('the owner edits his item; another user changes nothing', async () => {
    const id = await addItem(alice);
    expect(await changeAs(db, bob, "update workspace_items set title = 'Defaced' where id = $1", [id])).toBe(0);
    expect((await itemRow(id))?.title).toBe('Q3 revenue');
    expect(
      await changeAs(db, alice, "update workspace_items set title = 'Q3 revenue, final' where id = $1", [id]),
    ).toBe(1);
    expect((await itemRow(id))?.title).toBe('Q3 revenue, final');
  });

  it('an edit moves updated_at', async () => {
    const id = await addItem(alice);
    const before = (await itemRow(id))?.updated_at as Date;
    await changeAs(db, alice, "update workspace_items set tags = array['edited'] where id = $1", [id]);
    const after = (await itemRow(id))?.updated_at;
    expect(after?.getTime()).toBeGreaterThan(before.getTime());
  });

  it('the owner cannot hand his item to another user', async () => {
    const id = await addItem(alice);
    const update = queryAs(db, alice, 'update workspace_items set user_id = $1 where id = $2', [bob.id, id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
    expect((await itemRow(id))?.user_id).toBe(alice.id);
  });

  it('an item cannot be pointed at another user’s message, nor at a non-existent one', async () => {
    const id = await addItem(alice);
    for (const messageId of [bobMessageId, randomUUID()]) {
      const update = queryAs(db, alice, 'update workspace_items set created_from_message_id = $1 where id = $2', [
        messageId,
        id,
      ]);
      expect(await sqlstateOf(update)).toBe(DENIED);
    }
    expect((await itemRow(id))?.created_from_message_id).toBeNull();
  });

  it('a blanket UPDATE by another user changes no item', async () => {
    // Without a WHERE clause only the UPDATE rule decides: the read rule is not consulted.
    const id = await addItem(alice);
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, "update workspace_items set title = 'Defaced'")).toBe(0);
    expect((await itemRow(id))?.title).toBe('Q3 revenue');
  });

  it('an anonymous caller cannot edit an item', async () => {
    const id = await addItem(alice);
    const update = queryAs(db, null, "update workspace_items set title = 'x' where id = $1", [id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
  });
});

describe('workspace_items: DELETE', () => {
  it('another user cannot delete an item; the owner can', async () => {
    const id = await addItem(alice);
    expect(await changeAs(db, bob, 'delete from workspace_items where id = $1', [id])).toBe(0);
    expect(await itemRow(id)).toBeDefined();
    expect(await changeAs(db, alice, 'delete from workspace_items where id = $1', [id])).toBe(1);
    expect(await itemRow(id)).toBeUndefined();
  });

  it('a blanket DELETE by another user deletes no item', async () => {
    const id = await addItem(alice);
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, 'delete from workspace_items')).toBe(0);
    expect(await itemRow(id)).toBeDefined();
  });

  it('an anonymous caller cannot delete an item', async () => {
    const id = await addItem(alice);
    expect(await sqlstateOf(queryAs(db, null, 'delete from workspace_items where id = $1', [id]))).toBe(DENIED);
    expect(await itemRow(id)).toBeDefined();
  });

  it('deleting the source message keeps the item, with created_from_message_id set to null', async () => {
    const messageId = await chatMessage(alice);
    const id = await addItem(alice, { fromMessageId: messageId });
    expect(await changeAs(db, alice, 'delete from chat_messages where id = $1', [messageId])).toBe(1);
    expect(await itemRow(id)).toMatchObject({ user_id: alice.id, created_from_message_id: null });
  });
});
