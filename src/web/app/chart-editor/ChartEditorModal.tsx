import type { Chart, Dashboard } from '../dashboard/use-dashboard';

export interface ChartEditorModalProps {
  /** The dashboard the chart is on (or goes onto): its datasets' owner and its ETags. */
  dashboard: Dashboard;
  /** The tab a new chart goes onto. */
  tabId: string;
  /** The chart to edit; null makes a new one on `tabId`. */
  chart: Chart | null;
  onClose: () => void;
}

/** The chart editor (placeholder until it is built). Loaded on demand: `lazy(() => import(...))`. */
export default function ChartEditorModal(_props: ChartEditorModalProps) {
  return null;
}
