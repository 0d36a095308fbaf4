import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TeamCast, type TestSession, useTestApi } from '../../../test/support/api.js';
import { createDataset } from '../datasets/test-files.js';

const api = useTestApi();

let team: TeamCast;
let dataset: Json;
let chartId: string;
let tabId: string;
const MESSY =
  '\uFEFFmonth;region;amount\n"2024-01-01";North;"1.200,50"\n2024-02-01;North;900,25\n2024-01-01;South;300,00\n2024-02-01;South;"450,75"\n';

const spec = (extra: Json = {}) => ({
  version: 1,
  type: 'bar',
  data: {
    dataset_id: dataset.id,
    query: { dimensions: [{ field: 'region' }], measures: [{ field: 'amount', aggregate: 'sum', as: 'amount' }] },
  },
  style: { title: 'Amount by region' },
  ...extra,
});

beforeAll(async () => {
  team = await signUpTeam(api, 'Charts team');
  dataset = await createDataset(api, team.editor, 'amounts.csv', MESSY, { team_id: team.teamId });
  const dashboard = await api.request<Json>('POST', '/api/dashboards', {
    token: team.editor.token,
    body: {
      title: 'Amounts',
      team_id: team.teamId,
      tabs: [{ title: 'Main', charts: [{ title: 'By region', configuration: spec() }] }],
    },
  });
  expect(dashboard.status).toBe(201);
  tabId = dashboard.body.tabs[0].id;
  chartId = dashboard.body.tabs[0].charts[0].id;
});

describe('a chart of a messy CSV', () => {
  it('takes its type from the spec, and serves its data as JSON', async () => {
    const data = await api.request<Json>('GET', `/api/charts/${chartId}/data`, { token: team.viewer.token });
    expect(data.status).toBe(200);
    expect(data.body.result.rows).toEqual([
      ['North', 2100.75],
      ['South', 750.75],
    ]);
  });

  it('draws it as SVG with its title, categories and formatted values', async () => {
    const response = await fetch(`${api.baseUrl}/api/charts/${chartId}/render.svg`, {
      headers: { authorization: `Bearer ${team.viewer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(svg).toMatch(/^<svg/);
    for (const text of ['Amount by region', 'North', 'South']) expect(svg).toContain(text);
  });

  it('draws it as a PNG of the asked size', async () => {
    const response = await fetch(`${api.baseUrl}/api/charts/${chartId}/render.png?width=640&height=360`, {
      headers: { authorization: `Bearer ${team.viewer.token}` },
    });
    expect(response.status).toBe(200);
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(640); // IHDR width
    expect(png.readUInt32BE(20)).toBe(360);
  });

  it('says so when the query returns nothing', async () => {
    const empty = spec({
      data: {
        dataset_id: dataset.id,
        query: {
          dimensions: [{ field: 'region' }],
          measures: [{ field: 'amount', aggregate: 'sum' }],
          filters: [{ field: 'region', op: '=', value: 'Nowhere' }],
        },
      },
    });
    const response = await fetch(`${api.baseUrl}/api/charts/render.svg`, {
      method: 'POST',
      headers: { authorization: `Bearer ${team.editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ spec: empty }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('No data');
    expect(decodeURIComponent(response.headers.get('x-chart-warnings') ?? '')).toMatch(/no rows/);
  });
});

describe('chart specs are checked', () => {
  it('refuses an invalid spec with the path of the problem, and saves nothing', async () => {
    const bad = spec({ data: { dataset_id: dataset.id, query: { measures: [{ aggregate: 'sum' }] } } });
    const response = await api.request<Json>('POST', `/api/tabs/${tabId}/charts`, {
      token: team.editor.token,
      body: { title: 'Broken', configuration: bad },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toContainEqual({
      path: '/body/configuration/data/query/measures/0/field',
      message: 'needs a field unless the aggregate is count',
    });
    const tree = await api.request<Json>('GET', `/api/charts/${chartId}/data`, { token: team.editor.token });
    expect(tree.status).toBe(200);
  });

  it('refuses a chart type that contradicts the spec', async () => {
    const response = await api.request<Json>('PATCH', `/api/charts/${chartId}`, {
      token: team.editor.token,
      body: { chart_type: 'pie', configuration: spec() },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/chart_type');
  });

  it('a new spec of another type changes the chart’s type', async () => {
    const response = await api.request<Json>('PATCH', `/api/charts/${chartId}`, {
      token: team.editor.token,
      body: { configuration: spec({ type: 'pie' }) },
    });
    expect(response.status).toBe(200);
    expect(response.body.chart_type).toBe('pie');
  });

  it('publishes the spec as JSON Schema', async () => {
    const response = await api.request<Json>('GET', '/api/charts/spec.schema.json');
    expect(response.status).toBe(200);
    expect(response.body.properties.type.enum).toContain('heatmap');
  });

  it('reports a calculation that names a missing column at its path', async () => {
    const response = await api.request<Json>('POST', '/api/charts/data', {
      token: team.editor.token,
      body: { spec: spec({ calculations: [{ type: 'running_total', field: 'revenue' }] }) },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/spec/calculations/0/field');
  });
});

describe('from the attacker’s side', () => {
  let stranger: TestSession;
  beforeAll(async () => {
    stranger = await api.signUp('stranger');
  });

  it('an outsider gets 404 for the chart’s data and pictures; anonymous callers 401', async () => {
    for (const path of [
      `/api/charts/${chartId}/data`,
      `/api/charts/${chartId}/render.svg`,
      `/api/charts/${chartId}/render.png`,
    ]) {
      expect((await api.request('GET', path, { token: stranger.token })).status).toBe(404);
      expect((await api.request('GET', path)).status).toBe(401);
    }
  });

  it('an outsider cannot draw a spec over a dataset he cannot read', async () => {
    const response = await api.request<Json>('POST', '/api/charts/data', {
      token: stranger.token,
      body: { spec: spec() },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('unknown_dataset');
    const sql = spec({ data: { dataset_id: dataset.id, sql: `select * from ${dataset.table_name}` } });
    const bySql = await api.request<Json>('POST', '/api/charts/data', { token: stranger.token, body: { spec: sql } });
    expect(bySql.body.code).toBe('unknown_dataset');
  });
});

describe('charts on a share page', () => {
  let dashboardId: string;
  let sharedChartId: string;
  let foreignChartId: string;
  let stranger: TestSession;
  beforeAll(async () => {
    stranger = await api.signUp('stranger2');
    const board = await api.request<Json>('POST', '/api/dashboards', {
      token: team.editor.token,
      body: {
        title: 'Shared amounts',
        team_id: team.teamId,
        tabs: [{ title: 'Main', charts: [{ title: 'By region', configuration: spec() }] }],
      },
    });
    dashboardId = board.body.id;
    sharedChartId = board.body.tabs[0].charts[0].id;
    foreignChartId = chartId;
  });

  const link = async (body: Json = {}) =>
    (await api.request<Json>('POST', `/api/dashboards/${dashboardId}/share-links`, { token: team.editor.token, body }))
      .body;

  it('draws a shared chart for an anonymous visitor holding the link', async () => {
    const { token } = await link();
    const png = await fetch(`${api.baseUrl}/api/public/shared/${token}/charts/${sharedChartId}/render.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const data = await api.request<Json>('GET', `/api/public/shared/${token}/charts/${sharedChartId}/data`);
    expect(data.body.result.rows).toEqual([
      ['North', 2100.75],
      ['South', 750.75],
    ]);
  });

  it('asks for the password where one is set, and refuses an expired link with 410', async () => {
    const guarded = await link({ password: 'open sesame' });
    const path = `/api/public/shared/${guarded.token}/charts/${sharedChartId}/data`;
    expect((await api.request<Json>('GET', path)).body.code).toBe('share_link_password_required');
    expect((await api.request('GET', path, { headers: { 'x-share-password': 'open sesame' } })).status).toBe(200);
    const expired = await link({ expires_at: new Date(Date.now() + 1500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(
      (await api.request('GET', `/api/public/shared/${expired.token}/charts/${sharedChartId}/render.svg`)).status,
    ).toBe(410);
  });

  it('a link opens only its own dashboard’s charts', async () => {
    const { token } = await link();
    expect((await api.request('GET', `/api/public/shared/${token}/charts/${foreignChartId}/data`)).status).toBe(404);
    expect((await api.request('GET', `/api/public/shared/not-a-token/charts/${sharedChartId}/data`)).status).toBe(404);
  });

  it('a link is no way to read data its dashboard’s owner does not own', async () => {
    // The stranger builds a dashboard whose chart names the team's dataset by id and by table name, and shares it.
    const board = await api.request<Json>('POST', '/api/dashboards', {
      token: stranger.token,
      body: {
        title: 'Trojan',
        tabs: [
          {
            title: 'T',
            charts: [
              { title: 'By id', configuration: spec() },
              {
                title: 'By SQL',
                configuration: spec({ data: { dataset_id: dataset.id, sql: `select * from ${dataset.table_name}` } }),
              },
            ],
          },
        ],
      },
    });
    expect(board.status).toBe(201);
    const shared = await api.request<Json>('POST', `/api/dashboards/${board.body.id}/share-links`, {
      token: stranger.token,
      body: {},
    });
    for (const chart of board.body.tabs[0].charts) {
      const response = await api.request<Json>(
        'GET',
        `/api/public/shared/${shared.body.token}/charts/${chart.id}/data`,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('unknown_dataset');
    }
  });
});
