import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeAs,
  createUser,
  DENIED,
  queryAs,
  queryAsOwner,
  sqlstateOf,
  type TestUser,
  useTestDatabase,
} from '../../test/support/db.js';
import {
  type Actor,
  actorIn,
  addMember,
  createDashboard,
  createTeam,
  createWorld,
  type World,
} from '../../test/support/world.js';

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await createWorld(db);
});

const ACTORS: Actor[] = ['owner', 'editor', 'viewer', 'outsider', 'anon'];
const actor = (name: Actor): TestUser | null => actorIn(world, name);

describe('reading dashboards, tabs and charts', () => {
  // Who sees what: the personal dashboard belongs to the team admin ("owner"); the team dashboard
  // to the team; the public one to the outsider.
  const visible: Record<'personal' | 'team' | 'public', Actor[]> = {
    personal: ['owner'],
    team: ['owner', 'editor', 'viewer'],
    public: ['owner', 'editor', 'viewer', 'outsider', 'anon'],
  };

  for (const kind of ['personal', 'team', 'public'] as const) {
    for (const who of ACTORS) {
      const sees = visible[kind].includes(who);
      it(`${who} ${sees ? 'reads' : 'does not read'} the ${kind} dashboard, its tabs and its charts`, async () => {
        const ids = world[kind];
        const user = actor(who);
        const dashboards = await queryAs(db, user, 'select id from dashboards where id = $1', [ids.dashboardId]);
        const tabs = await queryAs(db, user, 'select id from dashboard_tabs where dashboard_id = $1', [
          ids.dashboardId,
        ]);
        const charts = await queryAs(db, user, 'select id from charts where id = $1', [ids.chartId]);
        expect([dashboards.length, tabs.length, charts.length]).toEqual(sees ? [1, 1, 1] : [0, 0, 0]);
        // The one-call tree applies the same rule.
        const [tree] = await queryAs<{ tree: { tabs: { charts: { id: string }[] }[] } | null }>(
          db,
          user,
          'select public.dashboard_tree($1) as tree',
          [ids.dashboardId],
        );
        expect(tree?.tree?.tabs[0]?.charts[0]?.id ?? null).toBe(sees ? ids.chartId : null);
      });
    }
  }
});

describe('creating dashboards', () => {
  it('a user creates a personal dashboard for himself', async () => {
    const rows = await queryAs(
      db,
      world.outsider,
      'insert into dashboards (title, owner_user_id) values ($1, $2) returning id',
      ['Mine', world.outsider.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('nobody creates a dashboard in another user’s name', async () => {
    const code = await sqlstateOf(
      queryAs(db, world.outsider, 'insert into dashboards (title, owner_user_id) values ($1, $2)', [
        'Planted',
        world.owner.id,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  for (const who of ['owner', 'editor'] as const) {
    it(`a team ${who === 'owner' ? 'admin' : who} creates a team dashboard`, async () => {
      const rows = await queryAs(
        db,
        world[who],
        'insert into dashboards (title, owner_team_id) values ($1, $2) returning id',
        ['Team board', world.teamId],
      );
      expect(rows).toHaveLength(1);
    });
  }

  for (const who of ['viewer', 'outsider', 'anon'] as const) {
    it(`${who === 'viewer' ? 'a team viewer' : `an ${who}`} cannot create a team dashboard`, async () => {
      const code = await sqlstateOf(
        queryAs(db, actor(who), 'insert into dashboards (title, owner_team_id) values ($1, $2)', [
          'Planted',
          world.teamId,
        ]),
      );
      expect(code).toBe(DENIED);
    });
  }

  it('a dashboard needs exactly one owner', async () => {
    const code = await sqlstateOf(
      queryAs(db, world.owner, 'insert into dashboards (title, owner_user_id, owner_team_id) values ($1, $2, $3)', [
        'Both',
        world.owner.id,
        world.teamId,
      ]),
    );
    expect([DENIED, '23514']).toContain(code);
  });
});

describe('updating dashboards', () => {
  const canUpdate: Record<'personal' | 'team' | 'public', Actor[]> = {
    personal: ['owner'],
    team: ['owner', 'editor'],
    public: ['outsider'],
  };
  for (const kind of ['personal', 'team', 'public'] as const) {
    for (const who of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const may = canUpdate[kind].includes(who);
      it(`${who} ${may ? 'updates' : 'cannot update'} the ${kind} dashboard`, async () => {
        const ids = world[kind];
        const changed = await changeAs(db, actor(who), 'update dashboards set description = $1 where id = $2', [
          `edited by ${who}`,
          ids.dashboardId,
        ]);
        expect(changed).toBe(may ? 1 : 0);
        const [row] = await queryAsOwner<{ description: string | null }>(
          db,
          'select description from dashboards where id = $1',
          [ids.dashboardId],
        );
        if (!may) expect(row?.description).not.toBe(`edited by ${who}`);
      });
    }
  }

  it('an anonymous caller cannot update even a public dashboard', async () => {
    expect(
      await sqlstateOf(
        queryAs(db, null, "update dashboards set title = 'x' where id = $1", [world.public.dashboardId]),
      ),
    ).toBe(DENIED);
  });
});

describe('moving a dashboard to another owner', () => {
  it('the owner moves his dashboard into a team where he is admin, and back', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    expect(
      await changeAs(db, world.owner, 'update dashboards set owner_user_id = null, owner_team_id = $1 where id = $2', [
        world.teamId,
        dashboardId,
      ]),
    ).toBe(1);
    expect(
      await changeAs(db, world.owner, 'update dashboards set owner_user_id = $1, owner_team_id = null where id = $2', [
        world.owner.id,
        dashboardId,
      ]),
    ).toBe(1);
  });

  it('nobody gives a dashboard to another user', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    const code = await sqlstateOf(
      queryAs(db, world.owner, 'update dashboards set owner_user_id = $1 where id = $2', [
        world.outsider.id,
        dashboardId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('nobody moves a dashboard into a team where he is only a viewer', async () => {
    const { dashboardId } = await createDashboard(db, world.viewer);
    const code = await sqlstateOf(
      queryAs(db, world.viewer, 'update dashboards set owner_user_id = null, owner_team_id = $1 where id = $2', [
        world.teamId,
        dashboardId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('a team editor cannot take a team dashboard for himself', async () => {
    const { dashboardId } = await createDashboard(db, world.owner, { teamId: world.teamId });
    const code = await sqlstateOf(
      queryAs(db, world.editor, 'update dashboards set owner_user_id = $1, owner_team_id = null where id = $2', [
        world.editor.id,
        dashboardId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('a team editor cannot move a team dashboard to another team he edits', async () => {
    const otherTeam = await createTeam(db, world.editor, 'Editor’s own team');
    const { dashboardId } = await createDashboard(db, world.owner, { teamId: world.teamId });
    const code = await sqlstateOf(
      queryAs(db, world.editor, 'update dashboards set owner_team_id = $1 where id = $2', [otherTeam, dashboardId]),
    );
    expect(code).toBe(DENIED);
  });
});

describe('deleting dashboards', () => {
  it('only the owner deletes a personal dashboard', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    for (const who of ['editor', 'viewer', 'outsider'] as const) {
      expect(await changeAs(db, world[who], 'delete from dashboards where id = $1', [dashboardId])).toBe(0);
    }
    expect(await changeAs(db, world.owner, 'delete from dashboards where id = $1', [dashboardId])).toBe(1);
  });

  it('a team editor or viewer cannot delete a team dashboard; an admin can, with its tabs and charts', async () => {
    const { dashboardId, chartId } = await createDashboard(db, world.owner, { teamId: world.teamId });
    for (const who of ['editor', 'viewer', 'outsider'] as const) {
      expect(await changeAs(db, world[who], 'delete from dashboards where id = $1', [dashboardId])).toBe(0);
    }
    expect(await sqlstateOf(queryAs(db, null, 'delete from dashboards where id = $1', [dashboardId]))).toBe(DENIED);
    expect(await changeAs(db, world.owner, 'delete from dashboards where id = $1', [dashboardId])).toBe(1);
    expect(await queryAsOwner(db, 'select 1 from charts where id = $1', [chartId])).toHaveLength(0);
  });

  it('deleting a user deletes his personal dashboards but not his team’s', async () => {
    const user = await createUser(db, 'leaving');
    const admin = await createUser(db, 'staying');
    const teamId = await createTeam(db, admin);
    await addMember(db, admin, teamId, user, 'editor');
    const personal = await createDashboard(db, user);
    const team = await createDashboard(db, user, { teamId });
    await queryAsOwner(db, 'delete from auth.users where id = $1', [user.id]);
    expect(await queryAsOwner(db, 'select 1 from dashboards where id = $1', [personal.dashboardId])).toHaveLength(0);
    expect(await queryAsOwner(db, 'select 1 from dashboards where id = $1', [team.dashboardId])).toHaveLength(1);
  });
});

describe('writing tabs and charts', () => {
  const writers: Actor[] = ['owner', 'editor'];
  for (const who of ['owner', 'editor', 'viewer', 'outsider', 'anon'] as const) {
    const may = writers.includes(who);
    it(`${who} ${may ? 'adds, edits and deletes' : 'cannot add, edit or delete'} tabs and charts of the team dashboard`, async () => {
      const { dashboardId, tabId, chartId } = await createDashboard(db, world.owner, { teamId: world.teamId });
      const user = actor(who);
      // Thunks, run one at a time: a refused statement left unawaited is an unhandled rejection.
      const addTab = () =>
        queryAs(db, user, "insert into dashboard_tabs (dashboard_id, title) values ($1, 'New') returning id", [
          dashboardId,
        ]);
      const addChart = () =>
        queryAs(
          db,
          user,
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'New', 'bar', '{}') returning id",
          [tabId],
        );
      if (may) {
        expect(await addTab()).toHaveLength(1);
        expect(await addChart()).toHaveLength(1);
      } else {
        expect(await sqlstateOf(addTab())).toBe(DENIED);
        expect(await sqlstateOf(addChart())).toBe(DENIED);
      }
      const edit = async (sql: string, id: string) => changeAs(db, user, sql, [id]).catch(() => 0);
      expect(await edit("update dashboard_tabs set title = 'Edited' where id = $1", tabId)).toBe(may ? 1 : 0);
      expect(await edit("update charts set title = 'Edited' where id = $1", chartId)).toBe(may ? 1 : 0);
      expect(await edit('delete from charts where id = $1', chartId)).toBe(may ? 1 : 0);
      expect(await edit('delete from dashboard_tabs where id = $1', tabId)).toBe(may ? 1 : 0);
      const left = await queryAsOwner(db, 'select 1 from dashboard_tabs where id = $1', [tabId]);
      expect(left).toHaveLength(may ? 0 : 1);
    });
  }

  it('a public dashboard can be read but not written by others', async () => {
    const { tabId, chartId } = world.public;
    expect(await changeAs(db, world.owner, "update charts set title = 'x' where id = $1", [chartId])).toBe(0);
    const code = await sqlstateOf(
      queryAs(
        db,
        world.owner,
        "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'x', 'bar', '{}')",
        [tabId],
      ),
    );
    expect(code).toBe(DENIED);
  });

  it('a chart cannot be moved into a tab of a dashboard the caller may not edit', async () => {
    const mine = await createDashboard(db, world.outsider);
    const code = await sqlstateOf(
      queryAs(db, world.outsider, 'update charts set dashboard_tab_id = $1 where id = $2', [
        world.team.tabId,
        mine.chartId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('a tab cannot be moved to a dashboard the caller may not edit', async () => {
    const mine = await createDashboard(db, world.outsider);
    const code = await sqlstateOf(
      queryAs(db, world.outsider, 'update dashboard_tabs set dashboard_id = $1 where id = $2', [
        world.team.dashboardId,
        mine.tabId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('a hidden tab and a non-existent one are refused alike (no foreign-key oracle)', async () => {
    const insert = (tabId: string) =>
      queryAs(
        db,
        world.outsider,
        "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'x', 'bar', '{}')",
        [tabId],
      );
    expect(await sqlstateOf(insert(world.personal.tabId))).toBe(DENIED);
    expect(await sqlstateOf(insert(randomUUID()))).toBe(DENIED);
  });
});

describe('what a chart may hold', () => {
  const insert = (fields: { chartType?: string; position?: number; configuration?: string }) =>
    queryAs(
      db,
      world.owner,
      'insert into charts (dashboard_tab_id, title, chart_type, configuration, position) values ($1, $2, $3, $4::jsonb, $5)',
      [world.personal.tabId, 'x', fields.chartType ?? 'bar', fields.configuration ?? '{}', fields.position ?? null],
    );

  it('an unknown chart type is refused', async () => {
    expect(await sqlstateOf(insert({ chartType: 'banana' }))).toBe('23514');
  });
  it('a negative position is refused', async () => {
    expect(await sqlstateOf(insert({ position: -7 }))).toBe('23514');
  });
  it('a configuration that is not a JSON object is refused', async () => {
    expect(await sqlstateOf(insert({ configuration: '"just a string"' }))).toBe('23514');
  });
  it('an empty title is refused', async () => {
    const code = await sqlstateOf(
      queryAs(db, world.owner, "insert into dashboard_tabs (dashboard_id, title) values ($1, '  ')", [
        world.personal.dashboardId,
      ]),
    );
    expect(code).toBe('23514');
  });
});

describe('at most 10 charts a tab', () => {
  async function tabWithCharts(count: number): Promise<{ dashboardId: string; tabId: string }> {
    const { dashboardId, tabId } = await createDashboard(db, world.owner);
    await db.asUser(world.owner.id, async (tx) => {
      for (let i = 1; i < count; i++) {
        await tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [tabId],
        );
      }
    });
    return { dashboardId, tabId };
  }

  it('the 11th chart is refused, with a message that says why', async () => {
    const { tabId } = await tabWithCharts(10);
    const error = await db
      .asUser(world.owner.id, (tx) =>
        tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [tabId],
        ),
      )
      .catch((e: unknown) => e as { code: string; message: string });
    expect(error).toMatchObject({ code: 'OC001', message: 'a tab holds at most 10 charts' });
  });

  it('moving a chart into a full tab is refused too', async () => {
    const full = await tabWithCharts(10);
    const other = await createDashboard(db, world.owner);
    const code = await sqlstateOf(
      queryAs(db, world.owner, 'update charts set dashboard_tab_id = $1 where id = $2', [full.tabId, other.chartId]),
    );
    expect(code).toBe('OC001');
  });

  it('a chart moved without a position goes last in its new tab', async () => {
    const target = await tabWithCharts(3);
    const other = await createDashboard(db, world.owner);
    const [moved] = await queryAs<{ position: number }>(
      db,
      world.owner,
      'update charts set dashboard_tab_id = $1, position = null where id = $2 returning position',
      [target.tabId, other.chartId],
    );
    expect(moved?.position).toBe(3);
  });
});

describe('positions', () => {
  it('tabs and charts added without a position go last', async () => {
    const { dashboardId, tabId } = await createDashboard(db, world.owner);
    const [tab] = await queryAs<{ position: number }>(
      db,
      world.owner,
      "insert into dashboard_tabs (dashboard_id, title) values ($1, 'Second') returning position",
      [dashboardId],
    );
    const [chart] = await queryAs<{ position: number }>(
      db,
      world.owner,
      "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}') returning position",
      [tabId],
    );
    expect([tab?.position, chart?.position]).toEqual([1, 1]);
  });

  it('two tabs swap positions inside one transaction', async () => {
    const { dashboardId, tabId: first } = await createDashboard(db, world.owner);
    const [second] = await queryAs<{ id: string }>(
      db,
      world.owner,
      "insert into dashboard_tabs (dashboard_id, title) values ($1, 'Second') returning id",
      [dashboardId],
    );
    await db.asUser(world.owner.id, async (tx) => {
      await tx.query('update dashboard_tabs set position = 1 where id = $1', [first]);
      await tx.query('update dashboard_tabs set position = 0 where id = $1', [second?.id]);
    });
    const order = await queryAs<{ id: string }>(
      db,
      world.owner,
      'select id from dashboard_tabs where dashboard_id = $1 order by position',
      [dashboardId],
    );
    expect(order.map((t) => t.id)).toEqual([second?.id, first]);
  });

  it('a position clash that is not resolved by commit is refused', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    const code = await sqlstateOf(
      queryAs(db, world.owner, "insert into dashboard_tabs (dashboard_id, title, position) values ($1, 'Clash', 0)", [
        dashboardId,
      ]),
    );
    expect(code).toBe('23505');
  });

  it('reorder_charts puts a tab’s charts in the given order in one call', async () => {
    const { tabId, chartId } = await createDashboard(db, world.owner);
    const added = await queryAs<{ id: string }>(
      db,
      world.owner,
      "insert into charts (dashboard_tab_id, title, chart_type, configuration) select $1, 'c' || n, 'bar', '{}' from generate_series(1, 3) n returning id",
      [tabId],
    );
    const wanted = [...added.map((c) => c.id).reverse(), chartId];
    await queryAs(db, world.owner, 'select reorder_charts($1, $2)', [tabId, wanted]);
    const order = await queryAs<{ id: string }>(
      db,
      world.owner,
      'select id from charts where dashboard_tab_id = $1 order by position',
      [tabId],
    );
    expect(order.map((c) => c.id)).toEqual(wanted);
  });

  it('reorder_tabs refuses a list that leaves a tab out', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    await queryAs(db, world.owner, "insert into dashboard_tabs (dashboard_id, title) values ($1, 'Second')", [
      dashboardId,
    ]);
    const [first] = await queryAs<{ id: string }>(
      db,
      world.owner,
      'select id from dashboard_tabs where dashboard_id = $1 limit 1',
      [dashboardId],
    );
    expect(await sqlstateOf(queryAs(db, world.owner, 'select reorder_tabs($1, $2)', [dashboardId, [first?.id]]))).toBe(
      'OC003',
    );
  });

  it('a team viewer cannot reorder (forbidden) and an outsider is told the dashboard does not exist', async () => {
    const { dashboardId, tabId } = world.team;
    expect(await sqlstateOf(queryAs(db, world.viewer, 'select reorder_tabs($1, $2)', [dashboardId, [tabId]]))).toBe(
      DENIED,
    );
    expect(await sqlstateOf(queryAs(db, world.outsider, 'select reorder_tabs($1, $2)', [dashboardId, [tabId]]))).toBe(
      'P0002',
    );
    expect(await sqlstateOf(queryAs(db, null, 'select reorder_tabs($1, $2)', [dashboardId, [tabId]]))).toBe(DENIED);
  });
});

describe('updated_at', () => {
  it('moves forward when a dashboard, tab or chart changes', async () => {
    const ids = await createDashboard(db, world.owner);
    const stamps = () =>
      queryAsOwner<{ d: Date; t: Date; c: Date }>(
        db,
        `select (select updated_at from dashboards where id = $1) d, (select updated_at from dashboard_tabs where id = $2) t,
                (select updated_at from charts where id = $3) c`,
        [ids.dashboardId, ids.tabId, ids.chartId],
      );
    const [before] = await stamps();
    await db.asUser(world.owner.id, async (tx) => {
      await tx.query("update dashboards set title = 'T2' where id = $1", [ids.dashboardId]);
      await tx.query("update dashboard_tabs set title = 'T2' where id = $1", [ids.tabId]);
      await tx.query("update charts set title = 'T2' where id = $1", [ids.chartId]);
    });
    const [after] = await stamps();
    expect(after?.d.getTime()).toBeGreaterThan(before?.d.getTime() ?? 0);
    expect(after?.t.getTime()).toBeGreaterThan(before?.t.getTime() ?? 0);
    expect(after?.c.getTime()).toBeGreaterThan(before?.c.getTime() ?? 0);
  });
});

describe('dashboard_stats', () => {
  it('answers only for dashboards the caller may read', async () => {
    const ids = [world.personal.dashboardId, world.team.dashboardId, world.public.dashboardId];
    const seen = async (user: TestUser | null) =>
      (await queryAs<{ dashboard_id: string }>(db, user, 'select dashboard_id from dashboard_stats($1)', [ids]))
        .map((r) => r.dashboard_id)
        .sort();
    expect(await seen(world.owner)).toEqual([...ids].sort());
    expect(await seen(world.outsider)).toEqual([world.public.dashboardId]);
    expect(await seen(null)).toEqual([world.public.dashboardId]);
  });

  it('counts tabs and charts and gives the latest version', async () => {
    const [stats] = await queryAs(
      db,
      world.owner,
      'select tab_count, chart_count, latest_version from dashboard_stats($1)',
      [[world.personal.dashboardId]],
    );
    expect(stats).toEqual({ tab_count: 1, chart_count: 1, latest_version: null });
  });
});
