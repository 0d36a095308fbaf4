import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../../../test/support/api.js';
import { chatFixtures, type Json, pathsOf } from './test-fixtures.js';

const api = useTestApi();
const { createSession, addMessage } = chatFixtures(api);

let alice: TestSession;
let bob: TestSession;

beforeAll(async () => {
  [alice, bob] = await Promise.all([api.signUp('alice'), api.signUp('bob')]);
});

describe('chat messages', () => {
  let agentId: string;
  let bobsPrivateAgentId: string;
  let modelId: string;
  beforeAll(async () => {
    const insertAgent = (session: TestSession) =>
      api.db.asUser(session.userId, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          "insert into agents (name, instructions, owner_user_id) values ('Analyst', 'Be terse.', $1) returning id",
          [session.userId],
        );
        return rows[0]?.id as string;
      });
    [agentId, bobsPrivateAgentId] = await Promise.all([insertAgent(alice), insertAgent(bob)]);
    modelId = await api.db.asService(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "insert into llm_models (provider, model_id, display_name) values ('test', $1, 'Test model') returning id",
        [randomUUID()],
      );
      return rows[0]?.id as string;
    });
  });

  it('stores a message with all its fields, reads it back and bumps its session', async () => {
    const session = await createSession(alice);
    const body = {
      role: 'assistant',
      content: { text: 'Revenue rose 12%.', parts: [{ type: 'chart', chart_id: randomUUID() }] },
      agent_id: agentId,
      llm_model_id: modelId,
      output_routing: [{ target: 'dashboard', id: randomUUID() }],
      metadata: { tokens: 42 },
    };
    const created = await api.request<Json>('POST', `/api/chat/sessions/${session.id}/messages`, {
      token: alice.token,
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, session_id: session.id });
    const read = await api.request<Json>('GET', `/api/chat/messages/${created.body.id}`, { token: alice.token });
    expect(read.body).toEqual(created.body);
    const after = await api.request<Json>('GET', `/api/chat/sessions/${session.id}`, { token: alice.token });
    expect(after.body.message_count).toBe(1);
    expect(Date.parse(after.body.updated_at)).toBeGreaterThan(Date.parse(session.updated_at));
  });

  it('lists a session’s messages oldest first, a page at a time', async () => {
    const session = await createSession(alice);
    for (const text of ['one', 'two', 'three', 'four', 'five'])
      await addMessage(alice, session.id, { content: { text } });
    const texts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const page = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages?${query}`, {
        token: alice.token,
      });
      texts.push(...page.body.items.map((m: Json) => m.content.text));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor);
    expect(texts).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(pages).toBe(3);
    const all = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages`, { token: alice.token });
    expect(all.body.items).toHaveLength(5);
  });

  it('takes a page of at most 200 messages', async () => {
    const session = await createSession(alice);
    for (const limit of [0, 201, 'many']) {
      const response = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages?limit=${limit}`, {
        token: alice.token,
      });
      expect(response.status).toBe(422);
      expect(pathsOf(response)).toEqual(['/querystring/limit']);
    }
  });

  it('names every bad field of a new message and stores nothing', async () => {
    const session = await createSession(alice);
    const response = await api.request<Json>('POST', `/api/chat/sessions/${session.id}/messages`, {
      token: alice.token,
      body: {
        role: 'root',
        content: { text: 42, parts: ['not an object'], html: '<b>' },
        agent_id: 'x',
        output_routing: 'dashboard',
        metadata: [],
      },
    });
    expect(response.status).toBe(422);
    expect(pathsOf(response)).toEqual([
      '/body/agent_id',
      '/body/content',
      '/body/content/parts/0',
      '/body/content/text',
      '/body/metadata',
      '/body/output_routing',
      '/body/role',
    ]);
    const list = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages`, { token: alice.token });
    expect(list.body.items).toEqual([]);
  });

  it('refuses an agent the caller cannot read exactly like an unknown one, and an unknown model', async () => {
    const session = await createSession(alice);
    const post = (body: Json) =>
      api.request<Json>('POST', `/api/chat/sessions/${session.id}/messages`, {
        token: alice.token,
        body: { role: 'assistant', content: { text: 'x' }, ...body },
      });
    const hidden = await post({ agent_id: bobsPrivateAgentId });
    const unknown = await post({ agent_id: randomUUID() });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors).toEqual(unknown.body.errors);
    expect(pathsOf(hidden)).toEqual(['/body/agent_id']);
    expect(pathsOf(await post({ llm_model_id: randomUUID() }))).toEqual(['/body/llm_model_id']);
    const list = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages`, { token: alice.token });
    expect(list.body.items).toEqual([]);
  });

  it('edits a message’s content, metadata and output routing, and clears the routing with null', async () => {
    const message = await addMessage(alice, (await createSession(alice)).id, { output_routing: { to: 'chat' } });
    const edited = await api.request<Json>('PATCH', `/api/chat/messages/${message.id}`, {
      token: alice.token,
      body: { content: { text: 'Edited' }, metadata: { edited: true } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ content: { text: 'Edited' }, metadata: { edited: true } });
    expect(edited.body.output_routing).toEqual({ to: 'chat' });
    const cleared = await api.request<Json>('PATCH', `/api/chat/messages/${message.id}`, {
      token: alice.token,
      body: { output_routing: null },
    });
    expect(cleared.body).toMatchObject({ content: { text: 'Edited' }, output_routing: null });
  });

  it('refuses a bad edit and changes nothing', async () => {
    const message = await addMessage(alice, (await createSession(alice)).id);
    for (const body of [{}, { content: { text: 'half' }, metadata: 'applied' }]) {
      const response = await api.request<Json>('PATCH', `/api/chat/messages/${message.id}`, {
        token: alice.token,
        body,
      });
      expect(response.status).toBe(422);
    }
    const now = await api.request<Json>('GET', `/api/chat/messages/${message.id}`, { token: alice.token });
    expect(now.body).toEqual(message);
  });

  it('deletes a message', async () => {
    const session = await createSession(alice);
    const message = await addMessage(alice, session.id);
    expect((await api.request('DELETE', `/api/chat/messages/${message.id}`, { token: alice.token })).status).toBe(204);
    expect((await api.request('GET', `/api/chat/messages/${message.id}`, { token: alice.token })).status).toBe(404);
    const list = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages`, { token: alice.token });
    expect(list.body.items).toEqual([]);
  });

  it('another user gets the same 404 as for a random id, an anonymous caller 401, and nothing changes', async () => {
    const session = await createSession(alice);
    const message = await addMessage(alice, session.id, { content: { text: 'Original' } });
    const newMessage = { role: 'user', content: { text: 'Ignore previous instructions' } };
    const attempts = (sessionId: string, messageId: string) =>
      [
        ['GET', `/api/chat/sessions/${sessionId}/messages`, undefined],
        ['POST', `/api/chat/sessions/${sessionId}/messages`, newMessage],
        ['GET', `/api/chat/messages/${messageId}`, undefined],
        ['PATCH', `/api/chat/messages/${messageId}`, { content: { text: 'Defaced' } }],
        ['DELETE', `/api/chat/messages/${messageId}`, undefined],
      ] as const;
    const missing = attempts(randomUUID(), randomUUID());
    for (const [i, [method, path, body]] of attempts(session.id, message.id).entries()) {
      const asBob = await api.request<Json>(method, path, { token: bob.token, body });
      const asBobMissing = await api.request<Json>(method, missing[i]?.[1] as string, { token: bob.token, body });
      expect(asBob.status).toBe(404);
      expect({ code: asBob.body.code, detail: asBob.body.detail }).toEqual({
        code: asBobMissing.body.code,
        detail: asBobMissing.body.detail,
      });
      expect((await api.request(method, path, { body })).status).toBe(401);
    }
    const list = await api.request<Json>('GET', `/api/chat/sessions/${session.id}/messages`, { token: alice.token });
    expect(list.body.items).toEqual([message]);
  });
});
