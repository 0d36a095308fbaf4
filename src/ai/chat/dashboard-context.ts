import type { Tx } from '../../db/types.js';
import * as dashboards from '../../server/dashboards/service.js';
import { ChartSpec } from '../../shared/chart-spec.js';

/** One line saying what a chart shows: "sum(revenue) by month(month), region · sales". */
function describeChart(configuration: Record<string, unknown>, tables: Map<string, string>): string {
  const parsed = ChartSpec.safeParse(configuration);
  if (!parsed.success) return 'not configured';
  const { data } = parsed.data;
  const table = tables.get(data.dataset_id) ?? 'a dataset';
  if ('sql' in data) return `SQL over ${table}: ${data.sql.replace(/\s+/g, ' ').slice(0, 160)}`;
  const measures = data.query.measures.map((m) => `${m.aggregate}(${m.field ?? '*'})`).join(', ');
  const dims = data.query.dimensions.map((d) => (d.time_grain ? `${d.time_grain}(${d.field})` : d.field)).join(', ');
  return `${measures || 'rows'}${dims ? ` by ${dims}` : ''} · ${table}`;
}

/**
 * A compact description of a dashboard for the model: its tabs and charts, one line each, with
 * the ids the tools take. A 10-chart dashboard stays well under 2,000 tokens (bench:chat).
 */
export async function dashboardContext(tx: Tx, dashboardId: string): Promise<string> {
  const tree = await dashboards.getDashboard(tx, dashboardId);
  const ids = [
    ...new Set(
      tree.tabs.flatMap((t) =>
        t.charts.flatMap((c) => {
          const id = (c.configuration.data as { dataset_id?: string } | undefined)?.dataset_id;
          return id ? [id] : [];
        }),
      ),
    ),
  ];
  const { rows } = await tx.query<{ id: string; table_name: string }>(
    'select id, table_name from public.datasets where id = any($1::uuid[])',
    [ids],
  );
  const tables = new Map(rows.map((r) => [r.id, r.table_name]));
  const lines = [
    `The user has the dashboard "${tree.title}" open (id ${tree.id}; ${tree.abilities.can_edit ? 'they may edit it' : 'read only for them'}).`,
  ];
  for (const tab of tree.tabs) {
    lines.push(`Tab "${tab.title}" (id ${tab.id}, ${tab.charts.length}/10 charts):`);
    for (const chart of tab.charts)
      lines.push(
        `- "${chart.title}" ${chart.chart_type} (id ${chart.id}): ${describeChart(chart.configuration, tables)}`,
      );
  }
  return lines.join('\n');
}
