import type { Database } from '../db/database.js';
import type { Tx } from '../db/types.js';
import type { DataServices } from '../data/services.js';
import { hashPassword } from '../server/accounts/passwords.js';

export const DEMO_EMAIL = 'demo@ocp.local';
/** Printed at start: the demo workspace is for trying OCP on one's own machine. */
export const DEMO_PASSWORD = 'ocp-demo';

/**
 * Creates the demo workspace once: a demo user and team, a team dashboard with two tabs and a
 * personal public one, each with a first version, and a chat session. Everything but the user
 * itself is written as the demo user, through row-level security, as the app would.
 * Returns the demo user's id.
 */
export async function seedDemoWorkspace(db: Database, _data?: DataServices): Promise<string> {
  const existing = await db.asService((tx) =>
    tx.query<{ id: string }>('select id from auth.users where lower(email) = $1', [DEMO_EMAIL]),
  );
  if (existing.rows[0]) return existing.rows[0].id;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userId = await db.asService(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id',
      [DEMO_EMAIL, { display_name: 'Demo Analyst' }],
    );
    const id = rows[0]?.id as string;
    await tx.query('insert into private.user_credentials (user_id, password_hash) values ($1, $2)', [id, passwordHash]);
    return id;
  });

  await db.asUser(userId, async (tx) => {
    const { rows: teams } = await tx.query<{ id: string }>(
      "insert into teams (name, description) values ('Demo team', 'A team to try sharing and roles with') returning id",
    );
    const teamId = teams[0]?.id as string;

    await createDashboard(tx, {
      title: 'Sales overview',
      description: 'Revenue, orders and regions, month by month',
      owner: { teamId },
      tabs: [
        {
          title: 'Revenue',
          charts: [
            { title: 'Revenue by month', chartType: 'line' },
            { title: 'Orders by month', chartType: 'bar' },
            { title: 'Revenue this quarter', chartType: 'kpi' },
          ],
        },
        {
          title: 'Regions',
          charts: [
            { title: 'Revenue share by region', chartType: 'donut' },
            { title: 'Region × month', chartType: 'heatmap' },
          ],
        },
      ],
    });
    await createDashboard(tx, {
      title: 'Web traffic',
      description: 'Visits and sources (public)',
      owner: { userId },
      isPublic: true,
      tabs: [{ title: 'Traffic', charts: [{ title: 'Visits per day', chartType: 'area' }] }],
    });

    const { rows: sessions } = await tx.query<{ id: string }>(
      "insert into chat_sessions (title) values ('Getting started') returning id",
    );
    await tx.query(
      `insert into chat_messages (chat_session_id, role, content) values
         ($1, 'user', '{"text": "Which region grew fastest last quarter?"}'),
         ($1, 'assistant', '{"text": "The North region grew fastest: revenue up 18% on the quarter before."}')`,
      [sessions[0]?.id],
    );
  });
  return userId;
}

interface DemoDashboard {
  title: string;
  description: string;
  owner: { userId: string } | { teamId: string };
  isPublic?: boolean;
  tabs: { title: string; charts: { title: string; chartType: string }[] }[];
}

async function createDashboard(tx: Tx, dashboard: DemoDashboard): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into dashboards (title, description, owner_user_id, owner_team_id, is_public)
     values ($1, $2, $3, $4, $5) returning id`,
    [
      dashboard.title,
      dashboard.description,
      'userId' in dashboard.owner ? dashboard.owner.userId : null,
      'teamId' in dashboard.owner ? dashboard.owner.teamId : null,
      dashboard.isPublic ?? false,
    ],
  );
  const dashboardId = rows[0]?.id as string;
  for (const tab of dashboard.tabs) {
    const { rows: tabs } = await tx.query<{ id: string }>(
      'insert into dashboard_tabs (dashboard_id, title) values ($1, $2) returning id',
      [dashboardId, tab.title],
    );
    for (const chart of tab.charts) {
      await tx.query(
        'insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, $2, $3, $4)',
        [tabs[0]?.id, chart.title, chart.chartType, { version: 1, type: chart.chartType }],
      );
    }
  }
  await tx.query(
    "insert into dashboard_versions (dashboard_id, change_summary) values ($1, 'Created the demo dashboard')",
    [dashboardId],
  );
}
