/** Every query's key in one place, so that invalidations cannot drift from the queries. */
export const queryKeys = {
  dashboards: ['dashboards'] as const,
  dashboardList: (filter: { scope: string; teamId?: string | undefined; q?: string | undefined }) =>
    ['dashboards', 'list', filter] as const,
  dashboard: (id: string) => ['dashboard', id] as const,
  versions: (dashboardId: string) => ['dashboard', dashboardId, 'versions'] as const,
  chartData: (chartId: string, updatedAt: string) => ['chart-data', chartId, updatedAt] as const,
  specData: (spec: unknown) => ['spec-data', JSON.stringify(spec)] as const,
  teams: ['teams'] as const,
  profile: ['profile'] as const,
  dashboardChat: (dashboardId: string) => ['chat', 'dashboard', dashboardId] as const,
  team: (id: string) => ['teams', 'detail', id] as const,
  teamInvitations: (id: string) => ['teams', 'invitations', id] as const,
  myInvitations: ['invitations'] as const,
  agents: ['agents'] as const,
  commands: ['commands'] as const,
  models: ['models'] as const,
};
