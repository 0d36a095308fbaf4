import { useQuery } from '@tanstack/react-query';
import type { ChartSpec, QueryResult } from '../../../shared/chart-spec';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export interface ChartData {
  spec: ChartSpec;
  result: QueryResult;
}

/** A saved chart's spec (defaults filled in) and rows; fetched again whenever the chart changes. */
export function savedChartDataQuery(chart: { id: string; updated_at: string }) {
  return {
    queryKey: queryKeys.chartData(chart.id, chart.updated_at),
    staleTime: 60_000,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<ChartData> => {
      const data = unwrap(await api.GET('/api/charts/{id}/data', { params: { path: { id: chart.id } }, signal }));
      return { spec: data.spec as unknown as ChartSpec, result: data.result as QueryResult };
    },
  };
}

export function useSavedChartData(chart: { id: string; updated_at: string }, enabled = true) {
  return useQuery({ ...savedChartDataQuery(chart), enabled });
}

/** The rows of a chart spec that is not saved (the assistant's inline charts). */
export function useSpecData(spec: ChartSpec | undefined) {
  return useQuery({
    queryKey: queryKeys.specData(spec),
    enabled: spec !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const data = unwrap(await api.POST('/api/charts/data', { body: { spec: spec as never }, signal }));
      return { spec: data.spec as unknown as ChartSpec, result: data.result as QueryResult } satisfies ChartData;
    },
  });
}
