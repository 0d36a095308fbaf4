import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { RECENT_KEY, recentVisits, visitWorthSaving, withVisit } from './preferences';
import { profileQuery, savePreferences, setCachedPreferences, useProfile } from './use-preferences';

/**
 * Remembers that the signed-in user opened this dashboard: once per page open, not again for a
 * reload moments later, and silently: a failure here must never get in the way of the dashboard.
 */
export function useRecordDashboardVisit(dashboardId: string | undefined): void {
  const queryClient = useQueryClient();
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!dashboardId || recorded.current === dashboardId) return;
    recorded.current = dashboardId;
    const record = async () => {
      // The cached profile when there is one (this tab is the one writing the list).
      const profile = await queryClient.fetchQuery({ ...profileQuery, staleTime: 60_000 });
      const recent = recentVisits(profile.preferences);
      if (!visitWorthSaving(recent, dashboardId, Date.now())) return;
      const next = withVisit(recent, dashboardId, new Date().toISOString());
      const saved = await savePreferences({ [RECENT_KEY]: next });
      setCachedPreferences(queryClient, { [RECENT_KEY]: saved.preferences[RECENT_KEY] });
    };
    record().catch(() => {
      // Not worth a word to the user: the list of recent dashboards is a convenience.
    });
  }, [dashboardId, queryClient]);
}

/** The dashboards I opened lately, most recent first. */
export function useRecentVisits() {
  const profile = useProfile();
  return { visits: recentVisits(profile.data?.preferences), loaded: profile.isSuccess };
}
