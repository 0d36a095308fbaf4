import type { Database } from '../../src/db/database.js';
import { createUser, queryAs, type TestUser } from './db.js';

/**
 * A small world to test access rules in: a team with an admin, an editor and a viewer; an
 * outsider; a personal dashboard of the admin's, a team dashboard and a public one, each with a
 * tab and a chart.
 */
export interface World {
  owner: TestUser; // team admin, and owner of the personal dashboard
  editor: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  teamId: string;
  personal: DashboardIds;
  team: DashboardIds;
  /** Owned by the outsider, public. */
  public: DashboardIds;
}

export interface DashboardIds {
  dashboardId: string;
  tabId: string;
  chartId: string;
}

export async function createTeam(db: Database, admin: TestUser, name = 'Team'): Promise<string> {
  const [team] = await queryAs<{ id: string }>(db, admin, 'insert into teams (name) values ($1) returning id', [name]);
  if (!team) throw new Error('team was not created');
  return team.id;
}

export async function addMember(
  db: Database,
  admin: TestUser,
  teamId: string,
  member: TestUser,
  role: 'admin' | 'editor' | 'viewer',
): Promise<void> {
  await queryAs(db, admin, 'insert into user_team_memberships (user_id, team_id, role) values ($1, $2, $3)', [
    member.id,
    teamId,
    role,
  ]);
}

export async function createDashboard(
  db: Database,
  user: TestUser,
  options: { teamId?: string; isPublic?: boolean; title?: string } = {},
): Promise<DashboardIds> {
  return db.asUser(user.id, async (tx) => {
    const { rows: dashboards } = await tx.query<{ id: string }>(
      `insert into dashboards (title, owner_user_id, owner_team_id, is_public)
       values ($1, $2, $3, $4) returning id`,
      [
        options.title ?? 'Dashboard',
        options.teamId ? null : user.id,
        options.teamId ?? null,
        options.isPublic ?? false,
      ],
    );
    const dashboardId = dashboards[0]?.id as string;
    const { rows: tabs } = await tx.query<{ id: string }>(
      `insert into dashboard_tabs (dashboard_id, title) values ($1, 'Overview') returning id`,
      [dashboardId],
    );
    const tabId = tabs[0]?.id as string;
    const { rows: charts } = await tx.query<{ id: string }>(
      `insert into charts (dashboard_tab_id, title, chart_type, configuration)
       values ($1, 'Revenue', 'line', '{"x": "month"}') returning id`,
      [tabId],
    );
    return { dashboardId, tabId, chartId: charts[0]?.id as string };
  });
}

export async function createWorld(db: Database): Promise<World> {
  const [owner, editor, viewer, outsider] = await Promise.all([
    createUser(db, 'owner'),
    createUser(db, 'editor'),
    createUser(db, 'viewer'),
    createUser(db, 'outsider'),
  ]);
  const teamId = await createTeam(db, owner, 'Acme');
  await addMember(db, owner, teamId, editor, 'editor');
  await addMember(db, owner, teamId, viewer, 'viewer');
  const [personal, team, publicDashboard] = await Promise.all([
    createDashboard(db, owner, { title: 'Personal' }),
    createDashboard(db, owner, { teamId, title: 'Team' }),
    createDashboard(db, outsider, { isPublic: true, title: 'Public' }),
  ]);
  return { owner, editor, viewer, outsider, teamId, personal, team, public: publicDashboard };
}

/** Who acts in an access-rule test: a member of the world's team by role, an outsider, or nobody signed in. */
export type Actor = 'owner' | 'editor' | 'viewer' | 'outsider' | 'anon';

/** The world's user for an actor; null for an anonymous caller. */
export function actorIn(world: World, name: Actor): TestUser | null {
  return name === 'anon' ? null : world[name];
}
