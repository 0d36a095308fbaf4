import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import type { Upload } from './upload-file';

export type Dataset = components['schemas']['Dataset'];
export type DatasetWithLoadReport = components['schemas']['DatasetWithLoadReport'];
export type LoadReport = components['schemas']['LoadReport'];
export type CsvOptions = NonNullable<Upload['csv']>;
export type CsvColumnType = CsvOptions['columns'][number]['type'];
export type BadRow = LoadReport['bad_rows'][number];

/** The keys of this feature's queries (invalidated together after any change to a dataset). */
export const datasetKeys = {
  all: ['datasets'] as const,
  list: (q: string) => ['datasets', 'list', q] as const,
  detail: (id: string) => ['datasets', 'detail', id] as const,
  rows: (id: string, dataVersion: number, offset: number) => ['datasets', 'rows', id, dataVersion, offset] as const,
};

const PAGE_SIZE = 50;
/** Rows shown a page at a time in a dataset's preview. */
export const ROWS_PAGE_SIZE = 50;

/** The datasets I can read (mine and my teams'), newest first, a page at a time. */
export function useDatasetList(q: string) {
  return useInfiniteQuery({
    queryKey: datasetKeys.list(q),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/datasets', {
          params: {
            query: { scope: 'all', limit: PAGE_SIZE, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useDataset(id: string | null) {
  return useQuery({
    queryKey: datasetKeys.detail(id ?? ''),
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/datasets/{id}', { params: { path: { id: id ?? '' } }, signal })),
  });
}

/** A page of a dataset's rows; the page shown stays while the next one loads. */
export function useDatasetRows(dataset: Dataset, offset: number) {
  return useQuery({
    queryKey: datasetKeys.rows(dataset.id, dataset.data_version, offset),
    enabled: dataset.row_count > 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/datasets/{id}/rows', {
          params: { path: { id: dataset.id }, query: { limit: ROWS_PAGE_SIZE, offset } },
          signal,
        }),
      ),
  });
}

/** The charts that draw from a dataset (asked for before deleting it). */
export async function fetchDatasetUsage(id: string) {
  return unwrap(await api.GET('/api/datasets/{id}/usage', { params: { path: { id } } }));
}

/** Re-reads an upload's first rows with changed options (a column's type, the separators). */
export function usePreviewUpload() {
  return useMutation({
    mutationFn: async ({ uploadId, csv }: { uploadId: string; csv: CsvOptions }) =>
      unwrap(
        await api.POST('/api/uploads/{upload_id}/preview', {
          params: { path: { upload_id: uploadId } },
          body: { csv },
        }),
      ),
  });
}

export function useCreateDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      uploadId: string;
      name: string;
      teamId?: string | undefined;
      csv: CsvOptions | null;
    }) =>
      unwrap(
        await api.POST('/api/datasets', {
          body: {
            upload_id: input.uploadId,
            name: input.name,
            ...(input.teamId ? { team_id: input.teamId } : {}),
            ...(input.csv ? { csv: input.csv } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}

export function useLoadDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; uploadId: string; mode: 'replace' | 'append'; csv: CsvOptions | null }) =>
      unwrap(
        await api.POST('/api/datasets/{id}/load', {
          params: { path: { id: input.id } },
          body: { upload_id: input.uploadId, mode: input.mode, ...(input.csv ? { csv: input.csv } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}

export function useUpdateDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; name: string; description: string | null }) =>
      unwrap(
        await api.PATCH('/api/datasets/{id}', {
          params: { path: { id: input.id } },
          body: { name: input.name, description: input.description },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}

export function useDeleteDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, force }: { id: string; force: boolean }) =>
      expectOk(
        await api.DELETE('/api/datasets/{id}', {
          params: { path: { id }, query: force ? { force: 'true' } : {} },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}
