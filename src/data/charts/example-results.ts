import type { ChartType, ColumnKind, QueryResult } from '../../shared/chart-spec.js';

/**
 * A query result each example spec (examples.ts) could have come back with, shaped as the API
 * returns results: for tests, previews and trying the renderer out. Numbers are made up but
 * steady (no randomness), so pictures and tests do not change from run to run.
 */

const MONTHS = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}-01`);

function result(columns: [string, ColumnKind, string][], rows: unknown[][]): QueryResult {
  return { columns: columns.map(([name, kind, type]) => ({ name, kind, type })), rows, truncated: false };
}

/** A steady stream of pseudo-random numbers in [0, 1), the same on every run. */
function steady(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const revenue = [
  812_000, 790_500, 865_250, 901_100, 955_800, 1_010_400, 987_300, 1_045_000, 1_120_700, 1_098_900, 1_150_000,
  1_234_567,
];

const lineResult = result(
  [
    ['month', 'date', 'DATE'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  MONTHS.map((month, i) => [month, revenue[i]]),
);

const PLATFORMS = ['web', 'ios', 'android'];
const areaResult = result(
  [
    ['day', 'date', 'DATE'],
    ['platform', 'string', 'VARCHAR'],
    ['users', 'number', 'BIGINT'],
  ],
  Array.from({ length: 14 }, (_, d) => `2024-03-${String(d + 1).padStart(2, '0')}`).flatMap((day, d) =>
    PLATFORMS.map((platform, p) => [day, platform, 1200 + p * 450 + ((d * 37 + p * 91) % 240)]),
  ),
);

const barResult = result(
  [
    ['country', 'string', 'VARCHAR'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  [
    ['Germany', 2_450_000],
    ['France', 1_980_000],
    ['United Kingdom', 1_720_000],
    ['Netherlands', 1_105_000],
    ['Spain', 980_500],
    ['Italy', 870_200],
    ['Sweden', 640_000],
    ['Belgium', 512_300],
    ['Poland', 430_900],
    ['Austria', 301_000],
  ],
);

const STATUSES = ['delivered', 'returned', 'cancelled'];
const stackedBarResult = result(
  [
    ['quarter', 'date', 'DATE'],
    ['status', 'string', 'VARCHAR'],
    ['orders', 'number', 'BIGINT'],
  ],
  ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'].flatMap((quarter, q) =>
    STATUSES.map((status, s) => [quarter, status, ([4200, 310, 180][s] ?? 0) + q * (150 - s * 60)]),
  ),
);

const pieResult = result(
  [
    ['device', 'string', 'VARCHAR'],
    ['sessions', 'number', 'BIGINT'],
  ],
  [
    ['Desktop', 48_210],
    ['Mobile', 61_877],
    ['Tablet', 7_904],
  ],
);

const donutResult = result(
  [
    ['category', 'string', 'VARCHAR'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  [
    ['Electronics', 3_120_000],
    ['Home & garden', 1_840_000],
    ['Clothing', 1_510_000],
    ['Books', 620_000],
    ['Toys', 410_000],
  ],
);

const PRODUCT_CATEGORIES = ['Electronics', 'Clothing', 'Books'];
const scatterNoise = steady(7);
const scatterResult = result(
  [
    ['product', 'string', 'VARCHAR'],
    ['category', 'string', 'VARCHAR'],
    ['price', 'number', 'DOUBLE'],
    ['units', 'number', 'BIGINT'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  Array.from({ length: 24 }, (_, i) => {
    const price = Math.round((8 + scatterNoise() * 240) * 100) / 100;
    const units = Math.round(4000 / Math.sqrt(price) + scatterNoise() * 300);
    return [`Product ${i + 1}`, PRODUCT_CATEGORIES[i % 3], price, units, Math.round(price * units)];
  }),
);

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const heatmapResult = result(
  [
    ['weekday', 'string', 'VARCHAR'],
    ['hour', 'number', 'BIGINT'],
    ['orders', 'number', 'BIGINT'],
  ],
  WEEKDAYS.flatMap((weekday, w) =>
    Array.from({ length: 24 }, (_, hour) => {
      const daytime = Math.max(0, Math.sin(((hour - 6) / 18) * Math.PI));
      return [weekday, hour, Math.round(20 + daytime * (w >= 5 ? 90 : 140) + ((w * 7 + hour * 3) % 11))];
    }),
  ),
);

const orderNoise = steady(42);
const histogramResult = result(
  [['amount', 'number', 'DOUBLE']],
  Array.from({ length: 400 }, () => {
    // The sum of three uniforms: roughly bell-shaped, like real order values.
    const bell = (orderNoise() + orderNoise() + orderNoise()) / 3;
    return [Math.round((20 + bell * 260) * 100) / 100];
  }),
);

/** Sorted latest first, as the example asks: the KPI still finds the latest month by its date. */
const kpiResult = result(
  [
    ['month', 'date', 'DATE'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  [
    ['2024-12-01', 1_234_567],
    ['2024-11-01', 1_098_900],
  ],
);

const FIRST_NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Tyrell'];
const COUNTRIES = ['Germany', 'France', 'Spain', 'Italy', 'Sweden'];
const tableResult = result(
  [
    ['customer', 'string', 'VARCHAR'],
    ['country', 'string', 'VARCHAR'],
    ['orders', 'number', 'BIGINT'],
    ['revenue', 'number', 'DOUBLE'],
  ],
  Array.from({ length: 40 }, (_, i) => [
    `${FIRST_NAMES[i % 10]} ${['GmbH', 'SA', 'Ltd', 'AB'][Math.floor(i / 10)]}`,
    COUNTRIES[i % 5],
    120 - i * 2,
    Math.round(250_000 / (i + 1)),
  ]),
);

const comboResult = result(
  [
    ['month', 'date', 'DATE'],
    ['revenue', 'number', 'DOUBLE'],
    ['cost', 'number', 'DOUBLE'],
  ],
  MONTHS.map((month, i) => [month, revenue[i], Math.round((revenue[i] ?? 0) * (0.62 + ((i * 5) % 9) / 100))]),
);

/** Every example result by chart type. */
export const EXAMPLE_RESULTS: Record<ChartType, QueryResult> = {
  line: lineResult,
  area: areaResult,
  bar: barResult,
  stacked_bar: stackedBarResult,
  pie: pieResult,
  donut: donutResult,
  scatter: scatterResult,
  heatmap: heatmapResult,
  histogram: histogramResult,
  kpi: kpiResult,
  table: tableResult,
  combo: comboResult,
};
