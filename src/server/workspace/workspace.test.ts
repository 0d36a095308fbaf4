import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let alice: TestSession;
let bob: TestSession;

beforeAll(async () => {
  [alice, bob] = await Promise.all([api.signUp('alice'), api.signUp('bob')]);
});

async function createItem(session: TestSession, body: Json = {}) {
  const response = await api.request<Json>('POST', '/api/workspace/items', {
    token: session.token,
    body: { item_type: 'chart', title: 'Q3 revenue', content: { chart_type: 'line' }, ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function readItem(session: TestSession, id: string) {
  const response = await api.request<Json>('GET', `/api/workspace/items/${id}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body;
}

async function list(session: TestSession, query: string) {
  const response = await api.request<Json>('GET', `/api/workspace/items?${query}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body;
}

const titles = (page: Json) => page.items.map((item: Json) => item.title);

/** A chat message of the user's own, as the assistant will save one. */
async function chatMessage(session: TestSession): Promise<string> {
  return api.db.asUser(session.userId, async (tx) => {
    const { rows: sessions } = await tx.query<{ id: string }>(
      "insert into chat_sessions (title) values ('Source') returning id",
    );
    const { rows } = await tx.query<{ id: string }>(
      `insert into chat_messages (chat_session_id, role, content)
       values ($1, 'assistant', '{"text": "Here is your chart."}') returning id`,
      [sessions[0]?.id],
    );
    return rows[0]?.id as string;
  });
}

async function countTitled(title: string): Promise<number> {
  const { rows } = await api.db.asOwner((tx) => tx.query('select 1 from workspace_items where title = $1', [title]));
  return rows.length;
}

describe('requires authentication', () => {
  it('for every workspace route, and an anonymous attempt changes nothing', async () => {
    const item = await createItem(alice);
    expect((await api.request('GET', '/api/workspace/items')).status).toBe(401);
    expect(
      (await api.request('POST', '/api/workspace/items', { body: { item_type: 'note', title: 'x' } })).status,
    ).toBe(401);
    expect((await api.request('GET', `/api/workspace/items/${item.id}`)).status).toBe(401);
    expect((await api.request('PATCH', `/api/workspace/items/${item.id}`, { body: { title: 'x' } })).status).toBe(401);
    expect((await api.request('DELETE', `/api/workspace/items/${item.id}`)).status).toBe(401);
    expect(await readItem(alice, item.id)).toEqual(item);
  });
});

describe('keeping an item', () => {
  it('creates an item with trimmed, deduplicated tags and reads it back', async () => {
    const item = await createItem(alice, {
      item_type: 'note',
      title: '  Churn notes  ',
      content: { text: 'Churn is up in EMEA' },
      tags: [' q3 ', 'finance', 'q3', 'finance '],
    });
    expect(item).toEqual({
      id: expect.any(String),
      item_type: 'note',
      title: 'Churn notes',
      content: { text: 'Churn is up in EMEA' },
      tags: ['q3', 'finance'],
      created_from_message_id: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(await readItem(alice, item.id)).toEqual(item);
  });

  it('names every bad field and creates nothing', async () => {
    const response = await api.request<Json>('POST', '/api/workspace/items', {
      token: alice.token,
      body: {
        item_type: 'banana',
        title: '   ',
        content: 'not an object',
        tags: ['ok', ' ', 'x'.repeat(51), 'a,b'],
        created_from_message_id: 'nope',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual([
      '/body/content',
      '/body/created_from_message_id',
      '/body/item_type',
      '/body/tags/1',
      '/body/tags/2',
      '/body/tags/3',
      '/body/title',
    ]);
  });

  it('takes at most 50 different tags, counted after duplicates are dropped', async () => {
    const distinct = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
    const tooMany = await api.request<Json>('POST', '/api/workspace/items', {
      token: alice.token,
      body: { item_type: 'note', title: 'Too many tags', tags: distinct(51) },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors.map((e: Json) => e.path)).toEqual(['/body/tags']);
    expect(await countTitled('Too many tags')).toBe(0);
    const repeated = await createItem(alice, { tags: [...distinct(50), ...distinct(10)] });
    expect(repeated.tags).toHaveLength(50);
  });

  it('may come from one of my chat messages', async () => {
    const messageId = await chatMessage(alice);
    const item = await createItem(alice, { created_from_message_id: messageId });
    expect(item.created_from_message_id).toBe(messageId);
  });

  it('refuses another user’s message and a message that does not exist alike, naming the field', async () => {
    const bobsMessage = await chatMessage(bob);
    const answers: Json[] = [];
    for (const messageId of [bobsMessage, crypto.randomUUID()]) {
      const response = await api.request<Json>('POST', '/api/workspace/items', {
        token: alice.token,
        body: { item_type: 'chart', title: 'From a stranger', created_from_message_id: messageId },
      });
      expect(response.status).toBe(422);
      answers.push(response.body.errors);
    }
    expect(answers[0]).toEqual([{ path: '/body/created_from_message_id', message: expect.any(String) }]);
    expect(answers[1]).toEqual(answers[0]);
    expect(await countTitled('From a stranger')).toBe(0);
  });
});

describe('another user’s item', () => {
  it('does not exist for him: 404 to read, change and delete, and nothing changes', async () => {
    const item = await createItem(alice, { tags: ['private'] });
    const hidden = await api.request<Json>('GET', `/api/workspace/items/${item.id}`, { token: bob.token });
    const missing = await api.request<Json>('GET', `/api/workspace/items/${crypto.randomUUID()}`, {
      token: bob.token,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(missing.body.detail);
    const patch = { token: bob.token, body: { title: 'Defaced', tags: [] } };
    expect((await api.request('PATCH', `/api/workspace/items/${item.id}`, patch)).status).toBe(404);
    expect((await api.request('DELETE', `/api/workspace/items/${item.id}`, { token: bob.token })).status).toBe(404);
    expect(await readItem(alice, item.id)).toEqual(item);
  });

  it('is never listed for him', async () => {
    const item = await createItem(alice, { title: 'Alice only' });
    const page = await list(bob, 'limit=100');
    expect(page.items.map((i: Json) => i.id)).not.toContain(item.id);
  });

  it('refuses a malformed id with 422', async () => {
    const response = await api.request<Json>('GET', '/api/workspace/items/123', { token: alice.token });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/params/id');
  });
});

describe('changing an item', () => {
  it('changes the fields given, keeps the others, and moves the item to the top of the list', async () => {
    const me = await api.signUp('changer');
    const older = await createItem(me, { title: 'Older', tags: ['keep'] });
    await createItem(me, { title: 'Newer' });
    const messageId = await chatMessage(me);
    const response = await api.request<Json>('PATCH', `/api/workspace/items/${older.id}`, {
      token: me.token,
      body: { title: 'Older, edited', item_type: 'analysis', created_from_message_id: messageId },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: 'Older, edited',
      item_type: 'analysis',
      tags: ['keep'],
      content: older.content,
      created_from_message_id: messageId,
    });
    expect(Date.parse(response.body.updated_at)).toBeGreaterThan(Date.parse(older.updated_at));
    expect(titles(await list(me, ''))).toEqual(['Older, edited', 'Newer']);
  });

  it('bad input names its fields and half of it is never applied', async () => {
    const item = await createItem(alice);
    const response = await api.request<Json>('PATCH', `/api/workspace/items/${item.id}`, {
      token: alice.token,
      body: { title: 'Good title', tags: ['fine', ''], item_type: 'spreadsheet' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual(['/body/item_type', '/body/tags/1']);
    expect(await readItem(alice, item.id)).toEqual(item);
  });

  it('cannot point the item at another user’s message, and nothing changes', async () => {
    const item = await createItem(alice);
    const response = await api.request<Json>('PATCH', `/api/workspace/items/${item.id}`, {
      token: alice.token,
      body: { title: 'Renamed', created_from_message_id: await chatMessage(bob) },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/created_from_message_id');
    expect(await readItem(alice, item.id)).toEqual(item);
  });

  it('clears the source message with null', async () => {
    const item = await createItem(alice, { created_from_message_id: await chatMessage(alice) });
    const response = await api.request<Json>('PATCH', `/api/workspace/items/${item.id}`, {
      token: alice.token,
      body: { created_from_message_id: null },
    });
    expect(response.body.created_from_message_id).toBeNull();
  });

  it('refuses a change of nothing', async () => {
    const item = await createItem(alice);
    const response = await api.request<Json>('PATCH', `/api/workspace/items/${item.id}`, {
      token: alice.token,
      body: {},
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body');
  });
});

describe('deleting an item', () => {
  it('deletes my item, after which it is gone', async () => {
    const item = await createItem(alice);
    expect((await api.request('DELETE', `/api/workspace/items/${item.id}`, { token: alice.token })).status).toBe(204);
    expect((await api.request('GET', `/api/workspace/items/${item.id}`, { token: alice.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/workspace/items/${item.id}`, { token: alice.token })).status).toBe(404);
  });
});

describe('listing items', () => {
  let me: TestSession;

  beforeAll(async () => {
    me = await api.signUp('lister');
    // Created in this order, so newest first is the reverse.
    await createItem(me, { item_type: 'chart', title: 'Revenue by month', tags: ['q3', 'finance'] });
    await createItem(me, { item_type: 'note', title: 'Churn notes', tags: ['q3'] });
    await createItem(me, { item_type: 'chart', title: 'Churn by region', tags: ['finance'] });
    await createItem(me, { item_type: 'analysis', title: '100% of revenue', tags: ['q3', 'finance', 'board'] });
  });

  it('lists newest first and pages with a cursor', async () => {
    const first = await list(me, 'limit=3');
    expect(titles(first)).toEqual(['100% of revenue', 'Churn by region', 'Churn notes']);
    const second = await list(me, `limit=3&cursor=${first.next_cursor}`);
    expect(titles(second)).toEqual(['Revenue by month']);
    expect(second.next_cursor).toBeNull();
  });

  it('filters by type', async () => {
    expect(titles(await list(me, 'item_type=chart'))).toEqual(['Churn by region', 'Revenue by month']);
  });

  it('filters by tags, keeping the items that carry all of them', async () => {
    expect(titles(await list(me, 'tags=q3'))).toEqual(['100% of revenue', 'Churn notes', 'Revenue by month']);
    expect(titles(await list(me, 'tags=finance,%20q3'))).toEqual(['100% of revenue', 'Revenue by month']);
    expect(titles(await list(me, 'tags=finance,q3,board'))).toEqual(['100% of revenue']);
    expect(titles(await list(me, 'tags=finance,nothing'))).toEqual([]);
  });

  it('searches titles case-insensitively, taking % and _ literally', async () => {
    expect(titles(await list(me, 'q=CHURN'))).toEqual(['Churn by region', 'Churn notes']);
    expect(titles(await list(me, 'q=100%25'))).toEqual(['100% of revenue']);
    expect(titles(await list(me, 'q=_'))).toEqual([]);
  });

  it('combines the filters and pages through the result', async () => {
    const first = await list(me, 'tags=finance&item_type=chart&limit=1');
    expect(titles(first)).toEqual(['Churn by region']);
    const second = await list(me, `tags=finance&item_type=chart&limit=1&cursor=${first.next_cursor}`);
    expect(titles(second)).toEqual(['Revenue by month']);
    expect(second.next_cursor).toBeNull();
  });

  it('names bad filters', async () => {
    const response = await api.request<Json>(
      'GET',
      `/api/workspace/items?item_type=banana&tags=ok,${'x'.repeat(51)}&limit=101`,
      { token: me.token },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual([
      '/querystring/item_type',
      '/querystring/limit',
      '/querystring/tags/1',
    ]);
    const cursor = await api.request<Json>('GET', '/api/workspace/items?cursor=forged', { token: me.token });
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors[0].path).toBe('/querystring/cursor');
  });
});

it('documents the workspace routes in the OpenAPI description', async () => {
  const spec = await api.request<Json>('GET', '/api/openapi.json');
  expect(Object.keys(spec.body.paths)).toEqual(
    expect.arrayContaining(['/api/workspace/items', '/api/workspace/items/{id}']),
  );
  expect(spec.body.components.schemas).toHaveProperty('WorkspaceItem');
});
