import { isDeepStrictEqual } from 'node:util';
import type { Snapshot, SnapshotChart, SnapshotTab } from './snapshot.js';

const q = (text: string) => `“${text}”`;

/**
 * What changed from one snapshot to another, in sentences a person reads in the history panel.
 * Tabs and charts are matched by id, so a renamed or moved chart reads as such, not as a
 * deletion plus an addition.
 */
export function describeDiff(from: Snapshot, to: Snapshot): string[] {
  const lines: string[] = [];
  if (from.title !== to.title) lines.push(`Dashboard renamed from ${q(from.title)} to ${q(to.title)}`);
  if (from.description !== to.description) lines.push('Description changed');
  if (from.is_public !== to.is_public) lines.push(to.is_public ? 'Made public' : 'Made private');
  if (!isDeepStrictEqual(from.settings, to.settings)) lines.push('Dashboard settings changed');

  const fromTabs = new Map(from.tabs.map((tab) => [tab.id, tab]));
  const toTabs = new Map(to.tabs.map((tab) => [tab.id, tab]));
  for (const tab of to.tabs) {
    const before = fromTabs.get(tab.id);
    if (!before) {
      lines.push(`Tab ${q(tab.title)} added${tab.charts.length ? ` with ${tab.charts.length} chart(s)` : ''}`);
      continue;
    }
    if (before.title !== tab.title) lines.push(`Tab ${q(before.title)} renamed to ${q(tab.title)}`);
    if (before.description !== tab.description || !isDeepStrictEqual(before.settings, tab.settings)) {
      lines.push(`Tab ${q(tab.title)} edited`);
    }
  }
  for (const tab of from.tabs) {
    if (!toTabs.has(tab.id))
      lines.push(`Tab ${q(tab.title)} removed${tab.charts.length ? ` with ${tab.charts.length} chart(s)` : ''}`);
  }
  const order = (tabs: SnapshotTab[], keep: Set<string>) => tabs.filter((t) => keep.has(t.id)).map((t) => t.id);
  const common = new Set([...fromTabs.keys()].filter((id) => toTabs.has(id)));
  if (!isDeepStrictEqual(order(from.tabs, common), order(to.tabs, common))) lines.push('Tabs reordered');

  const chartsOf = (snapshot: Snapshot) =>
    new Map(snapshot.tabs.flatMap((tab) => tab.charts.map((chart) => [chart.id, { chart, tab }] as const)));
  const fromCharts = chartsOf(from);
  const toCharts = chartsOf(to);
  for (const [id, { chart, tab }] of toCharts) {
    const before = fromCharts.get(id);
    if (!before) {
      lines.push(`Chart ${q(chart.title)} added to tab ${q(tab.title)}`);
      continue;
    }
    if (before.tab.id !== tab.id)
      lines.push(`Chart ${q(chart.title)} moved from tab ${q(before.tab.title)} to ${q(tab.title)}`);
    lines.push(...describeChartEdit(before.chart, chart));
  }
  for (const [id, { chart, tab }] of fromCharts) {
    if (!toCharts.has(id)) lines.push(`Chart ${q(chart.title)} removed from tab ${q(tab.title)}`);
  }
  for (const tab of to.tabs) {
    const before = fromTabs.get(tab.id);
    if (!before) continue;
    const stay = (charts: SnapshotChart[]) =>
      charts
        .filter((c) => before.charts.some((b) => b.id === c.id) && tab.charts.some((t) => t.id === c.id))
        .map((c) => c.id);
    if (!isDeepStrictEqual(stay(before.charts), stay(tab.charts)))
      lines.push(`Charts reordered in tab ${q(tab.title)}`);
  }
  return lines;
}

function describeChartEdit(before: SnapshotChart, after: SnapshotChart): string[] {
  const lines: string[] = [];
  if (before.title !== after.title) lines.push(`Chart ${q(before.title)} renamed to ${q(after.title)}`);
  if (before.chart_type !== after.chart_type)
    lines.push(`Chart ${q(after.title)} changed from ${before.chart_type} to ${after.chart_type}`);
  if (!isDeepStrictEqual(before.configuration, after.configuration))
    lines.push(`Chart ${q(after.title)} configuration changed`);
  return lines;
}
