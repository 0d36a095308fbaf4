import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../../test/support/api.js';
import { salesCsv, serverMetricsCsv } from '../../demo/generate-data.js';
import { createDataset } from '../datasets/test-files.js';

// The whole flow through the API alone, on a fresh install with no key: the built-in offline
// model understands a plain request, makes the chart, puts it on a dashboard, and the change is
// a version that one restore undoes.

const api = useTestApi();

let user: TestSession;
let dashboard: Json;

async function send(session: string, text: string): Promise<Json[]> {
  const response = await fetch(`${api.baseUrl}/api/chat/sessions/${session}/turns`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice(6)) as Json);
}

const toolsCalled = (chunks: Json[]) => chunks.filter((c) => c.type === 'tool-input-available').map((c) => c.toolName);
const outputOf = (chunks: Json[], tool: string) => {
  const call = chunks.find((c) => c.type === 'tool-input-available' && c.toolName === tool);
  return chunks.find((c) => c.type === 'tool-output-available' && c.toolCallId === call?.toolCallId)?.output;
};
const textOf = (chunks: Json[]) =>
  chunks
    .filter((c) => c.type === 'text-delta')
    .map((c) => c.delta)
    .join('');

beforeAll(async () => {
  user = await api.signUp('offline');
  await createDataset(api, user, 'sales.csv', salesCsv());
  await createDataset(api, user, 'server_metrics.csv', serverMetricsCsv());
  dashboard = (
    await api.request<Json>('POST', '/api/dashboards', { token: user.token, body: { title: 'Sales overview' } })
  ).body;
});

describe('the offline model, with no key configured', () => {
  it('is the default model, labelled as rule-based', async () => {
    const models = (await api.request<Json>('GET', '/api/models', { token: user.token })).body.items as Json[];
    const offline = models.find((m) => m.provider === 'ocp');
    expect(offline).toMatchObject({
      model_id: 'rule-based',
      is_active: true,
      capabilities: expect.objectContaining({ rule_based: true }),
    });
  });

  it('turns a plain request into a chart on a dashboard, as a version one restore undoes', async () => {
    const session = (
      await api.request<Json>('POST', '/api/chat/sessions', { token: user.token, body: { title: 'New chat' } })
    ).body.id;
    const chunks = await send(session, 'revenue by month as a line chart and add it to the Sales dashboard');
    expect(toolsCalled(chunks)).toEqual(['list_datasets', 'make_chart', 'find_dashboards', 'add_chart']);
    const chart = outputOf(chunks, 'make_chart');
    expect(chart.spec).toMatchObject({ type: 'line' });
    expect(chart.row_count).toBe(24);
    expect(textOf(chunks)).toMatch(/Sales overview/);

    const tree = (await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: user.token })).body;
    expect(tree.tabs[0].charts).toHaveLength(1);
    const versions = (await api.request<Json>('GET', `/api/dashboards/${dashboard.id}/versions`, { token: user.token }))
      .body.items;
    expect(versions[0].provenance).toMatchObject({
      tool: 'add_chart',
      model: { provider: 'ocp', model_id: 'rule-based' },
    });
    expect(versions[0].change_summary).toMatch(/assistant/);

    await api.request('POST', `/api/dashboards/${dashboard.id}/versions/${versions[1].version_number}/restore`, {
      token: user.token,
    });
    expect(
      (await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: user.token })).body.tabs[0].charts,
    ).toEqual([]);
  });

  it('refers to the last chart in a later message', async () => {
    const session = (
      await api.request<Json>('POST', '/api/chat/sessions', { token: user.token, body: { title: 'New chat' } })
    ).body.id;
    const first = await send(session, 'top 5 regions by revenue');
    expect(outputOf(first, 'make_chart').spec.data.query).toMatchObject({ limit: 5 });
    const second = await send(session, 'add it to the Sales overview dashboard');
    expect(toolsCalled(second)).toEqual(expect.arrayContaining(['add_chart']));
  });

  it('answers requests over other datasets too', async () => {
    const session = (
      await api.request<Json>('POST', '/api/chat/sessions', { token: user.token, body: { title: 'New chat' } })
    ).body.id;
    const chunks = await send(session, 'average latency per host last 7 days');
    const chart = outputOf(chunks, 'make_chart');
    expect(chart.row_count).toBeGreaterThan(0);
    expect(JSON.stringify(chart.spec)).toMatch(/latency/);
  });
});
