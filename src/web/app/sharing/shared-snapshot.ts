import { ChartSpec } from '../../../shared/chart-spec';

/** A chart of a shared dashboard, as the snapshot describes it. */
export interface SharedChart {
  id: string;
  title: string;
  /** The chart spec with its defaults filled in, null when the chart has none yet or it is unreadable. */
  spec: ChartSpec | null;
  /** Why there is no spec: not configured yet, or a configuration this version cannot read. */
  problem: 'not_configured' | 'invalid' | null;
}

export interface SharedTab {
  id: string;
  title: string;
  charts: SharedChart[];
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

function sharedChart(raw: unknown, index: number): SharedChart {
  const chart = record(raw);
  const configuration = record(chart.configuration);
  const title = text(chart.title, `Chart ${index + 1}`);
  const base = { id: text(chart.id, `chart-${index}`), title };
  if (Object.keys(configuration).length === 0) return { ...base, spec: null, problem: 'not_configured' };
  // The same schema the server checks with, which also fills in the defaults the drawing expects.
  const parsed = ChartSpec.safeParse(configuration);
  return parsed.success ? { ...base, spec: parsed.data, problem: null } : { ...base, spec: null, problem: 'invalid' };
}

/** The tabs of a shared dashboard's snapshot (a loose JSON document) in their order, typed. */
export function sharedTabs(tabs: readonly Record<string, unknown>[]): SharedTab[] {
  return [...tabs]
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
    .map((tab, index) => ({
      id: text(tab.id, `tab-${index}`),
      title: text(tab.title, `Tab ${index + 1}`),
      charts: (Array.isArray(tab.charts) ? tab.charts : [])
        .map((chart, i) => ({ chart, position: Number(record(chart).position ?? i) }))
        .sort((a, b) => a.position - b.position)
        .map(({ chart }, i) => sharedChart(chart, i)),
    }));
}
