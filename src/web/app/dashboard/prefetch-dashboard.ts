import { savedChartDataQuery } from '../charts/use-chart-data';
import { queryClient } from '../lib/query-client';
import { sessionStore } from '../lib/session-store';
import { dashboardQuery } from './dashboard-query';

/**
 * Starts everything a dashboard needs at the moment its address is known, instead of one after
 * the other as the page's code arrives and renders: the page's code, the dashboard, and as soon as
 * the dashboard is here, the data of the charts on the tab that will show. The page's own queries
 * then find their answers cached or on the way (same keys, same requests).
 */
export function prefetchDashboard(id: string, tabId: string | null): void {
  if (!sessionStore.get()) return;
  void import('../pages/DashboardPage');
  queryClient
    .fetchQuery({ ...dashboardQuery(id), staleTime: 10_000 })
    .then((dashboard) => {
      const tab = dashboard.tabs.find((t) => t.id === tabId) ?? dashboard.tabs[0];
      for (const chart of tab?.charts ?? [])
        if (Object.keys(chart.configuration).length > 0) void queryClient.prefetchQuery(savedChartDataQuery(chart));
    })
    // The page asks again and shows what went wrong.
    .catch(() => {});
}
