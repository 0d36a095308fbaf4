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
import { addMember, createDashboard, createTeam, createWorld, type World } from '../../test/support/world.js';

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await createWorld(db);
});

const saveVersion = (user: TestUser | null, dashboardId: string, summary = 'saved') =>
  queryAs<{ version_number: number; snapshot: Snapshot }>(
    db,
    user,
    'insert into dashboard_versions (dashboard_id, change_summary) values ($1, $2) returning version_number, snapshot',
    [dashboardId, summary],
  );

interface Snapshot {
  title: string;
  tabs: { id: string; title: string; charts: { id: string; title: string; chart_type: string }[] }[];
  [key: string]: unknown;
}

describe('saving versions', () => {
  it('versions are numbered 1, 2, 3… per dashboard by the database', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await saveVersion(world.owner, dashboardId))[0]?.version_number);
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('the snapshot is the whole dashboard as saved: fields, tabs and charts, and no owner data', async () => {
    const { dashboardId, tabId, chartId } = await createDashboard(db, world.owner, { title: 'Sales' });
    const [version] = await saveVersion(world.owner, dashboardId);
    expect(version?.snapshot).toMatchObject({
      id: dashboardId,
      title: 'Sales',
      tabs: [{ id: tabId, title: 'Overview', charts: [{ id: chartId, title: 'Revenue', chart_type: 'line' }] }],
    });
    expect(JSON.stringify(version?.snapshot)).not.toContain(world.owner.id);
  });

  it('a client cannot choose the version number or forge the snapshot', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    // One statement at a time: a second rejected promise left waiting is an unhandled rejection.
    const number = await sqlstateOf(
      queryAs(db, world.owner, 'insert into dashboard_versions (dashboard_id, version_number) values ($1, 42)', [
        dashboardId,
      ]),
    );
    const snapshot = await sqlstateOf(
      queryAs(
        db,
        world.owner,
        `insert into dashboard_versions (dashboard_id, snapshot) values ($1, '{"title": "fake"}')`,
        [dashboardId],
      ),
    );
    expect([number, snapshot]).toEqual(['OC004', 'OC004']);
  });

  it('a team editor saves versions of a team dashboard', async () => {
    expect(await saveVersion(world.editor, world.team.dashboardId)).toHaveLength(1);
  });

  for (const who of ['viewer', 'outsider'] as const) {
    it(`a team ${who} cannot save a version`, async () => {
      expect(await sqlstateOf(saveVersion(world[who], world.team.dashboardId))).toBe(DENIED);
    });
  }

  it('nobody saves a version of someone else’s public dashboard, anonymous callers included', async () => {
    expect(await sqlstateOf(saveVersion(world.owner, world.public.dashboardId))).toBe(DENIED);
    expect(await sqlstateOf(saveVersion(null, world.public.dashboardId))).toBe(DENIED);
  });

  it('nobody saves a version in another user’s name', async () => {
    const code = await sqlstateOf(
      queryAs(db, world.editor, 'insert into dashboard_versions (dashboard_id, created_by) values ($1, $2)', [
        world.team.dashboardId,
        world.owner.id,
      ]),
    );
    expect(code).toBe(DENIED);
  });
});

describe('reading versions', () => {
  it('the owner and every member of the owning team read the history; an outsider and anon do not', async () => {
    const { dashboardId } = await createDashboard(db, world.owner, { teamId: world.teamId });
    await saveVersion(world.owner, dashboardId);
    const history = (user: TestUser | null) =>
      queryAs(db, user, 'select version_number from dashboard_versions where dashboard_id = $1', [dashboardId]);
    for (const who of ['owner', 'editor', 'viewer'] as const) expect(await history(world[who])).toHaveLength(1);
    expect(await history(world.outsider)).toHaveLength(0);
    expect(await history(null)).toHaveLength(0);
  });

  it('making a dashboard public does not publish its history', async () => {
    const { dashboardId } = await createDashboard(db, world.outsider, { isPublic: true });
    await saveVersion(world.outsider, dashboardId);
    expect(
      await queryAs(db, world.owner, 'select 1 from dashboard_versions where dashboard_id = $1', [dashboardId]),
    ).toHaveLength(0);
  });
});

describe('history is append-only', () => {
  it('no user can edit or delete a version, not even the dashboard’s owner', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    await saveVersion(world.owner, dashboardId, 'original');
    expect(
      await sqlstateOf(
        queryAs(db, world.owner, "update dashboard_versions set change_summary = 'rewritten' where dashboard_id = $1", [
          dashboardId,
        ]),
      ),
    ).toBe(DENIED);
    expect(
      await sqlstateOf(
        queryAs(db, world.owner, 'delete from dashboard_versions where dashboard_id = $1', [dashboardId]),
      ),
    ).toBe(DENIED);
  });

  it('even the database owner cannot rewrite or delete a version while its dashboard exists', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    await saveVersion(world.owner, dashboardId);
    expect(
      await sqlstateOf(
        queryAsOwner(db, "update dashboard_versions set change_summary = 'x' where dashboard_id = $1", [dashboardId]),
      ),
    ).toBe('OC005');
    expect(
      await sqlstateOf(queryAsOwner(db, 'delete from dashboard_versions where dashboard_id = $1', [dashboardId])),
    ).toBe('OC005');
  });

  it('versions go when their dashboard is deleted', async () => {
    const { dashboardId } = await createDashboard(db, world.owner);
    await saveVersion(world.owner, dashboardId);
    expect(await changeAs(db, world.owner, 'delete from dashboards where id = $1', [dashboardId])).toBe(1);
    expect(
      await queryAsOwner(db, 'select 1 from dashboard_versions where dashboard_id = $1', [dashboardId]),
    ).toHaveLength(0);
  });

  it('a deleted author’s versions stay, without his id', async () => {
    const admin = await createUser(db, 'admin');
    const author = await createUser(db, 'author');
    const teamId = await createTeam(db, admin);
    await addMember(db, admin, teamId, author, 'editor');
    const { dashboardId } = await createDashboard(db, admin, { teamId });
    await saveVersion(author, dashboardId);
    await queryAsOwner(db, 'delete from auth.users where id = $1', [author.id]);
    const rows = await queryAsOwner(db, 'select created_by from dashboard_versions where dashboard_id = $1', [
      dashboardId,
    ]);
    expect(rows).toEqual([{ created_by: null }]);
  });
});
