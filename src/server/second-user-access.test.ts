import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../test/support/api.js';
import { createDataset, upload } from './datasets/test-files.js';
import { generateOpenApiDocument } from './openapi.js';

const api = useTestApi();

/**
 * One sweep over every API operation that takes an id: user A owns one of everything; user B,
 * signed in but a stranger, tries each operation with A's ids and a valid body. Every attempt
 * must answer 404 (nothing there, as far as B can tell), and A's data must be exactly as before.
 */
let alice: TestSession;
let bob: TestSession;
const ids: Record<string, string> = {};

async function ok(method: string, path: string, session: TestSession, body?: unknown): Promise<Json> {
  const response = await api.request<Json>(method, path, { token: session.token, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  [alice, bob] = await Promise.all([api.signUp('alice'), api.signUp('bob')]);
  const dashboard = await ok('POST', '/api/dashboards', alice, {
    title: 'Alice’s',
    tabs: [{ title: 'Main', charts: [{ title: 'Revenue', chart_type: 'line' }] }],
  });
  ids.dashboard = dashboard.id;
  ids.tab = dashboard.tabs[0].id;
  ids.chart = dashboard.tabs[0].charts[0].id;
  ids.shareLink = (await ok('POST', `/api/dashboards/${ids.dashboard}/share-links`, alice, {})).id;
  const team = await ok('POST', '/api/teams', alice, { name: 'Alice’s team' });
  ids.team = team.id;
  ids.invitation = (await ok('POST', `/api/teams/${ids.team}/invitations`, alice, { email: 'carol@example.test' })).id;
  ids.item = (await ok('POST', '/api/workspace/items', alice, { item_type: 'note', title: 'Note', content: {} })).id;
  ids.agent = (await ok('POST', '/api/agents', alice, { name: 'Analyst', instructions: 'Be brief.' })).id;
  ids.command = (
    await ok('POST', '/api/commands', alice, {
      name: 'Hello',
      command_pattern: '^/hello$',
      handler_config: { type: 'prompt_template', template: 'Say hello' },
    })
  ).id;
  ids.dataset = (await createDataset(api, alice, 'sales.csv', 'region,amount\nNorth,1\n')).id;
  ids.upload = (await upload(api, alice, 'staged.csv', 'a,b\n1,2\n')).body.upload_id;
  ids.chart = (
    await ok('PATCH', `/api/charts/${ids.chart}`, alice, {
      configuration: { version: 1, type: 'line', data: { dataset_id: ids.dataset, sql: 'select * from sales' } },
    })
  ).id;
  ids.session = (await ok('POST', '/api/chat/sessions', alice, { title: 'Chat' })).id;
  ids.message = (
    await ok('POST', `/api/chat/sessions/${ids.session}/messages`, alice, { role: 'user', content: { text: 'hi' } })
  ).id;
});

/** The id each path's parameters stand for. */
function urlFor(path: string): string {
  const resource = [
    ['/api/teams/', ids.team],
    ['/api/invitations/', ids.invitation],
    ['/api/dashboards/', ids.dashboard],
    ['/api/tabs/', ids.tab],
    ['/api/charts/', ids.chart],
    ['/api/share-links/', ids.shareLink],
    ['/api/chat/sessions/', ids.session],
    ['/api/chat/messages/', ids.message],
    ['/api/workspace/items/', ids.item],
    ['/api/agents/', ids.agent],
    ['/api/commands/', ids.command],
    ['/api/datasets/', ids.dataset],
    ['/api/uploads/', ids.upload],
  ].find(([prefix]) => path.startsWith(prefix as string));
  if (!resource) throw new Error(`no id for ${path}: add one to the sweep`);
  return path
    .replace(/\{id\}|\{upload_id\}/, resource[1] as string)
    .replace('{userId}', alice.userId)
    .replace('{number}', '1')
    .replace('/diff', '/diff?from=1&to=1');
}

/** A body each operation accepts, so that B reaches the access check rather than validation. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/teams/{id}': { name: 'Taken' },
  'PATCH /api/teams/{id}/members/{userId}': { role: 'viewer' },
  'POST /api/teams/{id}/invitations': { email: 'mallory@example.test', role: 'admin' },
  'PATCH /api/dashboards/{id}': { title: 'Taken' },
  'POST /api/dashboards/{id}/tabs': { title: 'Planted' },
  'PUT /api/dashboards/{id}/tab-order': { ids: ['00000000-0000-4000-8000-000000000000'] },
  'PATCH /api/tabs/{id}': { title: 'Taken' },
  'POST /api/tabs/{id}/charts': { title: 'Planted', chart_type: 'bar' },
  'PUT /api/tabs/{id}/chart-order': { ids: ['00000000-0000-4000-8000-000000000000'] },
  'PATCH /api/charts/{id}': { title: 'Taken' },
  'POST /api/dashboards/{id}/share-links': {},
  'PATCH /api/share-links/{id}': { expires_at: null },
  'PATCH /api/chat/sessions/{id}': { title: 'Taken' },
  'POST /api/chat/sessions/{id}/messages': { role: 'user', content: { text: 'planted' } },
  'PATCH /api/chat/messages/{id}': { content: { text: 'taken' } },
  'POST /api/chat/sessions/{id}/turns': { text: 'planted' },
  'PATCH /api/workspace/items/{id}': { title: 'Taken' },
  'PATCH /api/agents/{id}': { name: 'Taken' },
  'PATCH /api/commands/{id}': { name: 'Taken' },
  'PATCH /api/datasets/{id}': { name: 'Taken' },
  'POST /api/datasets/{id}/load': { upload_id: '00000000-0000-4000-8000-000000000000', mode: 'replace' },
};

/** Everything of Alice's, as she reads it. */
async function aliceWorld(): Promise<Json> {
  const read = (path: string) => ok('GET', path, alice);
  return {
    dashboard: await read(`/api/dashboards/${ids.dashboard}`),
    versions: await read(`/api/dashboards/${ids.dashboard}/versions`),
    links: await read(`/api/dashboards/${ids.dashboard}/share-links`),
    team: await read(`/api/teams/${ids.team}`),
    invitations: await read(`/api/teams/${ids.team}/invitations`),
    item: await read(`/api/workspace/items/${ids.item}`),
    agent: await read(`/api/agents/${ids.agent}`),
    command: await read(`/api/commands/${ids.command}`),
    dataset: await read(`/api/datasets/${ids.dataset}`),
    rows: await read(`/api/datasets/${ids.dataset}/rows`),
    chartData: await read(`/api/charts/${ids.chart}/data`),
    session: await read(`/api/chat/sessions/${ids.session}`),
    messages: await read(`/api/chat/sessions/${ids.session}/messages`),
  };
}

describe('a second user', () => {
  it('gets 404 from every operation on another user’s ids, and changes nothing', async () => {
    const before = await aliceWorld();
    const document = (await generateOpenApiDocument()) as { paths: Record<string, Record<string, unknown>> };
    const answers: Record<string, number> = {};
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.includes('{') || path.startsWith('/api/public/')) continue;
      for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
        const operation = `${method} ${path}`;
        const body = method === 'GET' || method === 'DELETE' ? undefined : (BODIES[operation] ?? {});
        answers[operation] = (await api.request(method, urlFor(path), { token: bob.token, body })).status;
      }
    }
    const notHidden = Object.entries(answers).filter(([, status]) => status !== 404);
    expect(notHidden).toEqual([]);
    expect(Object.keys(answers).length).toBeGreaterThanOrEqual(45);
    expect(await aliceWorld()).toEqual(before);
  });
});
