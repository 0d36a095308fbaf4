import { useDocumentVisibility } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Calls `refresh` every `intervalMs` (null: never) while the browser tab is visible. A hidden tab
 * is not refreshed; when it shows again with a refresh overdue, that happens at once. Any refresh
 * (also a manual one through `refreshNow`) starts the interval over.
 */
export function useAutoRefresh(intervalMs: number | null, refresh: () => void) {
  const [lastRefreshed, setLastRefreshed] = useState(() => Date.now());
  // The latest callback, so that a new one each render does not restart the timer.
  const callback = useRef(refresh);
  useEffect(() => {
    callback.current = refresh;
  }, [refresh]);
  const refreshNow = useCallback(() => {
    setLastRefreshed(Date.now());
    callback.current();
  }, []);
  const visibility = useDocumentVisibility();

  useEffect(() => {
    if (intervalMs === null || visibility !== 'visible') return;
    const timer = setTimeout(refreshNow, Math.max(0, lastRefreshed + intervalMs - Date.now()));
    return () => clearTimeout(timer);
  }, [intervalMs, visibility, lastRefreshed, refreshNow]);

  return { lastRefreshed, refreshNow };
}
