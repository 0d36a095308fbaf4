import { applyPatch } from 'rfc6902';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let owner: TestSession;
let viewer: TestSession;
let outsider: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ owner, viewer, outsider, teamId } = await signUpTeam(api, 'History'));
});

/** A team dashboard with three versions: created; chart renamed; chart added. */
async function dashboardWithHistory() {
  const created = await api.request<Json>('POST', '/api/dashboards', {
    token: owner.token,
    body: {
      title: 'Sales',
      team_id: teamId,
      tabs: [{ title: 'Main', charts: [{ title: 'Revenue', chart_type: 'line' }] }],
    },
  });
  const dashboard = created.body;
  const chartId = dashboard.tabs[0].charts[0].id;
  await api.request('PATCH', `/api/charts/${chartId}`, { token: owner.token, body: { title: 'Revenue by month' } });
  await api.request('POST', `/api/tabs/${dashboard.tabs[0].id}/charts`, {
    token: owner.token,
    body: { title: 'Orders', chart_type: 'bar' },
  });
  return { id: dashboard.id as string, chartId: chartId as string };
}

describe('history', () => {
  it('lists every save, newest first, with who made it and what it did', async () => {
    const { id } = await dashboardWithHistory();
    const response = await api.request<Json>('GET', `/api/dashboards/${id}/versions`, { token: viewer.token });
    expect(response.status).toBe(200);
    expect(response.body.items.map((v: Json) => [v.version_number, v.change_summary])).toEqual([
      [3, 'Added chart “Orders” to tab “Main”'],
      [2, 'Edited chart “Revenue” (title)'],
      [1, 'Created dashboard “Sales”'],
    ]);
    expect(response.body.items[0].created_by).toMatchObject({ id: owner.userId, display_name: 'owner' });
  });

  it('pages with before', async () => {
    const { id } = await dashboardWithHistory();
    const page = await api.request<Json>('GET', `/api/dashboards/${id}/versions?limit=2`, { token: owner.token });
    expect(page.body.next_before).toBe(2);
    const older = await api.request<Json>('GET', `/api/dashboards/${id}/versions?before=2`, { token: owner.token });
    expect(older.body.items.map((v: Json) => v.version_number)).toEqual([1]);
  });

  it('is hidden from an outsider (404) and needs a signed-in caller', async () => {
    const { id } = await dashboardWithHistory();
    expect((await api.request('GET', `/api/dashboards/${id}/versions`, { token: outsider.token })).status).toBe(404);
    expect((await api.request('GET', `/api/dashboards/${id}/versions/1`, { token: outsider.token })).status).toBe(404);
    expect((await api.request('GET', `/api/dashboards/${id}/versions`)).status).toBe(401);
  });

  it('returns one version with its full snapshot', async () => {
    const { id } = await dashboardWithHistory();
    const version = await api.request<Json>('GET', `/api/dashboards/${id}/versions/1`, { token: owner.token });
    expect(version.body.snapshot).toMatchObject({
      title: 'Sales',
      tabs: [{ title: 'Main', charts: [{ title: 'Revenue' }] }],
    });
  });
});

describe('comparing two versions', () => {
  it('gives a JSON Patch that turns one snapshot into the other, and the change in words', async () => {
    const { id } = await dashboardWithHistory();
    const diff = await api.request<Json>('GET', `/api/dashboards/${id}/versions/diff?from=1&to=3`, {
      token: owner.token,
    });
    expect(diff.status).toBe(200);
    expect(diff.body.summary).toEqual([
      'Chart “Revenue” renamed to “Revenue by month”',
      'Chart “Orders” added to tab “Main”',
    ]);
    const [v1, v3] = await Promise.all(
      [1, 3].map((n) => api.request<Json>('GET', `/api/dashboards/${id}/versions/${n}`, { token: owner.token })),
    );
    const patched = structuredClone(v1?.body.snapshot);
    applyPatch(patched, diff.body.patch);
    expect(patched).toEqual(v3?.body.snapshot);
  });

  it('answers 404 for a version that does not exist', async () => {
    const { id } = await dashboardWithHistory();
    const diff = await api.request<Json>('GET', `/api/dashboards/${id}/versions/diff?from=1&to=99`, {
      token: owner.token,
    });
    expect(diff.status).toBe(404);
  });
});

describe('restoring a version', () => {
  it('brings the old content back as a new version, keeping every version', async () => {
    const { id, chartId } = await dashboardWithHistory();
    const restored = await api.request<Json>('POST', `/api/dashboards/${id}/versions/1/restore`, {
      token: owner.token,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ restored_from: 1, version_number: 4 });
    expect(restored.body.dashboard.tabs[0].charts.map((c: Json) => [c.id, c.title])).toEqual([[chartId, 'Revenue']]);
    const history = await api.request<Json>('GET', `/api/dashboards/${id}/versions`, { token: owner.token });
    expect(history.body.items.map((v: Json) => v.version_number)).toEqual([4, 3, 2, 1]);
    expect(history.body.items[0].change_summary).toBe('Restored version 1');
    const diff = await api.request<Json>('GET', `/api/dashboards/${id}/versions/diff?from=1&to=4`, {
      token: owner.token,
    });
    expect(diff.body.patch).toEqual([]);
  });

  it('can itself be undone by restoring the version before it', async () => {
    const { id } = await dashboardWithHistory();
    await api.request('POST', `/api/dashboards/${id}/versions/1/restore`, { token: owner.token });
    const undo = await api.request<Json>('POST', `/api/dashboards/${id}/versions/3/restore`, { token: owner.token });
    expect(undo.body.dashboard.tabs[0].charts.map((c: Json) => c.title)).toEqual(['Revenue by month', 'Orders']);
  });

  it('a viewer may not restore (403), an outsider is told 404, and nothing changes', async () => {
    const { id } = await dashboardWithHistory();
    expect(
      (await api.request('POST', `/api/dashboards/${id}/versions/1/restore`, { token: viewer.token })).status,
    ).toBe(403);
    expect(
      (await api.request('POST', `/api/dashboards/${id}/versions/1/restore`, { token: outsider.token })).status,
    ).toBe(404);
    const history = await api.request<Json>('GET', `/api/dashboards/${id}/versions`, { token: owner.token });
    expect(history.body.items).toHaveLength(3);
  });

  it('copies back, under a new id, a chart that has since moved to another dashboard, which keeps it', async () => {
    const { id, chartId } = await dashboardWithHistory();
    const other = await api.request<Json>('POST', '/api/dashboards', {
      token: owner.token,
      body: { title: 'Elsewhere' },
    });
    await api.request('PATCH', `/api/charts/${chartId}`, {
      token: owner.token,
      body: { tab_id: other.body.tabs[0].id },
    });
    const restored = await api.request<Json>('POST', `/api/dashboards/${id}/versions/1/restore`, {
      token: owner.token,
    });
    expect(restored.status).toBe(200);
    const back = restored.body.dashboard.tabs[0].charts;
    expect(back.map((c: Json) => c.title)).toEqual(['Revenue']);
    expect(back[0].id).not.toBe(chartId);
    const elsewhere = await api.request<Json>('GET', `/api/dashboards/${other.body.id}`, { token: owner.token });
    expect(elsewhere.body.tabs[0].charts.map((c: Json) => c.id)).toEqual([chartId]);
  });

  it('with a stale If-Match gets 412 and changes nothing', async () => {
    const { id } = await dashboardWithHistory();
    const loaded = await api.request<Json>('GET', `/api/dashboards/${id}`, { token: owner.token });
    await api.request('PATCH', `/api/dashboards/${id}`, { token: owner.token, body: { title: 'Concurrent edit' } });
    const restore = await api.request<Json>('POST', `/api/dashboards/${id}/versions/1/restore`, {
      token: owner.token,
      headers: { 'if-match': loaded.headers.get('etag') as string },
    });
    expect(restore.status).toBe(412);
    const now = await api.request<Json>('GET', `/api/dashboards/${id}`, { token: owner.token });
    expect(now.body).toMatchObject({ title: 'Concurrent edit', latest_version: 4 });
  });
});
