import { type Placement, savedLayout } from '../dashboard/layout';

// Two versions of a dashboard side by side: which tabs and charts were added, removed, changed or
// moved. Tabs and charts keep their ids across versions (the server's describe-diff.ts matches
// them the same way), so a renamed chart reads as changed, not as one removed and one added.

/** A version's snapshot, as GET /api/dashboards/{id}/versions/{number} returns it. */
export interface Snapshot {
  title: string;
  description: string | null;
  settings: Record<string, unknown>;
  tabs: SnapshotTab[];
}

export interface SnapshotTab {
  id: string;
  title: string;
  position: number;
  charts: SnapshotChart[];
}

export interface SnapshotChart {
  id: string;
  title: string;
  chart_type: string;
  configuration: Record<string, unknown>;
  position: number;
}

/** What can differ between two versions of the same chart, in the words the compare view uses. */
export const CHART_PROPERTIES = ['title', 'type', 'query', 'calculations', 'columns', 'style', 'tab', 'place'] as const;
export type ChartProperty = (typeof CHART_PROPERTIES)[number];

export type ChartStatus = 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';
export type TabStatus = 'added' | 'removed' | 'renamed' | 'unchanged';

export interface ChartComparison {
  id: string;
  status: ChartStatus;
  /** Every property that differs; a chart both edited and moved is "changed" with "tab" or "place" here. */
  changed: ChartProperty[];
  /** The chart in the older ("from") and newer ("to") version, where it exists. */
  before: SnapshotChart | null;
  after: SnapshotChart | null;
  /** Titles of the tabs it sits on in each version. */
  tabBefore: string | null;
  tabAfter: string | null;
}

export interface TabComparison {
  id: string;
  status: TabStatus;
  titleBefore: string | null;
  titleAfter: string | null;
}

export interface VersionComparison {
  charts: Map<string, ChartComparison>;
  tabs: Map<string, TabComparison>;
}

const CONFIGURATION_PARTS: [ChartProperty, string][] = [
  ['query', 'data'],
  ['calculations', 'calculations'],
  ['columns', 'encoding'],
  ['style', 'style'],
];

/** Structural equality of JSON values (key order ignored, as jsonb ignores it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => sameJson(left[key], right[key]));
}

/** The chart's type: the column, or the spec's when the spec says otherwise (older rows). */
function chartType(chart: SnapshotChart): string {
  const specType = chart.configuration.type;
  return typeof specType === 'string' ? specType : chart.chart_type;
}

function samePlace(a: Placement | undefined, b: Placement | undefined): boolean {
  // A chart that had no saved place in one version was laid out automatically: not a move.
  if (!a || !b) return true;
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** Which properties of a chart differ between two versions of it. */
export function chartChanges(
  before: SnapshotChart,
  after: SnapshotChart,
  where: {
    tabIdBefore: string;
    tabIdAfter: string;
    placeBefore?: Placement | undefined;
    placeAfter?: Placement | undefined;
  },
): ChartProperty[] {
  const changed: ChartProperty[] = [];
  if (before.title !== after.title) changed.push('title');
  if (chartType(before) !== chartType(after)) changed.push('type');
  for (const [property, key] of CONFIGURATION_PARTS) {
    if (!sameJson(before.configuration[key], after.configuration[key])) changed.push(property);
  }
  if (where.tabIdBefore !== where.tabIdAfter) changed.push('tab');
  else if (!samePlace(where.placeBefore, where.placeAfter)) changed.push('place');
  return changed;
}

function chartsById(snapshot: Snapshot) {
  return new Map(snapshot.tabs.flatMap((tab) => tab.charts.map((chart) => [chart.id, { chart, tab }] as const)));
}

/** Pairs the tabs and charts of two versions by id and says what happened to each. */
export function compareVersions(from: Snapshot, to: Snapshot): VersionComparison {
  const tabs = new Map<string, TabComparison>();
  const toTabs = new Map(to.tabs.map((tab) => [tab.id, tab]));
  for (const tab of from.tabs) {
    const after = toTabs.get(tab.id);
    tabs.set(tab.id, {
      id: tab.id,
      status: !after ? 'removed' : after.title !== tab.title ? 'renamed' : 'unchanged',
      titleBefore: tab.title,
      titleAfter: after?.title ?? null,
    });
  }
  for (const tab of to.tabs) {
    if (!tabs.has(tab.id)) tabs.set(tab.id, { id: tab.id, status: 'added', titleBefore: null, titleAfter: tab.title });
  }

  const placesBefore = savedLayout(from.settings);
  const placesAfter = savedLayout(to.settings);
  const fromCharts = chartsById(from);
  const toCharts = chartsById(to);
  const charts = new Map<string, ChartComparison>();
  for (const [id, { chart, tab }] of fromCharts) {
    const after = toCharts.get(id);
    if (!after) {
      charts.set(id, {
        id,
        status: 'removed',
        changed: [],
        before: chart,
        after: null,
        tabBefore: tab.title,
        tabAfter: null,
      });
      continue;
    }
    const changed = chartChanges(chart, after.chart, {
      tabIdBefore: tab.id,
      tabIdAfter: after.tab.id,
      placeBefore: placesBefore[id],
      placeAfter: placesAfter[id],
    });
    const moved = changed.includes('tab') || changed.includes('place');
    const edited = changed.some((property) => property !== 'tab' && property !== 'place');
    charts.set(id, {
      id,
      status: edited ? 'changed' : moved ? 'moved' : 'unchanged',
      changed,
      before: chart,
      after: after.chart,
      tabBefore: tab.title,
      tabAfter: after.tab.title,
    });
  }
  for (const [id, { chart, tab }] of toCharts) {
    if (!charts.has(id))
      charts.set(id, {
        id,
        status: 'added',
        changed: [],
        before: null,
        after: chart,
        tabBefore: null,
        tabAfter: tab.title,
      });
  }
  return { charts, tabs };
}

const PROPERTY_WORDS: Record<ChartProperty, string> = {
  title: 'title',
  type: 'chart type',
  query: 'query',
  calculations: 'calculations',
  columns: 'columns shown',
  style: 'style',
  tab: 'tab',
  place: 'place on the grid',
};

/**
 * Per chart that is not the same in both versions, one line in words: "“Revenue”: title, chart
 * type and style changed". Added and removed charts are left to the server's summary, which
 * names them already.
 */
export function describeChartChanges(comparison: VersionComparison): { id: string; title: string; text: string }[] {
  const lines: { id: string; title: string; text: string }[] = [];
  for (const chart of comparison.charts.values()) {
    if ((chart.status !== 'changed' && chart.status !== 'moved') || !chart.after) continue;
    const words = chart.changed.map((property) => PROPERTY_WORDS[property]);
    const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
    lines.push({ id: chart.id, title: chart.after.title, text: `${list} changed` });
  }
  return lines;
}

/** How many charts were added, removed, changed and moved (for the headline of the changes list). */
export function countChanges(comparison: VersionComparison): Record<Exclude<ChartStatus, 'unchanged'>, number> {
  const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const chart of comparison.charts.values()) if (chart.status !== 'unchanged') counts[chart.status] += 1;
  return counts;
}

/** A snapshot from the API's untyped JSON, with anything missing filled in so the view cannot crash. */
export function readSnapshot(raw: Record<string, unknown>): Snapshot {
  const tabs = Array.isArray(raw.tabs) ? (raw.tabs as Partial<SnapshotTab>[]) : [];
  return {
    title: typeof raw.title === 'string' ? raw.title : '',
    description: typeof raw.description === 'string' ? raw.description : null,
    settings: isObject(raw.settings) ? raw.settings : {},
    tabs: tabs
      .filter((tab) => typeof tab.id === 'string')
      .map((tab) => ({
        id: tab.id as string,
        title: tab.title ?? '',
        position: tab.position ?? 0,
        charts: (Array.isArray(tab.charts) ? tab.charts : [])
          .filter((chart) => typeof chart?.id === 'string')
          .map((chart) => ({
            id: chart.id,
            title: chart.title ?? '',
            chart_type: chart.chart_type ?? '',
            configuration: isObject(chart.configuration) ? chart.configuration : {},
            position: chart.position ?? 0,
          }))
          .sort((a, b) => a.position - b.position),
      }))
      .sort((a, b) => a.position - b.position),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
