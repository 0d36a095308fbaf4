import { useQueries } from '@tanstack/react-query';
import { type Dashboard, dashboardQuery } from '../dashboard/dashboard-query';
import type { DashboardSummary } from './use-dashboards';

/** The card's facts about a dashboard, from the whole dashboard. */
function summarize({ tabs, ...dashboard }: Dashboard): DashboardSummary {
  return {
    ...dashboard,
    tab_count: tabs.length,
    chart_count: tabs.reduce((count, tab) => count + tab.charts.length, 0),
  };
}

/**
 * Some dashboards by id, in that order (starred, recently viewed). Each is the dashboard page's
 * own query, so opening one from here shows it at once. Ids of dashboards deleted meanwhile or no
 * longer visible to me are skipped without a word.
 */
export function useDashboardsById(ids: string[]): { items: DashboardSummary[]; pending: boolean } {
  return useQueries({
    queries: ids.map((id) => dashboardQuery(id)),
    combine: (results) => ({
      items: results.flatMap((result) => (result.data ? [summarize(result.data)] : [])),
      pending: results.some((result) => result.isPending),
    }),
  });
}
