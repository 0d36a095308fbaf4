import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../../../test/support/api.js';
import { chatFixtures, type Json, pathsOf } from './test-fixtures.js';

const api = useTestApi();
const { createSession, addMessage, createDashboard } = chatFixtures(api);

let alice: TestSession;
let bob: TestSession;

beforeAll(async () => {
  [alice, bob] = await Promise.all([api.signUp('alice'), api.signUp('bob')]);
});

describe('requires authentication', () => {
  it('to list, start and search chat sessions', async () => {
    expect((await api.request('GET', '/api/chat/sessions')).status).toBe(401);
    expect((await api.request('POST', '/api/chat/sessions', { body: { title: 'x' } })).status).toBe(401);
    expect((await api.request('GET', '/api/chat/search?q=revenue')).status).toBe(401);
  });
});

describe('chat sessions', () => {
  it('starts a global session by default, and reads it back', async () => {
    const created = await api.request<Json>('POST', '/api/chat/sessions', {
      token: alice.token,
      body: { title: '  Q3 review  ', settings: { model: 'fast' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Q3 review',
      context_type: 'global',
      context_id: null,
      settings: { model: 'fast' },
      message_count: 0,
    });
    const read = await api.request<Json>('GET', `/api/chat/sessions/${created.body.id}`, { token: alice.token });
    expect(read.body).toEqual(created.body);
  });

  it('starts a session about a dashboard the caller can read: his own or a public one', async () => {
    const own = await createDashboard(alice);
    const bobsPublic = await createDashboard(bob, { is_public: true });
    for (const dashboardId of [own, bobsPublic]) {
      const session = await createSession(alice, { context_type: 'dashboard', context_id: dashboardId });
      expect(session).toMatchObject({ context_type: 'dashboard', context_id: dashboardId });
    }
    expect(await createSession(alice, { context_type: 'workspace' })).toMatchObject({ context_type: 'workspace' });
  });

  it('refuses a hidden dashboard exactly like a missing one, at /body/context_id, and creates nothing', async () => {
    const me = await api.signUp('context');
    const bobsPrivate = await createDashboard(bob);
    const answers = [];
    for (const dashboardId of [bobsPrivate, randomUUID()]) {
      const response = await api.request<Json>('POST', '/api/chat/sessions', {
        token: me.token,
        body: { title: 'Snooping', context_type: 'dashboard', context_id: dashboardId },
      });
      expect(response.status).toBe(422);
      expect(pathsOf(response)).toEqual(['/body/context_id']);
      answers.push(response.body.errors);
    }
    expect(answers[0]).toEqual(answers[1]);
    const list = await api.request<Json>('GET', '/api/chat/sessions', { token: me.token });
    expect(list.body.items).toEqual([]);
  });

  it('wants context_id for a dashboard session and for no other kind', async () => {
    const missing = await api.request<Json>('POST', '/api/chat/sessions', {
      token: alice.token,
      body: { title: 'x', context_type: 'dashboard' },
    });
    expect(missing.status).toBe(422);
    expect(pathsOf(missing)).toEqual(['/body/context_id']);
    const stray = await api.request<Json>('POST', '/api/chat/sessions', {
      token: alice.token,
      body: { title: 'x', context_type: 'global', context_id: randomUUID() },
    });
    expect(pathsOf(stray)).toEqual(['/body/context_id']);
  });

  it('names every bad field of a new session', async () => {
    const response = await api.request<Json>('POST', '/api/chat/sessions', {
      token: alice.token,
      body: { title: '   ', context_type: 'everything', settings: [1] },
    });
    expect(response.status).toBe(422);
    expect(pathsOf(response)).toEqual(['/body/context_type', '/body/settings', '/body/title']);
  });

  it('refuses a NUL character with 422 instead of failing in the database', async () => {
    const response = await api.request<Json>('POST', '/api/chat/sessions', {
      token: alice.token,
      body: { title: 'a\u0000b', settings: { k: 'x\u0000' } },
    });
    expect(response.status).toBe(422);
    expect(pathsOf(response)).toEqual(['/body/settings', '/body/title']);
  });

  it('lists the caller’s sessions most recently active first, a page at a time', async () => {
    const me = await api.signUp('lister');
    const first = await createSession(me, { title: 'First' });
    await createSession(me, { title: 'Second' });
    await createSession(me, { title: 'Third' });
    await addMessage(me, first.id);
    const page1 = await api.request<Json>('GET', '/api/chat/sessions?limit=2', { token: me.token });
    expect(page1.body.items.map((s: Json) => s.title)).toEqual(['First', 'Third']);
    expect(page1.body.items[0].message_count).toBe(1);
    const page2 = await api.request<Json>('GET', `/api/chat/sessions?limit=2&cursor=${page1.body.next_cursor}`, {
      token: me.token,
    });
    expect(page2.body.items.map((s: Json) => s.title)).toEqual(['Second']);
    expect(page2.body.next_cursor).toBeNull();
  });

  it('filters the list by context type and dashboard', async () => {
    const me = await api.signUp('filter');
    const dashboardA = await createDashboard(me);
    const dashboardB = await createDashboard(me);
    await createSession(me, { title: 'About A', context_type: 'dashboard', context_id: dashboardA });
    await createSession(me, { title: 'About B', context_type: 'dashboard', context_id: dashboardB });
    await createSession(me, { title: 'Workspace', context_type: 'workspace' });
    await createSession(me, { title: 'Global' });
    const titles = async (query: string) =>
      (await api.request<Json>('GET', `/api/chat/sessions?${query}`, { token: me.token })).body.items
        .map((s: Json) => s.title)
        .sort();
    expect(await titles('context_type=dashboard')).toEqual(['About A', 'About B']);
    expect(await titles(`context_id=${dashboardA}`)).toEqual(['About A']);
    expect(await titles('context_type=workspace')).toEqual(['Workspace']);
  });

  it('refuses a bad filter, limit or cursor with the path of each', async () => {
    const bad = await api.request<Json>('GET', '/api/chat/sessions?context_type=team&context_id=x&limit=101', {
      token: alice.token,
    });
    expect(bad.status).toBe(422);
    expect(pathsOf(bad)).toEqual(['/querystring/context_id', '/querystring/context_type', '/querystring/limit']);
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url');
    for (const cursor of ['garbage', forged]) {
      const response = await api.request<Json>('GET', `/api/chat/sessions?cursor=${cursor}`, { token: alice.token });
      expect(response.status).toBe(422);
      expect(pathsOf(response)).toEqual(['/querystring/cursor']);
    }
  });

  it('never lists another user’s sessions', async () => {
    const hidden = await createSession(alice, { title: 'Alice only' });
    const list = await api.request<Json>('GET', '/api/chat/sessions?limit=100', { token: bob.token });
    expect(list.body.items.map((s: Json) => s.id)).not.toContain(hidden.id);
  });

  it('renames a session and replaces its settings', async () => {
    const session = await createSession(alice, { settings: { a: 1 } });
    const renamed = await api.request<Json>('PATCH', `/api/chat/sessions/${session.id}`, {
      token: alice.token,
      body: { title: 'Renamed', settings: { b: 2 } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'Renamed', settings: { b: 2 } });
    expect(Date.parse(renamed.body.updated_at)).toBeGreaterThan(Date.parse(session.updated_at));
  });

  it('refuses an empty change or a blank title, and changes nothing', async () => {
    const session = await createSession(alice, { title: 'Kept' });
    for (const body of [{}, { title: ' ', settings: { b: 2 } }]) {
      const response = await api.request<Json>('PATCH', `/api/chat/sessions/${session.id}`, {
        token: alice.token,
        body,
      });
      expect(response.status).toBe(422);
    }
    const now = await api.request<Json>('GET', `/api/chat/sessions/${session.id}`, { token: alice.token });
    expect(now.body).toEqual(session);
  });

  it('deletes a session together with its messages', async () => {
    const session = await createSession(alice);
    const message = await addMessage(alice, session.id);
    expect((await api.request('DELETE', `/api/chat/sessions/${session.id}`, { token: alice.token })).status).toBe(204);
    expect((await api.request('GET', `/api/chat/sessions/${session.id}`, { token: alice.token })).status).toBe(404);
    expect((await api.request('GET', `/api/chat/messages/${message.id}`, { token: alice.token })).status).toBe(404);
  });

  it('another user gets the same 404 as for a random id, an anonymous caller 401, and nothing changes', async () => {
    const session = await createSession(alice, { title: 'Private', settings: { a: 1 } });
    const attempts = (id: string) =>
      [
        ['GET', `/api/chat/sessions/${id}`, undefined],
        ['PATCH', `/api/chat/sessions/${id}`, { title: 'Hijacked' }],
        ['DELETE', `/api/chat/sessions/${id}`, undefined],
      ] as const;
    const missing = attempts(randomUUID());
    for (const [i, [method, path, body]] of attempts(session.id).entries()) {
      const asBob = await api.request<Json>(method, path, { token: bob.token, body });
      const asBobMissing = await api.request<Json>(method, missing[i]?.[1] as string, { token: bob.token, body });
      expect(asBob.status).toBe(404);
      expect({ code: asBob.body.code, detail: asBob.body.detail }).toEqual({
        code: asBobMissing.body.code,
        detail: asBobMissing.body.detail,
      });
      expect((await api.request(method, path, { body })).status).toBe(401);
    }
    const now = await api.request<Json>('GET', `/api/chat/sessions/${session.id}`, { token: alice.token });
    expect(now.body).toEqual(session);
  });

  it('refuses a malformed id with 422', async () => {
    const response = await api.request<Json>('GET', '/api/chat/sessions/not-a-uuid', { token: alice.token });
    expect(response.status).toBe(422);
    expect(pathsOf(response)).toEqual(['/params/id']);
  });
});
