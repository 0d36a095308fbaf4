import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let owner: TestSession;
let editor: TestSession;
let viewer: TestSession;
let outsider: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ owner, editor, viewer, outsider, teamId } = await signUpTeam(api, 'Acme'));
});

async function createDashboard(session: TestSession, body: Json = {}) {
  const response = await api.request<Json>('POST', '/api/dashboards', {
    token: session.token,
    body: { title: 'Sales', ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

describe('requires authentication', () => {
  it('to list and to create dashboards', async () => {
    expect((await api.request('GET', '/api/dashboards')).status).toBe(401);
    expect((await api.request('POST', '/api/dashboards', { body: { title: 'x' } })).status).toBe(401);
  });
});

describe('creating and reading a dashboard', () => {
  it('returns the whole tree with an ETag, and saves version 1', async () => {
    const created = await api.request<Json>('POST', '/api/dashboards', {
      token: owner.token,
      body: {
        title: 'Sales',
        tabs: [{ title: 'Revenue', charts: [{ title: 'By month', chart_type: 'line' }] }, { title: 'Regions' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe(`"${created.body.etag}"`);
    expect(created.body).toMatchObject({
      title: 'Sales',
      owner: { type: 'user', user_id: owner.userId },
      latest_version: 1,
      abilities: { can_edit: true, can_delete: true, can_share: true },
      tabs: [
        { title: 'Revenue', position: 0, charts: [{ title: 'By month', chart_type: 'line', position: 0 }] },
        { title: 'Regions', position: 1, charts: [] },
      ],
    });
    const read = await api.request<Json>('GET', `/api/dashboards/${created.body.id}`, { token: owner.token });
    expect(read.body).toEqual(created.body);
  });

  it('starts with one empty tab when none is given', async () => {
    const dashboard = await createDashboard(owner);
    expect(dashboard.tabs.map((t: Json) => t.title)).toEqual(['Overview']);
  });

  it('is invisible to another user and to anonymous callers: 404, as if it did not exist', async () => {
    const dashboard = await createDashboard(owner);
    for (const token of [outsider.token, undefined]) {
      const response = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const missing = await api.request<Json>('GET', `/api/dashboards/${crypto.randomUUID()}`, { token: outsider.token });
    expect(missing.body.detail).toBe(
      (await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: outsider.token })).body.detail,
    );
  });

  it('is readable by anyone, signed in or not, once public', async () => {
    const dashboard = await createDashboard(owner, { is_public: true });
    const anonymous = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.abilities).toEqual({ can_edit: false, can_delete: false, can_share: false });
  });

  it('names the bad fields and creates nothing', async () => {
    const response = await api.request<Json>('POST', '/api/dashboards', {
      token: owner.token,
      body: { title: '  ', tabs: [{ title: 'T', charts: [{ title: 'c', chart_type: 'banana' }] }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual([
      '/body/tabs/0/charts/0/chart_type',
      '/body/title',
    ]);
  });

  it('refuses a malformed id with 422', async () => {
    const response = await api.request<Json>('GET', '/api/dashboards/not-a-uuid', { token: owner.token });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/params/id');
  });

  it('team editors create team dashboards; viewers and outsiders may not, and nothing is created', async () => {
    expect(
      (await api.request('POST', '/api/dashboards', { token: editor.token, body: { title: 'Team', team_id: teamId } }))
        .status,
    ).toBe(201);
    for (const session of [viewer, outsider]) {
      const response = await api.request<Json>('POST', '/api/dashboards', {
        token: session.token,
        body: { title: 'Planted', team_id: teamId },
      });
      expect(response.status).toBe(403);
    }
    const { rows } = await api.db.asOwner((tx) => tx.query("select 1 from dashboards where title = 'Planted'"));
    expect(rows).toHaveLength(0);
  });
});

describe('listing dashboards', () => {
  it('lists mine and my teams’, pages with a cursor, and searches titles', async () => {
    const me = await api.signUp('lister');
    for (const title of ['Alpha revenue', 'Beta churn', 'Gamma revenue']) await createDashboard(me, { title });
    const first = await api.request<Json>('GET', '/api/dashboards?limit=2', { token: me.token });
    expect(first.body.items.map((d: Json) => d.title)).toEqual(['Gamma revenue', 'Beta churn']);
    const second = await api.request<Json>('GET', `/api/dashboards?limit=2&cursor=${first.body.next_cursor}`, {
      token: me.token,
    });
    expect(second.body.items.map((d: Json) => d.title)).toEqual(['Alpha revenue']);
    expect(second.body.next_cursor).toBeNull();
    const search = await api.request<Json>('GET', '/api/dashboards?q=REVENUE', { token: me.token });
    expect(search.body.items.map((d: Json) => d.title).sort()).toEqual(['Alpha revenue', 'Gamma revenue']);
    expect(search.body.items[0]).toMatchObject({ tab_count: 1, chart_count: 0 });
  });

  it('never lists another user’s private dashboards', async () => {
    const hidden = await createDashboard(owner, { title: 'Owner only' });
    const list = await api.request<Json>('GET', '/api/dashboards?limit=100', { token: outsider.token });
    expect(list.body.items.map((d: Json) => d.id)).not.toContain(hidden.id);
  });

  it('lists a team’s dashboards for its members only', async () => {
    const team = await createDashboard(editor, { title: 'Team list', team_id: teamId });
    const forViewer = await api.request<Json>('GET', `/api/dashboards?scope=team&team_id=${teamId}&limit=100`, {
      token: viewer.token,
    });
    expect(forViewer.body.items.map((d: Json) => d.id)).toContain(team.id);
    const forOutsider = await api.request<Json>('GET', `/api/dashboards?scope=team&team_id=${teamId}`, {
      token: outsider.token,
    });
    expect(forOutsider.body.items).toEqual([]);
  });
});

describe('changing a dashboard', () => {
  it('saves a version with a summary of what changed', async () => {
    const dashboard = await createDashboard(owner);
    const response = await api.request<Json>('PATCH', `/api/dashboards/${dashboard.id}`, {
      token: owner.token,
      headers: { 'if-match': `"${dashboard.etag}"` },
      body: { title: 'Sales 2026', is_public: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'Sales 2026', is_public: true, latest_version: 2 });
    const { rows } = await api.db.asOwner((tx) =>
      tx.query('select change_summary from dashboard_versions where dashboard_id = $1 and version_number = 2', [
        dashboard.id,
      ]),
    );
    expect(rows[0]?.change_summary).toBe('Renamed the dashboard to “Sales 2026”, made it public');
  });

  it('says "rearranged the charts" when only the grid layout changed', async () => {
    const dashboard = await createDashboard(owner);
    const summaries = async () =>
      (
        await api.request<Json>('GET', `/api/dashboards/${dashboard.id}/versions`, { token: owner.token })
      ).body.items.map((v: Json) => v.change_summary);
    const patch = (settings: Json) =>
      api.request<Json>('PATCH', `/api/dashboards/${dashboard.id}`, { token: owner.token, body: { settings } });
    await patch({ layout: { a: { x: 0, y: 0, w: 6, h: 4 } } });
    expect((await summaries())[0]).toBe('Rearranged the charts');
    await patch({ layout: { a: { x: 0, y: 0, w: 6, h: 4 } }, refresh_seconds: 60 });
    expect((await summaries())[0]).toBe('Changed the dashboard settings');
  });

  it('a write with a stale If-Match gets 412 and changes nothing', async () => {
    const dashboard = await createDashboard(owner);
    await api.request('PATCH', `/api/dashboards/${dashboard.id}`, {
      token: owner.token,
      body: { title: 'First edit' },
    });
    const stale = await api.request<Json>('PATCH', `/api/dashboards/${dashboard.id}`, {
      token: owner.token,
      headers: { 'if-match': `"${dashboard.etag}"` },
      body: { title: 'Second edit' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('precondition_failed');
    const now = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: owner.token });
    expect(now.body).toMatchObject({ title: 'First edit', latest_version: 2 });
  });

  it('of two editors saving the same version at once, one wins and the other gets 412', async () => {
    const dashboard = await createDashboard(editor, { team_id: teamId });
    const attempt = (session: TestSession, title: string) =>
      api.request('PATCH', `/api/dashboards/${dashboard.id}`, {
        token: session.token,
        headers: { 'if-match': `"${dashboard.etag}"` },
        body: { title },
      });
    const results = await Promise.all([attempt(editor, 'Editor wins?'), attempt(owner, 'Owner wins?')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('a chart edit elsewhere in the dashboard also changes the dashboard’s ETag', async () => {
    const dashboard = await createDashboard(owner, {
      tabs: [{ title: 'T', charts: [{ title: 'c', chart_type: 'bar' }] }],
    });
    await api.request('PATCH', `/api/charts/${dashboard.tabs[0].charts[0].id}`, {
      token: owner.token,
      body: { title: 'renamed' },
    });
    const stale = await api.request('PATCH', `/api/dashboards/${dashboard.id}`, {
      token: owner.token,
      headers: { 'if-match': `"${dashboard.etag}"` },
      body: { title: 'x' },
    });
    expect(stale.status).toBe(412);
  });

  it('a team viewer gets 403, an outsider 404, and nothing changes', async () => {
    const dashboard = await createDashboard(editor, { team_id: teamId, title: 'Unchanged' });
    expect(
      (await api.request('PATCH', `/api/dashboards/${dashboard.id}`, { token: viewer.token, body: { title: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (await api.request('PATCH', `/api/dashboards/${dashboard.id}`, { token: outsider.token, body: { title: 'x' } }))
        .status,
    ).toBe(404);
    expect((await api.request('PATCH', `/api/dashboards/${dashboard.id}`, { body: { title: 'x' } })).status).toBe(401);
    const now = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: editor.token });
    expect(now.body).toMatchObject({ title: 'Unchanged', latest_version: 1 });
  });

  it('moves a dashboard into a team where the caller is editor, not into one where he is viewer', async () => {
    const mine = await createDashboard(editor);
    const moved = await api.request<Json>('PATCH', `/api/dashboards/${mine.id}`, {
      token: editor.token,
      body: { owner: { type: 'team', team_id: teamId } },
    });
    expect(moved.body.owner).toEqual({ type: 'team', team_id: teamId });
    const viewerOwn = await createDashboard(viewer);
    const refused = await api.request('PATCH', `/api/dashboards/${viewerOwn.id}`, {
      token: viewer.token,
      body: { owner: { type: 'team', team_id: teamId } },
    });
    expect(refused.status).toBe(403);
  });
});

describe('deleting a dashboard', () => {
  it('a team editor may not (403), an admin may (204), after which it is gone', async () => {
    const dashboard = await createDashboard(editor, { team_id: teamId });
    expect((await api.request('DELETE', `/api/dashboards/${dashboard.id}`, { token: editor.token })).status).toBe(403);
    expect((await api.request('DELETE', `/api/dashboards/${dashboard.id}`, { token: outsider.token })).status).toBe(
      404,
    );
    expect((await api.request('DELETE', `/api/dashboards/${dashboard.id}`, { token: owner.token })).status).toBe(204);
    expect((await api.request('GET', `/api/dashboards/${dashboard.id}`, { token: owner.token })).status).toBe(404);
  });
});

describe('tabs and charts', () => {
  it('adds, renames, reorders and deletes tabs, each saving a version', async () => {
    const dashboard = await createDashboard(owner);
    const tab = await api.request<Json>('POST', `/api/dashboards/${dashboard.id}/tabs`, {
      token: owner.token,
      body: { title: 'Second' },
    });
    expect(tab.body).toMatchObject({ title: 'Second', position: 1 });
    const renamed = await api.request<Json>('PATCH', `/api/tabs/${tab.body.id}`, {
      token: owner.token,
      headers: { 'if-match': tab.headers.get('etag') as string },
      body: { title: 'Renamed' },
    });
    expect(renamed.body.title).toBe('Renamed');
    const order = await api.request<Json>('PUT', `/api/dashboards/${dashboard.id}/tab-order`, {
      token: owner.token,
      body: { ids: [tab.body.id, dashboard.tabs[0].id] },
    });
    expect(order.body.tabs.map((t: Json) => t.title)).toEqual(['Renamed', 'Overview']);
    expect((await api.request('DELETE', `/api/tabs/${tab.body.id}`, { token: owner.token })).status).toBe(204);
    const after = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: owner.token });
    expect(after.body).toMatchObject({ latest_version: 5, tabs: [{ title: 'Overview' }] });
  });

  it('refuses an 11th chart with 409 and keeps the tab as it was', async () => {
    const charts = Array.from({ length: 10 }, (_, i) => ({ title: `c${i}`, chart_type: 'bar' }));
    const dashboard = await createDashboard(owner, { tabs: [{ title: 'Full', charts }] });
    const tabId = dashboard.tabs[0].id;
    const response = await api.request<Json>('POST', `/api/tabs/${tabId}/charts`, {
      token: owner.token,
      body: { title: 'eleventh', chart_type: 'pie' },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('chart_limit_reached');
    const after = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: owner.token });
    expect(after.body.tabs[0].charts).toHaveLength(10);
    expect(after.body.latest_version).toBe(1);
  });

  it('refuses a tab at a position already taken with 409, and adds nothing', async () => {
    const dashboard = await createDashboard(owner);
    const clash = await api.request<Json>('POST', `/api/dashboards/${dashboard.id}/tabs`, {
      token: owner.token,
      body: { title: 'Clash', position: 0 },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('position_taken');
    const after = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}`, { token: owner.token });
    expect(after.body.tabs).toHaveLength(1);
  });

  it('moves a chart to another tab, last in its new tab', async () => {
    const dashboard = await createDashboard(owner, {
      tabs: [
        { title: 'A', charts: [{ title: 'mover', chart_type: 'bar' }] },
        { title: 'B', charts: [{ title: 'stays', chart_type: 'line' }] },
      ],
    });
    const chart = dashboard.tabs[0].charts[0];
    const moved = await api.request<Json>('PATCH', `/api/charts/${chart.id}`, {
      token: owner.token,
      body: { tab_id: dashboard.tabs[1].id },
    });
    expect(moved.body).toMatchObject({ tab_id: dashboard.tabs[1].id, position: 1 });
  });

  it('a team viewer cannot add a chart to a team tab, and an outsider cannot even see it', async () => {
    const dashboard = await createDashboard(editor, { team_id: teamId });
    const tabId = dashboard.tabs[0].id;
    const body = { title: 'x', chart_type: 'bar' };
    expect((await api.request('POST', `/api/tabs/${tabId}/charts`, { token: viewer.token, body })).status).toBe(403);
    expect((await api.request('POST', `/api/tabs/${tabId}/charts`, { token: outsider.token, body })).status).toBe(404);
    expect((await api.request('POST', `/api/tabs/${tabId}/charts`, { body })).status).toBe(401);
  });

  it('a stale chart ETag gets 412', async () => {
    const dashboard = await createDashboard(owner, {
      tabs: [{ title: 'T', charts: [{ title: 'c', chart_type: 'bar' }] }],
    });
    const chart = dashboard.tabs[0].charts[0];
    await api.request('PATCH', `/api/charts/${chart.id}`, { token: owner.token, body: { title: 'renamed' } });
    const stale = await api.request('PATCH', `/api/charts/${chart.id}`, {
      token: owner.token,
      headers: { 'if-match': `"${chart.etag}"` },
      body: { title: 'late' },
    });
    expect(stale.status).toBe(412);
  });
});
