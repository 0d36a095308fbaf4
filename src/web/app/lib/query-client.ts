import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problems';
import { sessionStore } from './session-store';

/** Server state: answers stay fresh for a few seconds; a refused request (4xx) is not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !(error instanceof ApiProblem && error.status < 500) && failures < 2,
    },
  },
});

// Another user's answers must never show: everything cached is dropped when the user changes
// (sign-out, a session that ended, a sign-in here or in another tab).
let cachedFor = sessionStore.get()?.user.id ?? null;
sessionStore.subscribe(() => {
  const userId = sessionStore.get()?.user.id ?? null;
  if (userId === cachedFor) return;
  cachedFor = userId;
  queryClient.clear();
});
