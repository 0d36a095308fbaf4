import type { ChartSpecInput, ChartType } from '../../shared/chart-spec.js';

/**
 * One example spec per chart type, as a client or an LLM would write it: documentation of the
 * spec by example, and the fixtures of this folder's tests (example-results.ts holds a result
 * each could have come back with). The dataset id is a placeholder.
 */

const DATASET_ID = '00000000-0000-4000-8000-000000000000';

/** Line: monthly revenue and its three-month moving average, from a structured query. */
export const lineExample: ChartSpecInput = {
  version: 1,
  type: 'line',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'ordered_at', time_grain: 'month', as: 'month' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue' }],
      sort: [{ field: 'month', direction: 'asc' }],
    },
  },
  calculations: [{ type: 'moving_average', field: 'revenue', window: 3 }],
  style: {
    title: 'Revenue by month',
    subtitle: 'With a three-month moving average',
    y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } },
    smooth: true,
  },
};

/** Area: daily active users per platform, from SQL; `series` splits one area per platform. */
export const areaExample: ChartSpecInput = {
  version: 1,
  type: 'area',
  data: {
    dataset_id: DATASET_ID,
    sql: 'SELECT day, platform, count(DISTINCT user_id) AS users FROM sessions GROUP BY 1, 2 ORDER BY 1',
  },
  encoding: { x: 'day', y: ['users'], series: 'platform' },
  style: { title: 'Daily active users', stack: 'stacked', legend: { position: 'bottom' } },
};

/** Bar: the ten countries with the most revenue, largest first, as horizontal bars with values. */
export const barExample: ChartSpecInput = {
  version: 1,
  type: 'bar',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'country' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue' }],
      sort: [{ field: 'revenue', direction: 'desc' }],
      limit: 10,
    },
  },
  style: {
    title: 'Revenue by country',
    orientation: 'horizontal',
    labels: true,
    x_axis: { title: 'Country' },
    y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } },
  },
};

/**
 * Stacked bar: orders per month by status, each month scaled to 100%. A structured query's second
 * dimension becomes the series on its own.
 */
export const stackedBarExample: ChartSpecInput = {
  version: 1,
  type: 'stacked_bar',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'ordered_at', time_grain: 'quarter', as: 'quarter' }, { field: 'status' }],
      measures: [{ aggregate: 'count', as: 'orders' }],
      filters: [{ field: 'ordered_at', op: 'between', values: ['2024-01-01', '2024-12-31'] }],
    },
  },
  style: { title: 'Order status by quarter', stack: 'percent', palette: 'colorblind' },
};

/** Pie: sessions by device. */
export const pieExample: ChartSpecInput = {
  version: 1,
  type: 'pie',
  data: { dataset_id: DATASET_ID, sql: 'SELECT device, count(*) AS sessions FROM sessions GROUP BY 1' },
  style: { title: 'Sessions by device', labels: true },
};

/** Donut: revenue by product category, in the colour-blind-safe palette. */
export const donutExample: ChartSpecInput = {
  version: 1,
  type: 'donut',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'category' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue' }],
    },
  },
  style: {
    title: 'Revenue by category',
    palette: 'colorblind',
    legend: { show: true, position: 'right' },
    y_axis: { format: { style: 'currency', currency: 'EUR', compact: true } },
  },
};

/** Scatter: price against units sold per product, bubbles sized by revenue, coloured by category. */
export const scatterExample: ChartSpecInput = {
  version: 1,
  type: 'scatter',
  data: {
    dataset_id: DATASET_ID,
    sql: 'SELECT product, category, avg(price) AS price, sum(quantity) AS units, sum(amount) AS revenue FROM order_lines GROUP BY 1, 2',
  },
  encoding: { x: 'price', y: ['units'], size: 'revenue', series: 'category' },
  style: {
    title: 'Price against units sold',
    x_axis: { title: 'Average price', format: { style: 'currency', currency: 'EUR' } },
    y_axis: { title: 'Units sold' },
  },
};

/** Heatmap: orders by hour of day (across) and weekday (down). */
export const heatmapExample: ChartSpecInput = {
  version: 1,
  type: 'heatmap',
  data: {
    dataset_id: DATASET_ID,
    sql: "SELECT strftime(ordered_at, '%a') AS weekday, hour(ordered_at) AS hour, count(*) AS orders FROM orders GROUP BY 1, 2",
  },
  encoding: { x: 'hour', series: 'weekday', y: ['orders'] },
  style: { title: 'When orders come in', x_axis: { title: 'Hour of day' } },
};

/** Histogram: how order values are spread, in 12 bins. */
export const histogramExample: ChartSpecInput = {
  version: 1,
  type: 'histogram',
  data: { dataset_id: DATASET_ID, sql: 'SELECT amount FROM orders' },
  encoding: { x: 'amount' },
  style: {
    title: 'Order values',
    bins: 12,
    x_axis: { title: 'Order value', format: { style: 'currency', currency: 'EUR', decimals: 0 } },
  },
};

/** KPI: this month's revenue in compact euros, with the change since last month. */
export const kpiExample: ChartSpecInput = {
  version: 1,
  type: 'kpi',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'ordered_at', time_grain: 'month', as: 'month' }],
      measures: [{ field: 'amount', aggregate: 'sum', as: 'revenue' }],
      sort: [{ field: 'month', direction: 'desc' }],
      limit: 2,
    },
  },
  encoding: { y: ['revenue'] },
  style: {
    title: 'Revenue this month',
    y_axis: { title: 'Revenue', format: { style: 'currency', currency: 'EUR', compact: true } },
    kpi: { compare: 'previous_row' },
  },
};

/** Table: the best customers, with their share of all revenue as a calculated column. */
export const tableExample: ChartSpecInput = {
  version: 1,
  type: 'table',
  data: {
    dataset_id: DATASET_ID,
    sql: 'SELECT customer, country, count(*) AS orders, sum(amount) AS revenue FROM orders GROUP BY 1, 2 ORDER BY revenue DESC',
  },
  calculations: [{ type: 'percent_of_total', field: 'revenue', as: 'share' }],
  encoding: { y: ['revenue'] },
  style: { title: 'Top customers', y_axis: { format: { style: 'currency', currency: 'EUR', decimals: 0 } } },
};

/** Combo: revenue as bars, and the margin (a derived formula) as a line on a percent axis. */
export const comboExample: ChartSpecInput = {
  version: 1,
  type: 'combo',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'ordered_at', time_grain: 'month', as: 'month' }],
      measures: [
        { field: 'amount', aggregate: 'sum', as: 'revenue' },
        { field: 'cost', aggregate: 'sum', as: 'cost' },
      ],
    },
  },
  calculations: [{ type: 'derived', as: 'margin', formula: '(revenue - cost) / revenue' }],
  encoding: { x: 'month', y: ['revenue'], y2: ['margin'] },
  style: {
    title: 'Revenue and margin',
    y_axis: { title: 'Revenue', format: { style: 'currency', currency: 'EUR', compact: true } },
    y2_axis: { title: 'Margin', format: { style: 'percent' }, min: 0 },
  },
};

/** Every example by chart type. */
export const EXAMPLES: Record<ChartType, ChartSpecInput> = {
  line: lineExample,
  area: areaExample,
  bar: barExample,
  stacked_bar: stackedBarExample,
  pie: pieExample,
  donut: donutExample,
  scatter: scatterExample,
  heatmap: heatmapExample,
  histogram: histogramExample,
  kpi: kpiExample,
  table: tableExample,
  combo: comboExample,
};
