import { useEffect, useState } from 'react';

/**
 * False until `after` is true and then the browser has a moment with nothing else to do (or
 * `timeoutMs` passed); true from then on. For what may wait behind the page's main content: the assistant beside a dashboard loads
 * after the charts' first drawing instead of competing with it for the main thread.
 */
export function useIdle(after: boolean, timeoutMs = 2000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!after || idle) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(() => setIdle(true), 0);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }, [after, idle, timeoutMs]);
  return idle;
}
