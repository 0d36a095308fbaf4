import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { Chart, Dashboard, DashboardSummary, Tab } from './schema.js';

// Each resource is shaped into its API form by the database (json_build_object), from an explicit
// list of columns. Row-level security decides which rows exist for the caller.

const CHART_JSON = `json_build_object(
  'id', c.id, 'tab_id', c.dashboard_tab_id, 'title', c.title, 'chart_type', c.chart_type,
  'configuration', c.configuration, 'position', c.position, 'etag', c.xmin::text,
  'created_at', c.created_at, 'updated_at', c.updated_at)`;

const TAB_JSON = `json_build_object(
  'id', t.id, 'dashboard_id', t.dashboard_id, 'title', t.title, 'description', t.description,
  'position', t.position, 'settings', t.settings, 'etag', t.xmin::text,
  'created_at', t.created_at, 'updated_at', t.updated_at,
  'charts', coalesce((select json_agg(${CHART_JSON} order by c.position)
                      from public.charts c where c.dashboard_tab_id = t.id), '[]'::json))`;

// The caller's abilities, from the same rules as the policies (editors edit and share, the owner
// or a team admin deletes).
const ABILITIES_JSON = `json_build_object(
  'can_edit', coalesce(d.owner_user_id = (select auth.uid()) or d.owner_team_id = any((select private.my_team_ids('editor'))::uuid[]), false),
  'can_share', coalesce(d.owner_user_id = (select auth.uid()) or d.owner_team_id = any((select private.my_team_ids('editor'))::uuid[]), false),
  'can_delete', coalesce(d.owner_user_id = (select auth.uid()) or d.owner_team_id = any((select private.my_team_ids('admin'))::uuid[]), false))`;

// A list entry; "s" is the page's row of public.dashboard_stats.
const DASHBOARD_FIELDS = `
  'id', d.id, 'title', d.title, 'description', d.description,
  'owner', case when d.owner_user_id is not null
                then json_build_object('type', 'user', 'user_id', d.owner_user_id)
                else json_build_object('type', 'team', 'team_id', d.owner_team_id) end,
  'is_public', d.is_public, 'settings', d.settings,
  'latest_version', s.latest_version,
  'etag', d.xmin::text, 'abilities', ${ABILITIES_JSON},
  'created_at', d.created_at, 'updated_at', d.updated_at`;

export type DashboardJson = z.infer<typeof Dashboard>;
export type DashboardSummaryJson = z.infer<typeof DashboardSummary>;
export type TabJson = z.infer<typeof Tab>;
export type ChartJson = z.infer<typeof Chart>;

/** One dashboard with all its tabs and charts, in one call (public.dashboard_tree checks access once). */
export async function getDashboardTree(tx: Tx, id: string): Promise<DashboardJson | undefined> {
  const { rows } = await tx.query<{ dashboard: DashboardJson | null }>(
    'select public.dashboard_tree($1) as dashboard',
    [id],
  );
  return rows[0]?.dashboard ?? undefined;
}

export interface ListFilter {
  scope: 'all' | 'personal' | 'team' | 'public';
  teamId?: string | undefined;
  q?: string | undefined;
  limit: number;
  /** Keyset position: the last item of the previous page. */
  after?: { updatedAt: string; id: string } | undefined;
}

/**
 * Dashboards the caller can see, newest first, one page at a time. The page is chosen first;
 * its versions and counts then come from one dashboard_stats call for the whole page.
 */
export async function listDashboards(tx: Tx, filter: ListFilter): Promise<DashboardSummaryJson[]> {
  const scopeCondition = {
    // Policies already hide what the caller may not read; "all" leaves out other people's public dashboards.
    all: `(d.owner_user_id = (select auth.uid()) or d.owner_team_id = any((select private.my_team_ids('viewer'))::uuid[]))`,
    personal: `d.owner_user_id = (select auth.uid())`,
    team: `d.owner_team_id is not null`,
    public: `d.is_public`,
  }[filter.scope];
  const { rows } = await tx.query<{ dashboard: DashboardSummaryJson }>(
    `with page as (
       select d.* , d.xmin from public.dashboards d
       where ${scopeCondition}
         and ($2::uuid is null or d.owner_team_id = $2)
         and ($3::text is null or d.title ilike '%' || $3 || '%')
         and ($4::timestamptz is null or (d.updated_at, d.id) < ($4::timestamptz, $5::uuid))
       order by d.updated_at desc, d.id desc
       limit $1
     )
     select json_build_object(${DASHBOARD_FIELDS},
       'tab_count', coalesce(s.tab_count, 0), 'chart_count', coalesce(s.chart_count, 0)) as dashboard
     from page d
     left join public.dashboard_stats((select array_agg(id) from page)) s on s.dashboard_id = d.id
     order by d.updated_at desc, d.id desc`,
    [
      filter.limit,
      filter.teamId ?? null,
      filter.q ? escapeLike(filter.q) : null,
      filter.after?.updatedAt ?? null,
      filter.after?.id ?? null,
    ],
  );
  return rows.map((r) => r.dashboard);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether the caller can see, edit and delete a dashboard; used to explain a write that changed nothing. */
export async function dashboardAccess(
  tx: Tx,
  id: string,
): Promise<{ visible: boolean; canEdit: boolean; canDelete: boolean }> {
  const { rows } = await tx.query<{ abilities: { can_edit: boolean; can_delete: boolean } }>(
    `select ${ABILITIES_JSON} as abilities from public.dashboards d where d.id = $1`,
    [id],
  );
  const abilities = rows[0]?.abilities;
  return {
    visible: Boolean(abilities),
    canEdit: abilities?.can_edit ?? false,
    canDelete: abilities?.can_delete ?? false,
  };
}

/** The fields a change summary compares, without the tree (undefined when the caller may not read it). */
export async function getDashboardFields(
  tx: Tx,
  id: string,
): Promise<
  { title: string; description: string | null; is_public: boolean; settings: Record<string, unknown> } | undefined
> {
  const { rows } = await tx.query<{
    title: string;
    description: string | null;
    is_public: boolean;
    settings: Record<string, unknown>;
  }>('select title, description, is_public, settings from public.dashboards where id = $1', [id]);
  return rows[0];
}

export async function insertDashboard(
  tx: Tx,
  fields: {
    title: string;
    description: string | null;
    ownerUserId: string | null;
    ownerTeamId: string | null;
    isPublic: boolean;
    settings: object;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.dashboards (title, description, owner_user_id, owner_team_id, is_public, settings)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [fields.title, fields.description, fields.ownerUserId, fields.ownerTeamId, fields.isPublic, fields.settings],
  );
  return (rows[0] as { id: string }).id;
}

export interface DashboardChanges {
  title?: string | undefined;
  description?: string | null | undefined;
  is_public?: boolean | undefined;
  settings?: object | undefined;
  owner_user_id?: string | null | undefined;
  owner_team_id?: string | null | undefined;
}

/** Applies the changes if the dashboard still has the given ETag (or always, without one). */
export async function updateDashboard(
  tx: Tx,
  id: string,
  etag: string | undefined,
  changes: DashboardChanges,
): Promise<boolean> {
  return updateRow(tx, 'dashboards', id, etag, changes as Record<string, unknown>);
}

export async function deleteDashboard(tx: Tx, id: string, etag: string | undefined): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from public.dashboards where id = $1 and ($2::text is null or xmin::text = $2)',
    [id, etag ?? null],
  );
  return rowCount > 0;
}

const UPDATABLE = {
  dashboards: ['title', 'description', 'is_public', 'settings', 'owner_user_id', 'owner_team_id'],
  dashboard_tabs: ['title', 'description', 'settings', 'position', 'dashboard_id'],
  charts: ['title', 'chart_type', 'configuration', 'position', 'dashboard_tab_id'],
} as const;

/** UPDATE … WHERE id = $1 AND xmin = etag, over a whitelist of columns. */
export async function updateRow(
  tx: Tx,
  table: keyof typeof UPDATABLE,
  id: string,
  etag: string | undefined,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const allowed: readonly string[] = UPDATABLE[table];
  const columns = Object.keys(changes).filter((column) => changes[column] !== undefined);
  for (const column of columns) {
    if (!allowed.includes(column)) throw new Error(`${column} is not an updatable column of ${table}`);
  }
  if (columns.length === 0) return true;
  const assignments = columns.map((column, i) => `${column} = $${i + 3}`).join(', ');
  const { rowCount } = await tx.query(
    `update public.${table} set ${assignments} where id = $1 and ($2::text is null or xmin::text = $2)`,
    [id, etag ?? null, ...columns.map((column) => changes[column])],
  );
  return rowCount > 0;
}

export async function insertTab(
  tx: Tx,
  fields: { dashboardId: string; title: string; description: string | null; settings: object; position: number | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.dashboard_tabs (dashboard_id, title, description, settings, position)
     values ($1, $2, $3, $4, $5) returning id`,
    [fields.dashboardId, fields.title, fields.description, fields.settings, fields.position],
  );
  return (rows[0] as { id: string }).id;
}

export async function getTab(tx: Tx, id: string): Promise<TabJson | undefined> {
  const { rows } = await tx.query<{ tab: TabJson }>(
    `select ${TAB_JSON} as tab from public.dashboard_tabs t where t.id = $1`,
    [id],
  );
  return rows[0]?.tab;
}

export async function deleteTab(tx: Tx, id: string, etag: string | undefined): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from public.dashboard_tabs where id = $1 and ($2::text is null or xmin::text = $2)',
    [id, etag ?? null],
  );
  return rowCount > 0;
}

export async function insertChart(
  tx: Tx,
  fields: { tabId: string; title: string; chartType: string; configuration: object; position: number | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.charts (dashboard_tab_id, title, chart_type, configuration, position)
     values ($1, $2, $3, $4, $5) returning id`,
    [fields.tabId, fields.title, fields.chartType, fields.configuration, fields.position],
  );
  return (rows[0] as { id: string }).id;
}

export async function getChart(
  tx: Tx,
  id: string,
): Promise<(ChartJson & { dashboard_id: string; tab_title: string }) | undefined> {
  const { rows } = await tx.query<{ chart: ChartJson; dashboard_id: string; tab_title: string }>(
    `select ${CHART_JSON} as chart, t.dashboard_id, t.title as tab_title
     from public.charts c join public.dashboard_tabs t on t.id = c.dashboard_tab_id where c.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row.chart, dashboard_id: row.dashboard_id, tab_title: row.tab_title } : undefined;
}

export async function deleteChart(tx: Tx, id: string, etag: string | undefined): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from public.charts where id = $1 and ($2::text is null or xmin::text = $2)',
    [id, etag ?? null],
  );
  return rowCount > 0;
}

export async function reorderTabs(tx: Tx, dashboardId: string, ids: string[]): Promise<void> {
  await tx.query('select public.reorder_tabs($1, $2)', [dashboardId, ids]);
}

export async function reorderCharts(tx: Tx, tabId: string, ids: string[]): Promise<void> {
  await tx.query('select public.reorder_charts($1, $2)', [tabId, ids]);
}

/**
 * Records a save: stamps the dashboard (so its ETag and "recently changed" order follow any change
 * inside it) and appends a version, numbered and snapshotted by the database.
 */
export async function saveDashboardVersion(tx: Tx, dashboardId: string, changeSummary: string): Promise<number> {
  await tx.query('update public.dashboards set updated_at = now() where id = $1', [dashboardId]);
  const { rows } = await tx.query<{ version_number: number }>(
    'insert into public.dashboard_versions (dashboard_id, change_summary) values ($1, $2) returning version_number',
    [dashboardId, changeSummary.slice(0, 2000)],
  );
  return (rows[0] as { version_number: number }).version_number;
}
