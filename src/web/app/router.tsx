import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './components/AppLayout';
import { AuthPage } from './pages/AuthPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';

// The dashboard page brings ECharts, the grid and the chat: loaded when a dashboard is opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));

export const router = createBrowserRouter([
  { path: '/signin', element: <AuthPage mode="signin" />, errorElement: <RouteError /> },
  { path: '/signup', element: <AuthPage mode="signup" />, errorElement: <RouteError /> },
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
          { path: '/dashboards/:id', element: <DashboardPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
