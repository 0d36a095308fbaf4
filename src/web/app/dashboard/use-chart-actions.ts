import { useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { QueryResult } from '../../../shared/chart-spec';
import { api } from '../lib/api';
import { expectOk, problemMessage, unwrap } from '../lib/problems';
import { toCsv } from './csv';
import { fileNameFor } from './file-name';
import { type Chart, type Dashboard, ifMatch, type Tab } from './use-dashboard';
import { useDashboardMutationHandlers } from './use-dashboard-mutation-handlers';

/** A tab holds at most this many charts (the database refuses more: migration 0003). */
export const MAX_CHARTS_PER_TAB = 10;

/** The size the server draws downloaded pictures at (16:9, large enough for a slide). */
const PICTURE = { width: 1200, height: 675 };

/**
 * What the chart menu does: copy, move and delete (each sends the ETag it was shown, then the
 * dashboard, its history and the charts' data are loaded again), and the downloads.
 */
export function useChartActions(dashboard: Dashboard) {
  const theme = useComputedColorScheme('light');
  // The charts' data too: a chart moved or removed changes what the tabs draw.
  const { onSettled, onError } = useDashboardMutationHandlers(dashboard.id, {
    subject: 'chart',
    alsoInvalidate: [['chart-data']],
  });

  const duplicate = useMutation({
    mutationFn: async (chart: Chart) =>
      unwrap(
        await api.POST('/api/tabs/{id}/charts', {
          params: { path: { id: chart.tab_id } },
          body: { title: copyTitle(chart.title), chart_type: chart.chart_type, configuration: chart.configuration },
        }),
      ),
    onSuccess: (copy) => notifications.show({ color: 'green', message: `Added “${copy.title}”` }),
    onSettled,
    onError,
  });
  const move = useMutation({
    mutationFn: async ({ chart, tab }: { chart: Chart; tab: Tab }) =>
      unwrap(
        await api.PATCH('/api/charts/{id}', {
          params: { path: { id: chart.id }, header: ifMatch(chart.etag) },
          body: { tab_id: tab.id },
        }),
      ),
    onSuccess: (_moved, { chart, tab }) =>
      notifications.show({ color: 'green', message: `Moved “${chart.title}” to “${tab.title}”` }),
    onSettled,
    onError,
  });
  const remove = useMutation({
    mutationFn: async (chart: Chart) =>
      expectOk(
        await api.DELETE('/api/charts/{id}', { params: { path: { id: chart.id }, header: ifMatch(chart.etag) } }),
      ),
    onSettled,
    onError,
  });

  const download = async (chart: Chart, format: 'png' | 'svg' | 'csv') => {
    try {
      const blob = format === 'csv' ? await csvOf(chart) : await pictureOf(chart, format, theme);
      saveBlob(blob, fileNameFor(chart.title, format));
    } catch (error) {
      notifications.show({ color: 'red', title: 'The download failed', message: problemMessage(error) });
    }
  };

  return { duplicate, move, remove, download };
}

/** "Revenue (copy)", within the 200 characters a title may have. */
function copyTitle(title: string): string {
  return `${title.slice(0, 200 - ' (copy)'.length)} (copy)`;
}

/** The chart drawn by the server (the same drawing as on screen), in the current theme. */
async function pictureOf(chart: Chart, format: 'png' | 'svg', theme: 'light' | 'dark'): Promise<Blob> {
  const options = { params: { path: { id: chart.id }, query: { ...PICTURE, theme } }, parseAs: 'blob' } as const;
  const answer =
    format === 'png'
      ? await api.GET('/api/charts/{id}/render.png', options)
      : await api.GET('/api/charts/{id}/render.svg', options);
  return unwrap(answer as { data?: Blob; error?: unknown; response: Response });
}

/** The chart's rows (after its calculations) as CSV, with a byte order mark so Excel reads UTF-8. */
async function csvOf(chart: Chart): Promise<Blob> {
  const data = unwrap(await api.GET('/api/charts/{id}/data', { params: { path: { id: chart.id } } }));
  const result = data.result as QueryResult;
  const csv = toCsv(
    result.columns.map((c) => c.name),
    result.rows,
  );
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

/** Hands a file to the browser's downloads. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
