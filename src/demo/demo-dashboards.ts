import type { ChartSpecInput, ChartType } from '../shared/chart-spec.js';

// The demo dashboards: every chart type, over the demo datasets, in the shapes people build
// most (trend, breakdown, mix, distribution, top-N, KPI). They double as examples of the spec.

export interface DemoDatasets {
  sales: { id: string; table: string };
  traffic: { id: string; table: string };
  metrics: { id: string; table: string };
}

export interface DemoChart {
  title: string;
  type: ChartType;
  spec: ChartSpecInput;
}

export interface DemoTab {
  title: string;
  charts: DemoChart[];
}

const chart = (title: string, spec: ChartSpecInput): DemoChart => ({ title, type: spec.type, spec });

export function salesOverviewTabs({ sales, metrics }: DemoDatasets): DemoTab[] {
  const month = { field: 'month', time_grain: 'month' as const };
  const revenue = { field: 'revenue', aggregate: 'sum' as const, as: 'revenue' };
  return [
    {
      title: 'Revenue',
      charts: [
        chart('Revenue last month', {
          version: 1,
          type: 'kpi',
          data: { dataset_id: sales.id, query: { dimensions: [month], measures: [revenue] } },
          style: {
            y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } },
            kpi: { compare: 'previous_row' },
          },
        }),
        chart('Revenue by month', {
          version: 1,
          type: 'line',
          data: { dataset_id: sales.id, query: { dimensions: [month], measures: [revenue] } },
          calculations: [{ type: 'moving_average', field: 'revenue', window: 3, as: '3-month average' }],
          style: { smooth: true, y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } } },
        }),
        chart('Revenue by region over time', {
          version: 1,
          type: 'area',
          data: { dataset_id: sales.id, query: { dimensions: [month, { field: 'region' }], measures: [revenue] } },
          style: { stack: 'stacked', y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } } },
        }),
        chart('Revenue by region', {
          version: 1,
          type: 'bar',
          data: {
            dataset_id: sales.id,
            query: {
              dimensions: [{ field: 'region' }],
              measures: [revenue],
              sort: [{ field: 'revenue', direction: 'desc' }],
            },
          },
          style: { orientation: 'horizontal', labels: true, x_axis: { format: { compact: true } } },
        }),
        chart('Orders by channel', {
          version: 1,
          type: 'stacked_bar',
          data: {
            dataset_id: sales.id,
            query: {
              dimensions: [month, { field: 'channel' }],
              measures: [{ field: 'orders', aggregate: 'sum', as: 'orders' }],
            },
          },
          style: { palette: 'vivid' },
        }),
        chart('Revenue and gross margin', {
          version: 1,
          type: 'combo',
          data: {
            dataset_id: sales.id,
            sql: `select month, sum(revenue) as revenue, 1 - sum(cost) / sum(revenue) as margin\nfrom ${sales.table}\ngroup by month\norder by month`,
          },
          encoding: { x: 'month', y: ['revenue'], y2: ['margin'] },
          style: {
            y_axis: { title: 'Revenue', format: { style: 'currency', currency: 'EUR', compact: true } },
            y2_axis: { title: 'Margin', format: { style: 'percent', decimals: 0 } },
          },
        }),
      ],
    },
    {
      title: 'Mix',
      charts: [
        chart('Revenue by channel', {
          version: 1,
          type: 'pie',
          data: { dataset_id: sales.id, query: { dimensions: [{ field: 'channel' }], measures: [revenue] } },
          style: { labels: true },
        }),
        chart('Revenue by product', {
          version: 1,
          type: 'donut',
          data: { dataset_id: sales.id, query: { dimensions: [{ field: 'product' }], measures: [revenue] } },
          style: { palette: 'colorblind' },
        }),
        chart('Revenue, region × month', {
          version: 1,
          type: 'heatmap',
          data: { dataset_id: sales.id, query: { dimensions: [month, { field: 'region' }], measures: [revenue] } },
          encoding: { x: 'month', series: 'region', y: ['revenue'] },
        }),
        chart('Top products by region', {
          version: 1,
          type: 'table',
          data: {
            dataset_id: sales.id,
            query: {
              dimensions: [{ field: 'region' }, { field: 'product' }],
              measures: [revenue, { field: 'orders', aggregate: 'sum', as: 'orders' }],
              sort: [{ field: 'revenue', direction: 'desc' }],
              limit: 12,
            },
          },
          calculations: [{ type: 'percent_of_total', field: 'revenue', as: 'share' }],
        }),
      ],
    },
    {
      title: 'Operations',
      charts: [
        chart('CPU against p95 latency', {
          version: 1,
          type: 'scatter',
          data: {
            dataset_id: metrics.id,
            sql: `select cpu_pct, latency_p95_ms, split_part(host, '-', 1) as tier\nfrom ${metrics.table}\nwhere requests > 0\nusing sample 1500 rows`,
          },
          encoding: { x: 'cpu_pct', y: ['latency_p95_ms'], series: 'tier' },
          style: { x_axis: { title: 'CPU %' }, y_axis: { title: 'p95 latency (ms)' } },
        }),
        chart('p50 latency distribution', {
          version: 1,
          type: 'histogram',
          data: {
            dataset_id: metrics.id,
            query: {
              dimensions: [{ field: 'latency_p50_ms' }],
              filters: [{ field: 'requests', op: '>', value: 0 }],
              limit: 10000,
            },
          },
          style: { bins: 30, x_axis: { title: 'ms' } },
        }),
        chart('p95 latency per host, hourly', {
          version: 1,
          type: 'line',
          data: {
            dataset_id: metrics.id,
            query: {
              dimensions: [{ field: 'timestamp', time_grain: 'hour' }, { field: 'host' }],
              measures: [{ field: 'latency_p95_ms', aggregate: 'avg', as: 'p95 ms' }],
              filters: [{ field: 'requests', op: '>', value: 0 }],
            },
          },
        }),
        chart('Errors by host', {
          version: 1,
          type: 'bar',
          data: {
            dataset_id: metrics.id,
            query: {
              dimensions: [{ field: 'host' }],
              measures: [{ field: 'errors', aggregate: 'sum', as: 'errors' }],
              sort: [{ field: 'errors', direction: 'desc' }],
            },
          },
          style: { palette: ['#d62728'] },
        }),
      ],
    },
  ];
}

export function webTrafficTabs({ traffic }: DemoDatasets): DemoTab[] {
  const day = { field: 'date', time_grain: 'day' as const };
  return [
    {
      title: 'Traffic',
      charts: [
        chart('Users, last day', {
          version: 1,
          type: 'kpi',
          data: {
            dataset_id: traffic.id,
            query: { dimensions: [day], measures: [{ field: 'users', aggregate: 'sum', as: 'users' }] },
          },
          style: { kpi: { compare: 'previous_row' }, y_axis: { format: { compact: true } } },
        }),
        chart('Sessions per week by source', {
          version: 1,
          type: 'area',
          data: {
            dataset_id: traffic.id,
            query: {
              dimensions: [{ field: 'date', time_grain: 'week' }, { field: 'source' }],
              measures: [{ field: 'sessions', aggregate: 'sum', as: 'sessions' }],
            },
          },
          style: { stack: 'percent' },
        }),
        chart('Conversions per day, 7-day average', {
          version: 1,
          type: 'line',
          data: {
            dataset_id: traffic.id,
            query: { dimensions: [day], measures: [{ field: 'conversions', aggregate: 'sum', as: 'conversions' }] },
          },
          calculations: [{ type: 'moving_average', field: 'conversions', window: 7, as: '7-day average' }],
        }),
        chart('Bounce rate by source', {
          version: 1,
          type: 'bar',
          data: {
            dataset_id: traffic.id,
            query: {
              dimensions: [{ field: 'source' }],
              measures: [{ field: 'bounce_rate', aggregate: 'avg', as: 'bounce rate' }],
              sort: [{ field: 'bounce rate', direction: 'desc' }],
            },
          },
          style: { y_axis: { format: { style: 'percent', decimals: 0 } } },
        }),
      ],
    },
  ];
}
