/** Stars or unstars a dashboard for the signed-in user (placeholder until it is built). */
export function StarButton(_props: { dashboardId: string; title: string }) {
  return null;
}
