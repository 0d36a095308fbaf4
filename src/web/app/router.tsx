import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';
import { prefetchDashboard } from './dashboard/prefetch-dashboard';
import { AuthPage } from './pages/AuthPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';

// The dashboard page brings ECharts, the grid and the chat: loaded when a dashboard is opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const DatasetsPage = lazy(() => import('./pages/DatasetsPage'));
const WorkspacePage = lazy(() => import('./pages/WorkspacePage'));
const ChatPage = lazy(() => import('./pages/ChatPage'));
// Settings: teams, agents, custom commands and the profile.
const TeamsPage = lazy(() => import('./pages/TeamsPage'));
const TeamPage = lazy(() => import('./pages/TeamPage'));
const AgentsPage = lazy(() => import('./pages/AgentsPage'));
const CommandsPage = lazy(() => import('./pages/CommandsPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
// Opened from a share link, signed out: no app frame, no sign-in.
const SharedDashboardPage = lazy(() => import('./pages/SharedDashboardPage'));

export const router = createBrowserRouter([
  { path: '/signin', element: <AuthPage mode="signin" />, errorElement: <RouteError /> },
  { path: '/signup', element: <AuthPage mode="signup" />, errorElement: <RouteError /> },
  {
    path: '/s/:token',
    element: (
      <Suspense fallback={<PageLoader />}>
        <SharedDashboardPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      {
        // A page that fails shows its error under the header, which keeps working.
        errorElement: <RouteError />,
        children: [
          { path: '/', element: <HomePage /> },
          {
            path: '/dashboards/:id',
            element: <DashboardPage />,
            // Not awaited: the page's code, the dashboard and its charts' data start loading at
            // once and side by side, and the page renders as soon as its code is here.
            loader: ({ params, request }) => {
              prefetchDashboard(params.id ?? '', new URL(request.url).searchParams.get('tab'));
              return null;
            },
            shouldRevalidate: ({ currentParams, nextParams }) => currentParams.id !== nextParams.id,
            hydrateFallbackElement: <PageLoader label="Loading the dashboard" />,
          },
          { path: '/datasets', element: <DatasetsPage /> },
          { path: '/workspace', element: <WorkspacePage /> },
          { path: '/chat', element: <ChatPage /> },
          { path: '/chat/:sessionId', element: <ChatPage /> },
          { path: '/teams', element: <TeamsPage /> },
          { path: '/teams/:id', element: <TeamPage /> },
          { path: '/agents', element: <AgentsPage /> },
          { path: '/commands', element: <CommandsPage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
