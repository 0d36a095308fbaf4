import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let owner: TestSession;
let editor: TestSession;
let viewer: TestSession;
let outsider: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ owner, editor, viewer, outsider, teamId } = await signUpTeam(api, 'Agents team'));
});

async function createAgent(session: TestSession, body: Json = {}) {
  const response = await api.request<Json>('POST', '/api/agents', {
    token: session.token,
    body: { name: 'Analyst', instructions: 'Answer with charts.', ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function readAgent(session: TestSession, id: string) {
  const response = await api.request<Json>('GET', `/api/agents/${id}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body;
}

async function listIds(session: TestSession, query = '') {
  const response = await api.request<Json>('GET', `/api/agents?limit=100${query}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body.items.map((a: Json) => a.id) as string[];
}

describe('requires authentication', () => {
  it('to list, create, read, change and delete agents, and an anonymous attempt changes nothing', async () => {
    const agent = await createAgent(owner, { is_public: true });
    expect((await api.request('GET', '/api/agents')).status).toBe(401);
    expect((await api.request('POST', '/api/agents', { body: { name: 'x', instructions: '' } })).status).toBe(401);
    expect((await api.request('GET', `/api/agents/${agent.id}`)).status).toBe(401);
    expect((await api.request('PATCH', `/api/agents/${agent.id}`, { body: { name: 'Defaced' } })).status).toBe(401);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`)).status).toBe(401);
    expect(await readAgent(owner, agent.id)).toEqual(agent);
  });

  it('answers 401 before looking at the input', async () => {
    const response = await api.request<Json>('POST', '/api/agents', { body: { name: '' } });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });
});

describe('creating and reading an agent', () => {
  it('creates a personal agent by default and reads it back, with the owner’s abilities', async () => {
    const agent = await createAgent(owner, {
      name: '  Revenue analyst  ',
      description: 'Knows the sales data',
      settings: { model: 'claude', temperature: 0.2 },
    });
    expect(agent).toMatchObject({
      name: 'Revenue analyst',
      description: 'Knows the sales data',
      instructions: 'Answer with charts.',
      owner: { type: 'user', user_id: owner.userId },
      is_public: false,
      settings: { model: 'claude', temperature: 0.2 },
      abilities: { can_edit: true, can_delete: true },
    });
    expect(await readAgent(owner, agent.id)).toEqual(agent);
  });

  it('names every bad field and creates nothing', async () => {
    const response = await api.request<Json>('POST', '/api/agents', {
      token: owner.token,
      body: { name: '   ', settings: ['not', 'an', 'object'], team_id: 'not-a-uuid', is_public: 'yes' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual([
      '/body/instructions',
      '/body/is_public',
      '/body/name',
      '/body/settings',
      '/body/team_id',
    ]);
    const { rows } = await api.db.asOwner((tx) =>
      tx.query('select 1 from agents where owner_user_id = $1 and name = $2', [owner.userId, '   ']),
    );
    expect(rows).toHaveLength(0);
  });

  it('refuses a malformed id with 422', async () => {
    const response = await api.request<Json>('GET', '/api/agents/not-a-uuid', { token: owner.token });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/params/id');
  });

  it('a private agent is invisible to another user: 404, the same answer as for an id that does not exist', async () => {
    const agent = await createAgent(owner);
    const hidden = await api.request<Json>('GET', `/api/agents/${agent.id}`, { token: outsider.token });
    const missing = await api.request<Json>('GET', `/api/agents/${crypto.randomUUID()}`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.detail).toBe(missing.body.detail);
  });

  it('team editors create team agents; viewers and outsiders get 403 and nothing is created', async () => {
    const team = await createAgent(editor, { team_id: teamId });
    expect(team.owner).toEqual({ type: 'team', team_id: teamId });
    for (const session of [viewer, outsider]) {
      const response = await api.request<Json>('POST', '/api/agents', {
        token: session.token,
        body: { name: 'Planted agent', instructions: 'x', team_id: teamId },
      });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    const { rows } = await api.db.asOwner((tx) => tx.query("select 1 from agents where name = 'Planted agent'"));
    expect(rows).toHaveLength(0);
  });
});

describe('team agents', () => {
  it('a team viewer reads a team agent but may not change or delete it (403), and nothing changes', async () => {
    const agent = await createAgent(editor, { team_id: teamId, name: 'Team analyst' });
    const seen = await readAgent(viewer, agent.id);
    expect(seen.abilities).toEqual({ can_edit: false, can_delete: false });
    const patch = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: viewer.token,
      body: { name: 'Viewer was here' },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('forbidden');
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: viewer.token })).status).toBe(403);
    expect(await readAgent(editor, agent.id)).toEqual(agent);
  });

  it('a team editor changes and deletes a team agent that the team admin created', async () => {
    const agent = await createAgent(owner, { team_id: teamId });
    expect((await readAgent(editor, agent.id)).abilities).toEqual({ can_edit: true, can_delete: true });
    const changed = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: editor.token,
      body: { instructions: 'Be brief.', settings: { temperature: 0 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ instructions: 'Be brief.', settings: { temperature: 0 } });
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: editor.token })).status).toBe(204);
    expect((await api.request('GET', `/api/agents/${agent.id}`, { token: owner.token })).status).toBe(404);
  });

  it('an outsider cannot see a team agent: 404 for read, change and delete, and nothing changes', async () => {
    const agent = await createAgent(editor, { team_id: teamId });
    expect((await api.request('GET', `/api/agents/${agent.id}`, { token: outsider.token })).status).toBe(404);
    const patch = { token: outsider.token, body: { name: 'x' } };
    expect((await api.request('PATCH', `/api/agents/${agent.id}`, patch)).status).toBe(404);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: outsider.token })).status).toBe(404);
    expect(await readAgent(editor, agent.id)).toEqual(agent);
  });
});

describe('public agents', () => {
  it('are readable by every signed-in user, but not writable: 403, and nothing changes', async () => {
    const agent = await createAgent(owner, { is_public: true, name: 'Public analyst' });
    const seen = await readAgent(outsider, agent.id);
    expect(seen).toMatchObject({ name: 'Public analyst', abilities: { can_edit: false, can_delete: false } });
    const patch = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: outsider.token,
      body: { name: 'Hijacked', is_public: false },
    });
    expect(patch.status).toBe(403);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: outsider.token })).status).toBe(403);
    expect(await readAgent(owner, agent.id)).toEqual(agent);
  });

  it('become invisible to others again once made private', async () => {
    const agent = await createAgent(owner, { is_public: true });
    await api.request('PATCH', `/api/agents/${agent.id}`, { token: owner.token, body: { is_public: false } });
    expect((await api.request('GET', `/api/agents/${agent.id}`, { token: outsider.token })).status).toBe(404);
  });

  it('deleting one that someone else used in a chat keeps his chat, without the agent', async () => {
    const agent = await createAgent(owner, { is_public: true });
    const messageId = await api.db.asUser(outsider.userId, async (tx) => {
      const { rows: sessions } = await tx.query<{ id: string }>(
        "insert into chat_sessions (title) values ('With a public agent') returning id",
      );
      const { rows } = await tx.query<{ id: string }>(
        `insert into chat_messages (chat_session_id, role, content, agent_id)
         values ($1, 'assistant', '{"text": "hello"}', $2) returning id`,
        [sessions[0]?.id, agent.id],
      );
      return rows[0]?.id as string;
    });
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: owner.token })).status).toBe(204);
    const { rows } = await api.db.asOwner((tx) =>
      tx.query('select agent_id from chat_messages where id = $1', [messageId]),
    );
    expect(rows).toEqual([{ agent_id: null }]);
  });
});

describe('listing agents', () => {
  it('pages through my agents newest first with a cursor', async () => {
    const me = await api.signUp('lister');
    for (const name of ['First', 'Second', 'Third']) await createAgent(me, { name });
    const first = await api.request<Json>('GET', '/api/agents?scope=personal&limit=2', { token: me.token });
    expect(first.body.items.map((a: Json) => a.name)).toEqual(['Third', 'Second']);
    const second = await api.request<Json>(
      'GET',
      `/api/agents?scope=personal&limit=2&cursor=${first.body.next_cursor}`,
      { token: me.token },
    );
    expect(second.body.items.map((a: Json) => a.name)).toEqual(['First']);
    expect(second.body.next_cursor).toBeNull();
  });

  it('lists mine, my teams’ and public ones; scope and team_id narrow the list', async () => {
    const mine = await createAgent(viewer, { name: 'Viewer’s own' });
    const team = await createAgent(editor, { team_id: teamId });
    const publicOne = await createAgent(outsider, { is_public: true });
    const privateOne = await createAgent(outsider);

    const all = await listIds(viewer);
    expect(all).toEqual(expect.arrayContaining([mine.id, team.id, publicOne.id]));
    expect(all).not.toContain(privateOne.id);

    const personal = await listIds(viewer, '&scope=personal');
    expect(personal).toContain(mine.id);
    expect(personal).not.toContain(team.id);
    expect(personal).not.toContain(publicOne.id);

    const teams = await listIds(viewer, '&scope=team');
    expect(teams).toContain(team.id);
    expect(teams).not.toContain(mine.id);
    expect(teams).not.toContain(publicOne.id);
    expect(await listIds(viewer, `&team_id=${teamId}`)).toContain(team.id);
    expect(await listIds(viewer, `&team_id=${teamId}`)).not.toContain(mine.id);

    const publicOnes = await listIds(viewer, '&scope=public');
    expect(publicOnes).toContain(publicOne.id);
    expect(publicOnes).not.toContain(mine.id);
  });

  it('never lists another user’s private agents nor a team’s to outsiders', async () => {
    const privateOne = await createAgent(owner);
    const team = await createAgent(editor, { team_id: teamId });
    const listed = await listIds(outsider);
    expect(listed).not.toContain(privateOne.id);
    expect(listed).not.toContain(team.id);
    expect(await listIds(outsider, `&scope=team&team_id=${teamId}`)).toEqual([]);
  });

  it('names a bad filter or cursor', async () => {
    const response = await api.request<Json>('GET', '/api/agents?scope=everything&limit=0', { token: owner.token });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual(['/querystring/limit', '/querystring/scope']);
    const cursor = await api.request<Json>('GET', '/api/agents?cursor=forged', { token: owner.token });
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors[0].path).toBe('/querystring/cursor');
  });
});

describe('changing an agent', () => {
  it('the owner changes fields, clears the description, and the change is kept', async () => {
    const agent = await createAgent(owner, { description: 'old' });
    const response = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: owner.token,
      body: { name: 'Renamed', description: null, is_public: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Renamed', description: null, is_public: true });
    expect(await readAgent(owner, agent.id)).toEqual(response.body);
  });

  it('another user gets 404 and nothing changes', async () => {
    const agent = await createAgent(owner);
    const response = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: outsider.token,
      body: { name: 'Defaced' },
    });
    expect(response.status).toBe(404);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: outsider.token })).status).toBe(404);
    expect(await readAgent(owner, agent.id)).toEqual(agent);
  });

  it('bad input names its fields and half of it is never applied', async () => {
    const agent = await createAgent(owner);
    const response = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, {
      token: owner.token,
      body: { name: 'Fine name', instructions: 'x'.repeat(50_001), settings: 'not an object' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual(['/body/instructions', '/body/settings']);
    expect(await readAgent(owner, agent.id)).toEqual(agent);
  });

  it('refuses a change of nothing', async () => {
    const agent = await createAgent(owner);
    const response = await api.request<Json>('PATCH', `/api/agents/${agent.id}`, { token: owner.token, body: {} });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toEqual({ path: '/body', message: 'change at least one field' });
  });
});

describe('deleting an agent', () => {
  it('the owner deletes his agent, after which it is gone', async () => {
    const agent = await createAgent(owner);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: owner.token })).status).toBe(204);
    expect((await api.request('GET', `/api/agents/${agent.id}`, { token: owner.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/agents/${agent.id}`, { token: owner.token })).status).toBe(404);
  });
});

it('documents the agent routes in the OpenAPI description', async () => {
  const spec = await api.request<Json>('GET', '/api/openapi.json');
  expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/agents', '/api/agents/{id}']));
  expect(spec.body.components.schemas).toHaveProperty('Agent');
});
