import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChartSpec, QueryResult } from '../../../shared/chart-spec';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import type { DatasetInfo, Draft } from './spec-draft';

/** The datasets the chart can draw from: the caller's own and their teams' (the first hundred). */
export function useEditorDatasets() {
  return useQuery({
    // Under the datasets feature's key, so an upload or a rename elsewhere refreshes it.
    queryKey: ['datasets', 'chart-editor'],
    staleTime: 30_000,
    queryFn: async ({ signal }): Promise<DatasetInfo[]> => {
      const page = unwrap(await api.GET('/api/datasets', { params: { query: { scope: 'all', limit: 100 } }, signal }));
      return page.items.map(({ id, name, table_name, columns }) => ({ id, name, table_name, columns }));
    },
  });
}

/**
 * The dataset a chart draws from, by id: from the list when it is there, else asked for alone
 * (a team's dataset past the list's first hundred).
 */
export function useEditorDataset(list: DatasetInfo[] | undefined, id: string) {
  const listed = list?.find((d) => d.id === id);
  const single = useQuery({
    queryKey: ['datasets', 'detail', id],
    enabled: list !== undefined && !listed && id !== '',
    staleTime: 30_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/datasets/{id}', { params: { path: { id } }, signal })),
  });
  const found = listed ?? single.data;
  return {
    dataset: found
      ? { id: found.id, name: found.name, table_name: found.table_name, columns: found.columns }
      : undefined,
    error: single.error,
  };
}

export interface PreviewData {
  spec: ChartSpec;
  result: QueryResult;
  sql: string;
}

/**
 * The rows of the unsaved spec, for the preview (with the SQL that ran). Going back to a spec
 * seen a moment ago is answered from the cache; while the next answer loads, the last picture
 * stays.
 */
export function usePreviewData(spec: Draft | null) {
  return useQuery({
    queryKey: ['spec-data', 'editor', JSON.stringify(spec)],
    enabled: spec !== null,
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<PreviewData> => {
      const data = unwrap(await api.POST('/api/charts/data', { body: { spec: spec as never }, signal }));
      return { spec: data.spec as unknown as ChartSpec, result: data.result as QueryResult, sql: data.sql };
    },
  });
}

/** The value, once it has stayed the same for `ms` (the preview is asked for when typing pauses). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
