import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let owner: TestSession;
let editor: TestSession;
let viewer: TestSession;
let outsider: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ owner, editor, viewer, outsider, teamId } = await signUpTeam(api, 'Commands team'));
});

const VALID = {
  name: 'Report',
  command_pattern: '^/report\\s+(?<period>\\w+)$',
  handler_config: { type: 'prompt_template', template: 'Make a report for {{period}}' },
};

async function createCommand(session: TestSession, body: Json = {}) {
  const response = await api.request<Json>('POST', '/api/commands', {
    token: session.token,
    body: { ...VALID, ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function readCommand(session: TestSession, id: string) {
  const response = await api.request<Json>('GET', `/api/commands/${id}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body;
}

async function listIds(session: TestSession, query = '') {
  const response = await api.request<Json>('GET', `/api/commands?limit=100${query}`, { token: session.token });
  expect(response.status).toBe(200);
  return response.body.items.map((c: Json) => c.id) as string[];
}

/** POSTs a command and returns the paths of the fields the 422 names. */
async function refusedPaths(body: Json): Promise<string[]> {
  const response = await api.request<Json>('POST', '/api/commands', {
    token: owner.token,
    body: { ...VALID, ...body },
  });
  expect(response.status).toBe(422);
  expect(response.body.code).toBe('validation_failed');
  return response.body.errors.map((e: Json) => e.path).sort();
}

async function countNamed(name: string): Promise<number> {
  const { rows } = await api.db.asOwner((tx) => tx.query('select 1 from custom_commands where name = $1', [name]));
  return rows.length;
}

describe('requires authentication', () => {
  it('to list, create, read, change and delete commands, and an anonymous attempt changes nothing', async () => {
    const command = await createCommand(owner, { is_public: true });
    expect((await api.request('GET', '/api/commands')).status).toBe(401);
    expect((await api.request('POST', '/api/commands', { body: VALID })).status).toBe(401);
    expect((await api.request('GET', `/api/commands/${command.id}`)).status).toBe(401);
    expect((await api.request('PATCH', `/api/commands/${command.id}`, { body: { name: 'Defaced' } })).status).toBe(401);
    expect((await api.request('DELETE', `/api/commands/${command.id}`)).status).toBe(401);
    expect(await readCommand(owner, command.id)).toEqual(command);
  });
});

describe('creating and reading a command', () => {
  it('creates a personal command by default and reads it back, with the owner’s abilities', async () => {
    const command = await createCommand(owner, { description: 'Monthly numbers' });
    expect(command).toMatchObject({
      name: 'Report',
      description: 'Monthly numbers',
      command_pattern: VALID.command_pattern,
      handler_config: VALID.handler_config,
      owner: { type: 'user', user_id: owner.userId },
      is_public: false,
      abilities: { can_edit: true, can_delete: true },
    });
    expect(await readCommand(owner, command.id)).toEqual(command);
  });

  it('keeps handler_config as given, without adding defaults', async () => {
    const handler = { type: 'webhook', url: 'https://hooks.example.test/x', headers: { 'X-Team': 'sales' } };
    const command = await createCommand(owner, { handler_config: handler });
    expect(command.handler_config).toEqual(handler);
  });

  it('a private command is invisible to another user: 404, the same answer as for an id that does not exist', async () => {
    const command = await createCommand(owner);
    const hidden = await api.request<Json>('GET', `/api/commands/${command.id}`, { token: outsider.token });
    const missing = await api.request<Json>('GET', `/api/commands/${crypto.randomUUID()}`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.detail).toBe(missing.body.detail);
  });

  it('refuses a malformed id with 422', async () => {
    const response = await api.request<Json>('GET', '/api/commands/42', { token: owner.token });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/params/id');
  });

  it('team editors create team commands; viewers and outsiders get 403 and nothing is created', async () => {
    const team = await createCommand(editor, { team_id: teamId });
    expect(team.owner).toEqual({ type: 'team', team_id: teamId });
    for (const session of [viewer, outsider]) {
      const response = await api.request<Json>('POST', '/api/commands', {
        token: session.token,
        body: { ...VALID, name: 'Planted command', team_id: teamId },
      });
      expect(response.status).toBe(403);
    }
    expect(await countNamed('Planted command')).toBe(0);
  });
});

describe('validating a command', () => {
  it('refuses a pattern that is not a regular expression, naming /body/command_pattern and saying why', async () => {
    const response = await api.request<Json>('POST', '/api/commands', {
      token: owner.token,
      body: { ...VALID, name: 'Bad pattern', command_pattern: '^/report(' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: '/body/command_pattern', message: expect.stringMatching(/^is not a valid regular expression \(.+\)$/) },
    ]);
    expect(await countNamed('Bad pattern')).toBe(0);
  });

  it('refuses what RE2 cannot match in linear time, in RE2’s words, though JavaScript would accept it', async () => {
    for (const [pattern, hint] of [
      ['^/(a)\\1$', 'RE2 has no backreferences'],
      ['^/report(?=\\s)', 'RE2 has no lookahead or lookbehind'],
    ]) {
      const response = await api.request<Json>('POST', '/api/commands', {
        token: owner.token,
        body: { ...VALID, command_pattern: pattern },
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        {
          path: '/body/command_pattern',
          message: expect.stringMatching(new RegExp(`^is not a valid regular expression \\(RE2: .+; ${hint}\\)$`)),
        },
      ]);
    }
  });

  it('names each field of handler_config at fault, for every handler type', async () => {
    expect(
      await refusedPaths({
        handler_config: { type: 'webhook', url: 'ftp://x.example.test', timeout_ms: 5, retries: 3 },
      }),
    ).toEqual(['/body/handler_config/retries', '/body/handler_config/timeout_ms', '/body/handler_config/url']);
    expect(await refusedPaths({ handler_config: { type: 'prompt_template' } })).toEqual([
      '/body/handler_config/template',
    ]);
    expect(await refusedPaths({ handler_config: { type: 'agent', agent_id: 'analyst' } })).toEqual([
      '/body/handler_config/agent_id',
    ]);
    expect(
      await refusedPaths({
        handler_config: { type: 'tool', tool: 'search_chats', input: { query: '{{1}}', limit: 5 } },
      }),
    ).toEqual(['/body/handler_config/input/limit']);
    expect(await refusedPaths({ handler_config: { type: 'tool', tool: 'drop_database' } })).toEqual([
      '/body/handler_config/tool',
    ]);
  });

  it('refuses a webhook header that OCP sets itself', async () => {
    expect(
      await refusedPaths({
        handler_config: { type: 'webhook', url: 'https://hooks.example.test/x', headers: { Host: 'internal.example' } },
      }),
    ).toEqual(['/body/handler_config/headers/Host']);
  });

  it('refuses an empty pattern and one over 1000 characters', async () => {
    expect(await refusedPaths({ command_pattern: '' })).toEqual(['/body/command_pattern']);
    expect(await refusedPaths({ command_pattern: 'a'.repeat(1001) })).toEqual(['/body/command_pattern']);
    const longest = await createCommand(owner, { command_pattern: 'a'.repeat(1000) });
    expect(longest.command_pattern).toHaveLength(1000);
  });

  it('refuses a handler_config without a known type', async () => {
    expect(await refusedPaths({ handler_config: { template: 'x' } })).toEqual(['/body/handler_config/type']);
    expect(await refusedPaths({ handler_config: { type: 'shell', cmd: 'rm -rf /' } })).toEqual([
      '/body/handler_config/type',
    ]);
    expect(await refusedPaths({ handler_config: ['prompt_template'] })).toEqual(['/body/handler_config']);
  });

  it('refuses every key named like a secret, at any depth and in any case, naming each', async () => {
    const paths = await refusedPaths({
      name: 'Leaky',
      handler_config: {
        type: 'webhook',
        url: 'https://hooks.example.test/x?access_token=t',
        headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k' },
        githubToken: 't',
        api_key: 'k',
      },
    });
    expect(paths).toEqual([
      '/body/handler_config/api_key',
      '/body/handler_config/githubToken',
      '/body/handler_config/headers/Authorization',
      '/body/handler_config/headers/X-Api-Key',
      '/body/handler_config/url',
    ]);
    const nested = await refusedPaths({
      name: 'Leaky',
      handler_config: {
        type: 'tool',
        tool: 'run_query',
        input: { dataset_id: '{{1}}', query: { auth: [{ client_secret: 's' }, { user: 'u', PASSWORD: 'p' }] } },
      },
    });
    expect(nested).toEqual([
      '/body/handler_config/input/query/auth/0/client_secret',
      '/body/handler_config/input/query/auth/1/PASSWORD',
    ]);
    expect(await countNamed('Leaky')).toBe(0);
  });

  it('names a secret and a bad type in the same answer, with the other bad fields', async () => {
    expect(
      await refusedPaths({ name: '', command_pattern: '[', handler_config: { type: 'nope', token: 't' } }),
    ).toEqual(['/body/command_pattern', '/body/handler_config/token', '/body/handler_config/type', '/body/name']);
  });

  it('refuses a handler_config nested deeper than 32 levels, naming where', async () => {
    let nested: Json = { leaf: true };
    for (let i = 0; i < 40; i++) nested = { next: nested };
    const paths = await refusedPaths({
      handler_config: { type: 'tool', tool: 'run_query', input: { dataset_id: '{{1}}', query: nested } },
    });
    expect(paths).toEqual([`/body/handler_config/input/query${'/next'.repeat(30)}`]);
  });

  it('lets model settings such as max_tokens through: they are not secrets', async () => {
    const headers = { 'X-Max-Tokens': '500', 'X-Token-Limit': '10' };
    const command = await createCommand(owner, {
      handler_config: { type: 'webhook', url: 'https://hooks.example.test/x', headers },
    });
    expect(command.handler_config.headers).toEqual(headers);
  });

  it('a change with a secret or a bad pattern changes nothing, not even its valid fields', async () => {
    const command = await createCommand(owner);
    const leaky = {
      type: 'tool',
      tool: 'run_query',
      input: { dataset_id: '{{1}}', query: { deeper: { Secret: 'x' } } },
    };
    for (const body of [
      { name: 'Renamed', handler_config: leaky },
      { name: 'Renamed', command_pattern: '(?<open' },
    ]) {
      const response = await api.request<Json>('PATCH', `/api/commands/${command.id}`, { token: owner.token, body });
      expect(response.status).toBe(422);
    }
    const response = await api.request<Json>('PATCH', `/api/commands/${command.id}`, {
      token: owner.token,
      body: { handler_config: leaky },
    });
    expect(response.body.errors[0].path).toBe('/body/handler_config/input/query/deeper/Secret');
    expect(await readCommand(owner, command.id)).toEqual(command);
  });
});

describe('team commands', () => {
  it('a team viewer reads a team command but may not change or delete it (403), and nothing changes', async () => {
    const command = await createCommand(editor, { team_id: teamId });
    expect((await readCommand(viewer, command.id)).abilities).toEqual({ can_edit: false, can_delete: false });
    expect(
      (await api.request('PATCH', `/api/commands/${command.id}`, { token: viewer.token, body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: viewer.token })).status).toBe(403);
    expect(await readCommand(editor, command.id)).toEqual(command);
  });

  it('a team editor changes and deletes a team command that the team admin created', async () => {
    const command = await createCommand(owner, { team_id: teamId });
    expect((await readCommand(editor, command.id)).abilities).toEqual({ can_edit: true, can_delete: true });
    const changed = await api.request<Json>('PATCH', `/api/commands/${command.id}`, {
      token: editor.token,
      body: { command_pattern: '^/datasets$', handler_config: { type: 'tool', tool: 'list_datasets' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      command_pattern: '^/datasets$',
      handler_config: { type: 'tool', tool: 'list_datasets' },
    });
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: editor.token })).status).toBe(204);
    expect((await api.request('GET', `/api/commands/${command.id}`, { token: owner.token })).status).toBe(404);
  });

  it('an outsider cannot see a team command: 404 for read, change and delete, and nothing changes', async () => {
    const command = await createCommand(editor, { team_id: teamId });
    expect((await api.request('GET', `/api/commands/${command.id}`, { token: outsider.token })).status).toBe(404);
    const patch = { token: outsider.token, body: { name: 'x' } };
    expect((await api.request('PATCH', `/api/commands/${command.id}`, patch)).status).toBe(404);
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: outsider.token })).status).toBe(404);
    expect(await readCommand(editor, command.id)).toEqual(command);
  });
});

describe('public commands', () => {
  it('are readable by every signed-in user, but not writable: 403, and nothing changes', async () => {
    const command = await createCommand(owner, { is_public: true });
    expect((await readCommand(outsider, command.id)).abilities).toEqual({ can_edit: false, can_delete: false });
    const patch = await api.request<Json>('PATCH', `/api/commands/${command.id}`, {
      token: outsider.token,
      body: { handler_config: { type: 'webhook', url: 'https://evil.example.test' } },
    });
    expect(patch.status).toBe(403);
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: outsider.token })).status).toBe(403);
    expect(await readCommand(owner, command.id)).toEqual(command);
  });
});

describe('listing commands', () => {
  it('pages through my commands newest first with a cursor', async () => {
    const me = await api.signUp('lister');
    for (const name of ['First', 'Second', 'Third']) await createCommand(me, { name });
    const first = await api.request<Json>('GET', '/api/commands?scope=personal&limit=2', { token: me.token });
    expect(first.body.items.map((c: Json) => c.name)).toEqual(['Third', 'Second']);
    const second = await api.request<Json>(
      'GET',
      `/api/commands?scope=personal&limit=2&cursor=${first.body.next_cursor}`,
      { token: me.token },
    );
    expect(second.body.items.map((c: Json) => c.name)).toEqual(['First']);
    expect(second.body.next_cursor).toBeNull();
  });

  it('lists mine, my teams’ and public ones; scope and team_id narrow the list', async () => {
    const mine = await createCommand(viewer);
    const team = await createCommand(editor, { team_id: teamId });
    const publicOne = await createCommand(outsider, { is_public: true });
    const privateOne = await createCommand(outsider);

    const all = await listIds(viewer);
    expect(all).toEqual(expect.arrayContaining([mine.id, team.id, publicOne.id]));
    expect(all).not.toContain(privateOne.id);
    expect(await listIds(viewer, '&scope=personal')).toEqual(expect.not.arrayContaining([team.id, publicOne.id]));
    expect(await listIds(viewer, '&scope=personal')).toContain(mine.id);
    expect(await listIds(viewer, '&scope=team')).toContain(team.id);
    expect(await listIds(viewer, '&scope=team')).toEqual(expect.not.arrayContaining([mine.id, publicOne.id]));
    expect(await listIds(viewer, `&team_id=${teamId}`)).toEqual(expect.not.arrayContaining([mine.id]));
    expect(await listIds(viewer, '&scope=public')).toContain(publicOne.id);
    expect(await listIds(viewer, '&scope=public')).not.toContain(mine.id);
  });

  it('never lists another user’s private commands nor a team’s to outsiders', async () => {
    const privateOne = await createCommand(owner);
    const team = await createCommand(editor, { team_id: teamId });
    expect(await listIds(outsider)).toEqual(expect.not.arrayContaining([privateOne.id, team.id]));
  });
});

describe('changing and deleting a command', () => {
  it('another user gets 404 and nothing changes', async () => {
    const command = await createCommand(owner);
    const patch = { token: outsider.token, body: { name: 'Defaced' } };
    expect((await api.request('PATCH', `/api/commands/${command.id}`, patch)).status).toBe(404);
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: outsider.token })).status).toBe(404);
    expect(await readCommand(owner, command.id)).toEqual(command);
  });

  it('the owner renames his command and then deletes it, after which it is gone', async () => {
    const command = await createCommand(owner);
    const renamed = await api.request<Json>('PATCH', `/api/commands/${command.id}`, {
      token: owner.token,
      body: { name: 'Weekly report', description: 'Every Monday' },
    });
    expect(renamed.body).toMatchObject({ name: 'Weekly report', description: 'Every Monday' });
    expect((await api.request('DELETE', `/api/commands/${command.id}`, { token: owner.token })).status).toBe(204);
    expect((await api.request('GET', `/api/commands/${command.id}`, { token: owner.token })).status).toBe(404);
  });
});

describe('testing which command a message calls', () => {
  const test = (session: TestSession | undefined, message: string) =>
    api.request<Json>('POST', '/api/commands/test', { token: session?.token, body: { message } });

  it('requires authentication', async () => {
    expect((await test(undefined, '/help')).status).toBe(401);
  });

  it('a built-in comes first: /help lists the caller’s custom commands', async () => {
    const me = await api.signUp('helptester');
    await createCommand(me, { name: 'Quarterly', description: 'Quarter numbers' });
    const response = await test(me, '/help');
    expect(response.status).toBe(200);
    expect(response.body.command).toEqual({ source: 'builtin', name: '/help' });
    expect(response.body.outcome.kind).toBe('reply');
    expect(response.body.outcome.text).toContain('**Quarterly**: Quarter numbers');
  });

  it('names the custom command, what its pattern captured, and the filled prompt', async () => {
    const me = await api.signUp('prompttester');
    const command = await createCommand(me);
    const response = await test(me, '/report monthly');
    expect(response.body).toEqual({
      command: {
        source: 'custom',
        id: command.id,
        name: 'Report',
        groups: { '0': '/report monthly', '1': 'monthly', period: 'monthly' },
      },
      outcome: { kind: 'prompt', text: 'Make a report for monthly' },
      skipped: [],
    });
  });

  it('reports the webhook a command would call, without calling it', async () => {
    let hits = 0;
    const receiver = http.createServer((_request, response) => {
      hits += 1;
      response.end('{"text":"called"}');
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    try {
      const me = await api.signUp('webhooktester');
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await createCommand(me, { command_pattern: '^/ping$', handler_config: { type: 'webhook', url } });
      const response = await test(me, '/ping');
      expect(response.body.outcome).toEqual({ kind: 'webhook', url });
      expect(hits).toBe(0);
    } finally {
      receiver.close();
    }
  });

  it('never uses another user’s private command', async () => {
    await createCommand(owner, { command_pattern: '^/only-mine$' });
    const response = await test(outsider, '/only-mine');
    expect(response.status).toBe(200);
    expect(response.body.command).toBeNull();
    expect(response.body.outcome).toBeNull();
  });

  it('lists the caller’s stored commands that can never run, and matches the others', async () => {
    const me = await api.signUp('legacytester');
    await api.db.asOwner((tx) =>
      tx.query(
        `insert into custom_commands (name, command_pattern, handler_config, owner_user_id)
         values ('Legacy', '^/x(?=y)', '{"type": "prompt_template", "template": "x"}', $1)`,
        [me.userId],
      ),
    );
    const good = await createCommand(me, {
      command_pattern: '^/x',
      handler_config: { type: 'tool', tool: 'list_datasets' },
    });
    const response = await test(me, '/xy');
    expect(response.body.command).toMatchObject({ source: 'custom', id: good.id });
    expect(response.body.outcome).toEqual({ kind: 'tool', tool: 'list_datasets', input: {} });
    expect(response.body.skipped).toEqual([
      {
        id: expect.any(String),
        name: 'Legacy',
        reason: expect.stringMatching(/^command_pattern is not a valid regular expression/),
      },
    ]);
  });

  it('tries an unsaved draft first, in place of the stored command it edits', async () => {
    const me = await api.signUp('drafttester');
    const stored = await createCommand(me);
    const draft = { ...VALID, name: 'Report v2', handler_config: { type: 'prompt_template', template: 'v2 {{1}}' } };
    const edited = await api.request<Json>('POST', '/api/commands/test', {
      token: me.token,
      body: { message: '/report weekly', draft: { ...draft, id: stored.id } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.command).toMatchObject({ source: 'custom', id: stored.id, name: 'Report v2' });
    expect(edited.body.outcome).toEqual({ kind: 'prompt', text: 'v2 weekly' });
    const fresh = await api.request<Json>('POST', '/api/commands/test', {
      token: me.token,
      body: { message: '/report weekly', draft },
    });
    expect(fresh.body.command).toMatchObject({ id: '00000000-0000-0000-0000-000000000000', name: 'Report v2' });
    expect(await countNamed('Report v2')).toBe(0);
  });

  it('checks a draft like a save: a pattern RE2 refuses is named at /body/draft/command_pattern', async () => {
    const response = await api.request<Json>('POST', '/api/commands/test', {
      token: owner.token,
      body: { message: '/x', draft: { ...VALID, command_pattern: '^/x(?=y)' } },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path)).toEqual(['/body/draft/command_pattern']);
  });

  it('refuses an empty message with 422', async () => {
    const response = await test(owner, '');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/message');
  });
});

it('documents the command routes in the OpenAPI description', async () => {
  const spec = await api.request<Json>('GET', '/api/openapi.json');
  expect(Object.keys(spec.body.paths)).toEqual(
    expect.arrayContaining(['/api/commands', '/api/commands/{id}', '/api/commands/test']),
  );
  expect(spec.body.components.schemas).toHaveProperty('Command');
});
