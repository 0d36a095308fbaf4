import type { ToolOutputs } from '../tools/contracts.js';
import { terms } from './words.js';

// Which of the dashboards find_dashboards answered the user meant by "the Sales dashboard": the
// one whose title holds the most of the words they said, among those they may edit.

type Dashboard = ToolOutputs['find_dashboards']['dashboards'][number];

/** How much of `name` the title says: 0 to 1, and 2 for the same words exactly. */
function titleFit(name: string, title: string): number {
  const said = terms(name);
  const has = terms(title);
  if (said.length === 0) return 0;
  if (said.join(' ') === has.join(' ')) return 2;
  return said.filter((t) => has.includes(t)).length / said.length;
}

/** The dashboards that match `name` well enough, best first (all of them when no name was said). */
function matching(dashboards: Dashboard[], name: string): Dashboard[] {
  if (!name.trim()) return dashboards;
  return dashboards
    .map((d) => ({ d, score: titleFit(name, d.title) }))
    .filter((m) => m.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .map((m) => m.d);
}

/** The best match the user may edit, if any. */
export function pickDashboard(dashboards: Dashboard[], name: string): Dashboard | undefined {
  return matching(dashboards, name).find((d) => d.can_edit);
}

/** A match the user may only view: said when a new dashboard is made instead. */
export function readOnlyMatch(dashboards: Dashboard[], name: string): Dashboard | undefined {
  return name.trim() ? matching(dashboards, name).find((d) => !d.can_edit) : undefined;
}
