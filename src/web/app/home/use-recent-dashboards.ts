/** Remembers that the signed-in user opened this dashboard (placeholder until it is built). */
export function useRecordDashboardVisit(_dashboardId: string | undefined): void {}
