import { Box, Container, Drawer, Stack } from '@mantine/core';
import { useDisclosure, useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { DashboardHeader } from '../dashboard/DashboardHeader';
import { DashboardView } from '../dashboard/DashboardView';
import { KioskFrame } from '../dashboard/KioskFrame';
import { refreshIntervalMs } from '../dashboard/refresh-interval';
import { useAutoRefresh } from '../dashboard/use-auto-refresh';
import { useDashboard } from '../dashboard/use-dashboard';
import { useRecordDashboardVisit } from '../home/use-recent-dashboards';
import { ApiProblem } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { useIdle } from '../lib/use-idle';
import { VersionHistoryDrawer } from '../versions/VersionHistoryDrawer';
import { NotFoundPage } from './NotFoundPage';

// The assistant (the AI SDK) loads when the panel first opens.
const ChatPanel = lazy(() => import('../chat/ChatPanel'));

const CHAT_WIDTH = 400;

/** A dashboard: its tabs and charts, the version history, and the assistant beside it. */
export default function DashboardPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const dashboard = useDashboard(id);
  useRecordDashboardVisit(dashboard.data?.id);
  const [historyOpen, history] = useDisclosure(false);
  const [chatOpen, setChatOpen] = useLocalStorage({
    key: 'ocp-chat-open',
    defaultValue: window.innerWidth >= 1200,
    getInitialValueInEffect: false,
  });
  const refreshing = useIsFetching({ queryKey: ['chart-data'] }) > 0;
  // Auto-refresh lives in the URL (?refresh=1m, as in Grafana), so a shared link or a wall screen keeps it.
  const autoRefresh = params.get('refresh') ?? 'off';
  const intervalMs = refreshIntervalMs(autoRefresh);
  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(id) });
    void queryClient.invalidateQueries({ queryKey: ['chart-data'] });
  }, [queryClient, id]);
  const { lastRefreshed, refreshNow } = useAutoRefresh(dashboard.isSuccess ? intervalMs : null, reload);
  const setParam = (name: string, value: string | null) => setParams(withParam(name, value), { replace: true });
  // Kiosk mode is in the URL too (?kiosk, as in Grafana): a wall screen opens straight into it.
  const kiosk = params.has('kiosk');
  const exitKiosk = useCallback(() => setParams(withParam('kiosk', null), { replace: true }), [setParams]);
  // On narrow screens the assistant slides over the dashboard instead of squeezing it.
  const narrow = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  // The assistant waits for the dashboard's first drawing rather than compete with it.
  const chatMayLoad = useIdle(dashboard.isSuccess);

  if (dashboard.isPending) return <PageLoader label="Loading the dashboard" />;
  if (dashboard.isError) {
    if (dashboard.error instanceof ApiProblem && dashboard.error.status === 404)
      return <NotFoundPage what="dashboard" />;
    return (
      <Container py="lg">
        <ErrorAlert
          error={dashboard.error}
          title="The dashboard could not be loaded"
          onRetry={() => dashboard.refetch()}
        />
      </Container>
    );
  }

  const view = (
    <DashboardView
      dashboard={dashboard.data}
      activeTabId={params.get('tab')}
      onSelectTab={(tabId) => setParam('tab', tabId)}
    />
  );
  if (kiosk) {
    return (
      <KioskFrame title={dashboard.data.title} onExit={exitKiosk}>
        {view}
      </KioskFrame>
    );
  }

  return (
    <Box style={{ display: 'flex', height: 'calc(100dvh - var(--app-shell-header-height, 56px))' }}>
      <Box style={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        <Stack gap="md" p="md">
          <DashboardHeader
            dashboard={dashboard.data}
            refreshing={refreshing}
            chatOpen={chatOpen}
            onRefresh={refreshNow}
            autoRefresh={intervalMs === null ? 'off' : autoRefresh}
            onAutoRefreshChange={(value) => setParam('refresh', value === 'off' ? null : value)}
            lastRefreshed={lastRefreshed}
            onHistory={history.open}
            onToggleChat={() => setChatOpen(!chatOpen)}
            onKiosk={() => {
              setParam('kiosk', '');
              // The browser's full screen too, where allowed (it needs this click; a link cannot ask).
              void document.documentElement.requestFullscreen?.().catch(() => {});
            }}
            onDeleted={() => {
              // Home first: dropped while still shown, the dashboard would flash its not-found page.
              void Promise.resolve(navigate('/', { replace: true })).then(() =>
                queryClient.removeQueries({ queryKey: queryKeys.dashboard(id), exact: true }),
              );
            }}
          />
          {view}
        </Stack>
      </Box>
      {chatOpen && !narrow && (
        <Box
          w={CHAT_WIDTH}
          style={{ flexShrink: 0, borderLeft: '1px solid var(--mantine-color-default-border)', height: '100%' }}
        >
          {chatMayLoad ? (
            <Suspense fallback={<PageLoader label="Loading the assistant" />}>
              <ChatPanel dashboardId={id} onClose={() => setChatOpen(false)} />
            </Suspense>
          ) : (
            <PageLoader label="Loading the assistant" />
          )}
        </Box>
      )}
      {narrow && (
        <Drawer
          opened={chatOpen}
          onClose={() => setChatOpen(false)}
          position="right"
          size={CHAT_WIDTH}
          // The title names the dialog for screen readers; the panel shows its own header.
          title="Assistant"
          padding={0}
          styles={{ header: { display: 'none' }, body: { height: '100%' } }}
        >
          <Suspense fallback={<PageLoader label="Loading the assistant" />}>
            <ChatPanel dashboardId={id} onClose={() => setChatOpen(false)} />
          </Suspense>
        </Drawer>
      )}
      <VersionHistoryDrawer
        dashboardId={id}
        opened={historyOpen}
        canRestore={dashboard.data.abilities.can_edit}
        onClose={history.close}
      />
    </Box>
  );
}

/** The search parameters with one set (or removed, for null), for setParams. */
function withParam(name: string, value: string | null) {
  return (old: URLSearchParams) => {
    const next = new URLSearchParams(old);
    if (value === null) next.delete(name);
    else next.set(name, value);
    return next;
  };
}
