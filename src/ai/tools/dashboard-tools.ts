import { tool } from 'ai';
import * as dashboards from '../../server/dashboards/service.js';
import { notFound } from '../../server/errors/api-error.js';
import { ChartSpec } from '../../shared/chart-spec.js';
import { asUserWithProvenance, capOutput, type ToolContext, toolError } from './context.js';
import { TOOL_SCHEMAS, type ToolOutputs, toolDescription } from './contracts.js';

// Tools that change dashboards call the same service functions as the HTTP routes, as the user,
// inside a transaction that carries the provenance: every version they save records the prompt,
// agent, model, tool and reason (migration 0014), and its summary says "assistant: <reason>".

const MAX_CHARTS_PER_TAB = 10;

interface TabRow {
  id: string;
  title: string;
  chart_count: number;
}

async function latestVersion(tx: Parameters<Parameters<ToolContext['db']['asCaller']>[1]>[0], dashboardId: string) {
  const { rows } = await tx.query<{ n: number }>(
    'select max(version_number) as n from public.dashboard_versions where dashboard_id = $1',
    [dashboardId],
  );
  return rows[0]?.n ?? 0;
}

export function dashboardTools(ctx: ToolContext) {
  return {
    find_dashboards: tool({
      description: toolDescription('find_dashboards'),
      inputSchema: TOOL_SCHEMAS.find_dashboards,
      execute: async ({ query }): Promise<ToolOutputs['find_dashboards'] | { error: string }> => {
        try {
          const rows = await ctx.db.asCaller(ctx.caller, async (tx) => {
            const words = (query ?? '').trim();
            const { rows } = await tx.query<{ id: string; title: string; can_edit: boolean; tabs: TabRow[] }>(
              `select d.id, d.title, private.can_edit_dashboard(d.id) as can_edit,
                 coalesce((select json_agg(json_build_object('id', t.id, 'title', t.title,
                     'chart_count', (select count(*) from public.charts c where c.dashboard_tab_id = t.id)) order by t.position)
                   from public.dashboard_tabs t where t.dashboard_id = d.id), '[]') as tabs
               from public.dashboards d
               where (d.owner_user_id = (select auth.uid()) or d.owner_team_id = any((select private.my_team_ids('viewer'))::uuid[]))
                 and ($1 = '' or d.title ilike '%' || $1 || '%' or $1 ilike '%' || d.title || '%')
               order by (lower(d.title) = lower($1)) desc, d.updated_at desc
               limit 10`,
              [words],
            );
            return rows;
          });
          return capOutput({ dashboards: rows });
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    create_dashboard: tool({
      description: toolDescription('create_dashboard'),
      inputSchema: TOOL_SCHEMAS.create_dashboard,
      execute: async ({
        title,
        description,
        team_id,
        reason,
      }): Promise<ToolOutputs['create_dashboard'] | { error: string }> => {
        try {
          const tree = await asUserWithProvenance(ctx, 'create_dashboard', { reason }, (tx) =>
            dashboards.createDashboard(tx, ctx.caller.userId, {
              title,
              ...(description ? { description } : {}),
              ...(team_id ? { team_id } : {}),
              is_public: false,
              settings: {},
            }),
          );
          const tabId = tree.tabs[0]?.id as string;
          const version = await ctx.db.asCaller(ctx.caller, (tx) => latestVersion(tx, tree.id));
          ctx.routes.push({
            tool: 'create_dashboard',
            target: 'dashboard',
            dashboard_id: tree.id,
            tab_id: tabId,
            version_number: version,
          });
          return { dashboard_id: tree.id, tab_id: tabId, version_number: version };
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    create_tab: tool({
      description: toolDescription('create_tab'),
      inputSchema: TOOL_SCHEMAS.create_tab,
      execute: async ({ dashboard_id, title, reason }): Promise<ToolOutputs['create_tab'] | { error: string }> => {
        try {
          const { tab, version } = await asUserWithProvenance(ctx, 'create_tab', { reason }, async (tx) => {
            const tab = await dashboards.addTab(tx, dashboard_id, { title, charts: [] });
            return { tab, version: await latestVersion(tx, dashboard_id) };
          });
          ctx.routes.push({
            tool: 'create_tab',
            target: 'dashboard',
            dashboard_id,
            tab_id: tab.id,
            version_number: version,
          });
          return { tab_id: tab.id, version_number: version };
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    add_chart: tool({
      description: toolDescription('add_chart'),
      inputSchema: TOOL_SCHEMAS.add_chart,
      execute: async ({
        dashboard_id,
        tab_id,
        title,
        spec: input,
        reason,
      }): Promise<ToolOutputs['add_chart'] | { error: string }> => {
        try {
          const spec = ChartSpec.parse(input);
          const query = 'sql' in spec.data ? { sql: spec.data.sql } : { query: spec.data.query };
          const result = await asUserWithProvenance(
            ctx,
            'add_chart',
            { reason, dataset_id: spec.data.dataset_id, ...query },
            async (tx) => {
              const tree = await dashboards.getDashboard(tx, dashboard_id);
              // The tab asked for, else the first with room, else a new one: a tab holds at most 10 charts.
              if (tab_id && !tree.tabs.some((t) => t.id === tab_id))
                throw notFound('That tab is not on this dashboard');
              let tabId = tab_id ?? tree.tabs.find((t) => t.charts.length < MAX_CHARTS_PER_TAB)?.id;
              if (!tabId) tabId = (await dashboards.addTab(tx, dashboard_id, { title: `More charts`, charts: [] })).id;
              const chart = await dashboards.addChart(tx, tabId, { title, configuration: spec });
              return { chart, tabId, version: await latestVersion(tx, dashboard_id) };
            },
          );
          ctx.routes.push({
            tool: 'add_chart',
            target: 'dashboard',
            dashboard_id,
            tab_id: result.tabId,
            chart_id: result.chart.id,
            version_number: result.version,
          });
          return { chart_id: result.chart.id, dashboard_id, tab_id: result.tabId, version_number: result.version };
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    update_chart: tool({
      description: toolDescription('update_chart'),
      inputSchema: TOOL_SCHEMAS.update_chart,
      execute: async ({
        chart_id,
        title,
        spec: input,
        reason,
      }): Promise<ToolOutputs['update_chart'] | { error: string }> => {
        try {
          const spec = input ? ChartSpec.parse(input) : undefined;
          const result = await asUserWithProvenance(ctx, 'update_chart', { reason }, async (tx) => {
            const chart = await dashboards.updateChart(tx, chart_id, undefined, {
              ...(title ? { title } : {}),
              ...(spec ? { configuration: spec } : {}),
            });
            const dashboardId = await dashboards.dashboardOfChart(tx, chart.id);
            return { dashboardId, version: await latestVersion(tx, dashboardId) };
          });
          ctx.routes.push({
            tool: 'update_chart',
            target: 'dashboard',
            dashboard_id: result.dashboardId,
            chart_id,
            version_number: result.version,
          });
          return { chart_id, dashboard_id: result.dashboardId, version_number: result.version };
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    remove_chart: tool({
      description: toolDescription('remove_chart'),
      inputSchema: TOOL_SCHEMAS.remove_chart,
      execute: async ({ chart_id, reason }): Promise<ToolOutputs['remove_chart'] | { error: string }> => {
        try {
          const result = await asUserWithProvenance(ctx, 'remove_chart', { reason }, async (tx) => {
            const dashboardId = await dashboards.dashboardOfChart(tx, chart_id);
            await dashboards.deleteChart(tx, chart_id, undefined);
            return { dashboardId, version: await latestVersion(tx, dashboardId) };
          });
          ctx.routes.push({
            tool: 'remove_chart',
            target: 'dashboard',
            dashboard_id: result.dashboardId,
            version_number: result.version,
          });
          return { dashboard_id: result.dashboardId, version_number: result.version };
        } catch (error) {
          return toolError(error);
        }
      },
    }),
  };
}
