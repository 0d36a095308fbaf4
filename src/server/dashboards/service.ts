import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import * as q from './queries.js';
import type {
  CreateChartBody,
  CreateDashboardBody,
  CreateTabBody,
  UpdateChartBody,
  UpdateDashboardBody,
  UpdateTabBody,
} from './schema.js';

// Named units of work over dashboards, tabs and charts. Each runs inside the caller's transaction
// (row-level security decides), and every change saves a dashboard version saying what changed.

const quote = (text: string) => `“${text}”`;

/** After a write that changed nothing: say whether the row is hidden (404), read-only (403) or stale (412). */
async function explainNoChange(
  tx: Tx,
  dashboardId: string | undefined,
  etag: string | undefined,
  need: 'edit' | 'delete',
): Promise<never> {
  const access = dashboardId
    ? await q.dashboardAccess(tx, dashboardId)
    : { visible: false, canEdit: false, canDelete: false };
  if (!access.visible) throw notFound('Dashboard not found');
  if (need === 'edit' ? !access.canEdit : !access.canDelete)
    throw forbidden(
      need === 'edit'
        ? 'You may view this dashboard but not change it'
        : 'Only the owner or a team admin may delete this dashboard',
    );
  if (etag) throw new ApiError('precondition_failed');
  throw notFound();
}

async function requireTree(tx: Tx, id: string): Promise<q.DashboardJson> {
  const tree = await q.getDashboardTree(tx, id);
  if (!tree) throw notFound('Dashboard not found');
  return tree;
}

export async function createDashboard(
  tx: Tx,
  userId: string,
  body: z.infer<typeof CreateDashboardBody>,
): Promise<q.DashboardJson> {
  const id = await q.insertDashboard(tx, {
    title: body.title,
    description: body.description ?? null,
    ownerUserId: body.team_id ? null : userId,
    ownerTeamId: body.team_id ?? null,
    isPublic: body.is_public,
    settings: body.settings,
  });
  const tabs = body.tabs ?? [{ title: 'Overview', charts: [] }];
  for (const tab of tabs) {
    const tabId = await q.insertTab(tx, {
      dashboardId: id,
      title: tab.title,
      description: tab.description ?? null,
      settings: tab.settings ?? {},
      position: null,
    });
    for (const chart of tab.charts) {
      await q.insertChart(tx, {
        tabId,
        title: chart.title,
        chartType: chartTypeOf(chart),
        configuration: chart.configuration,
        position: null,
      });
    }
  }
  await q.saveDashboardVersion(tx, id, `Created dashboard ${quote(body.title)}`);
  return requireTree(tx, id);
}

export async function updateDashboard(
  tx: Tx,
  userId: string,
  id: string,
  etag: string | undefined,
  body: z.infer<typeof UpdateDashboardBody>,
): Promise<q.DashboardJson> {
  const before = await q.getDashboardFields(tx, id);
  if (!before) throw notFound('Dashboard not found');
  const changes: q.DashboardChanges = {
    title: body.title,
    description: body.description,
    is_public: body.is_public,
    settings: body.settings,
  };
  if (body.owner) {
    changes.owner_user_id = body.owner.type === 'me' ? userId : null;
    changes.owner_team_id = body.owner.type === 'team' ? body.owner.team_id : null;
  }
  if (!(await q.updateDashboard(tx, id, etag, changes))) await explainNoChange(tx, id, etag, 'edit');
  await q.saveDashboardVersion(tx, id, describeDashboardChange(before, body));
  return requireTree(tx, id);
}

function describeDashboardChange(
  before: NonNullable<Awaited<ReturnType<typeof q.getDashboardFields>>>,
  body: z.infer<typeof UpdateDashboardBody>,
): string {
  const parts: string[] = [];
  if (body.title !== undefined && body.title !== before.title)
    parts.push(`renamed the dashboard to ${quote(body.title)}`);
  if (body.description !== undefined && body.description !== before.description) parts.push('edited the description');
  if (body.is_public !== undefined && body.is_public !== before.is_public)
    parts.push(body.is_public ? 'made it public' : 'made it private');
  if (body.settings !== undefined) parts.push(describeSettingsChange(before.settings, body.settings));
  if (body.owner) parts.push(body.owner.type === 'me' ? 'moved it to your personal dashboards' : 'moved it to a team');
  const text = parts.join(', ') || 'saved the dashboard';
  return text[0]?.toUpperCase() + text.slice(1);
}

/** "rearranged the charts" when only the grid layout moved (what a drag saves), else the generic words. */
function describeSettingsChange(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length === 1 && changed[0] === 'layout') return 'rearranged the charts';
  return 'changed the dashboard settings';
}

export async function deleteDashboard(tx: Tx, id: string, etag: string | undefined): Promise<void> {
  if (!(await q.deleteDashboard(tx, id, etag))) await explainNoChange(tx, id, etag, 'delete');
}

export async function addTab(tx: Tx, dashboardId: string, body: z.infer<typeof CreateTabBody>): Promise<q.TabJson> {
  await requireEditable(tx, dashboardId);
  const tabId = await q.insertTab(tx, {
    dashboardId,
    title: body.title,
    description: body.description ?? null,
    settings: body.settings ?? {},
    position: body.position ?? null,
  });
  for (const chart of body.charts) {
    await q.insertChart(tx, {
      tabId,
      title: chart.title,
      chartType: chartTypeOf(chart),
      configuration: chart.configuration,
      position: null,
    });
  }
  await q.saveDashboardVersion(tx, dashboardId, `Added tab ${quote(body.title)}`);
  return (await q.getTab(tx, tabId)) as q.TabJson;
}

async function requireEditable(tx: Tx, dashboardId: string): Promise<void> {
  const access = await q.dashboardAccess(tx, dashboardId);
  if (!access.visible) throw notFound('Dashboard not found');
  if (!access.canEdit) throw forbidden('You may view this dashboard but not change it');
}

async function requireTab(tx: Tx, tabId: string): Promise<q.TabJson> {
  const tab = await q.getTab(tx, tabId);
  if (!tab) throw notFound('Tab not found');
  return tab;
}

export async function updateTab(
  tx: Tx,
  tabId: string,
  etag: string | undefined,
  body: z.infer<typeof UpdateTabBody>,
): Promise<q.TabJson> {
  const before = await requireTab(tx, tabId);
  if (!(await q.updateRow(tx, 'dashboard_tabs', tabId, etag, body)))
    await explainNoChange(tx, before.dashboard_id, etag, 'edit');
  const summary =
    body.title !== undefined && body.title !== before.title
      ? `Renamed tab ${quote(before.title)} to ${quote(body.title)}`
      : `Edited tab ${quote(before.title)}`;
  await q.saveDashboardVersion(tx, before.dashboard_id, summary);
  return requireTab(tx, tabId);
}

export async function deleteTab(tx: Tx, tabId: string, etag: string | undefined): Promise<void> {
  const tab = await requireTab(tx, tabId);
  if (!(await q.deleteTab(tx, tabId, etag))) await explainNoChange(tx, tab.dashboard_id, etag, 'edit');
  await q.saveDashboardVersion(
    tx,
    tab.dashboard_id,
    `Deleted tab ${quote(tab.title)} and its ${tab.charts.length} chart(s)`,
  );
}

export async function reorderTabs(tx: Tx, dashboardId: string, ids: string[]): Promise<q.DashboardJson> {
  await q.reorderTabs(tx, dashboardId, ids);
  await q.saveDashboardVersion(tx, dashboardId, 'Reordered tabs');
  return requireTree(tx, dashboardId);
}

export async function addChart(tx: Tx, tabId: string, body: z.infer<typeof CreateChartBody>): Promise<q.ChartJson> {
  const tab = await requireTab(tx, tabId);
  await requireEditable(tx, tab.dashboard_id);
  const chartId = await q.insertChart(tx, {
    tabId,
    title: body.title,
    chartType: chartTypeOf(body),
    configuration: body.configuration,
    position: body.position ?? null,
  });
  await q.saveDashboardVersion(tx, tab.dashboard_id, `Added chart ${quote(body.title)} to tab ${quote(tab.title)}`);
  return requireChart(tx, chartId);
}

async function requireChart(tx: Tx, chartId: string) {
  const chart = await q.getChart(tx, chartId);
  if (!chart) throw notFound('Chart not found');
  return chart;
}

export async function updateChart(
  tx: Tx,
  chartId: string,
  etag: string | undefined,
  body: z.infer<typeof UpdateChartBody>,
): Promise<q.ChartJson> {
  const before = await requireChart(tx, chartId);
  let target: q.TabJson | undefined;
  if (body.tab_id !== undefined && body.tab_id !== before.tab_id) {
    target = await requireTab(tx, body.tab_id);
    await requireEditable(tx, target.dashboard_id);
  }
  const changes = {
    title: body.title,
    // A new spec of another type changes the chart's type with it.
    chart_type: body.chart_type ?? (body.configuration?.type as string | undefined),
    configuration: body.configuration,
    dashboard_tab_id: target?.id,
    // Moved without a position: it goes last in its new tab (the database picks the place).
    position: body.position ?? (target ? null : undefined),
  };
  if (!(await q.updateRow(tx, 'charts', chartId, etag, changes)))
    await explainNoChange(tx, before.dashboard_id, etag, 'edit');
  const title = body.title ?? before.title;
  if (target) {
    await q.saveDashboardVersion(tx, before.dashboard_id, `Moved chart ${quote(title)} to tab ${quote(target.title)}`);
    if (target.dashboard_id !== before.dashboard_id)
      await q.saveDashboardVersion(tx, target.dashboard_id, `Moved chart ${quote(title)} in from another dashboard`);
  } else {
    const what = Object.keys(body).filter((key) => key !== 'tab_id');
    await q.saveDashboardVersion(tx, before.dashboard_id, `Edited chart ${quote(before.title)} (${what.join(', ')})`);
  }
  return requireChart(tx, chartId);
}

export async function deleteChart(tx: Tx, chartId: string, etag: string | undefined): Promise<void> {
  const chart = await requireChart(tx, chartId);
  if (!(await q.deleteChart(tx, chartId, etag))) await explainNoChange(tx, chart.dashboard_id, etag, 'edit');
  await q.saveDashboardVersion(
    tx,
    chart.dashboard_id,
    `Deleted chart ${quote(chart.title)} from tab ${quote(chart.tab_title)}`,
  );
}

export async function reorderCharts(tx: Tx, tabId: string, ids: string[]): Promise<q.TabJson> {
  const tab = await requireTab(tx, tabId);
  await q.reorderCharts(tx, tabId, ids);
  await q.saveDashboardVersion(tx, tab.dashboard_id, `Reordered charts in tab ${quote(tab.title)}`);
  return requireTab(tx, tabId);
}

export { ApiError };

/** The chart's type: as given, else the type its spec names (the schema ensures one of them). */
function chartTypeOf(chart: { chart_type?: string | undefined; configuration: Record<string, unknown> }): string {
  return chart.chart_type ?? String(chart.configuration.type);
}

/** One dashboard with its tabs and charts, as the caller may read it (404 otherwise). */
export function getDashboard(tx: Tx, id: string): Promise<q.DashboardJson> {
  return requireTree(tx, id);
}

/** The dashboard a chart is on (404 if the caller cannot read the chart). */
export async function dashboardOfChart(tx: Tx, chartId: string): Promise<string> {
  return (await requireChart(tx, chartId)).dashboard_id;
}
