import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { DatasetColumn } from '../../shared/datasets.js';
import { ownerJson } from '../ownership.js';
import type { Dataset } from './schema.js';

// Datasets are shaped into their API form by the database, from an explicit list of columns
// (storage_key, the file's name, is the server's business and is never shown). Row-level security
// decides which datasets exist for the caller.

const writable = `coalesce(d.owner_user_id = (select auth.uid())
  or d.owner_team_id = any((select private.my_team_ids('editor'))::uuid[]), false)`;

const DATASET_JSON = `json_build_object(
  'id', d.id, 'name', d.name, 'description', d.description, 'table_name', d.table_name,
  'owner', ${ownerJson('d')}, 'source', d.source, 'columns', d.columns, 'row_count', d.row_count,
  'size_bytes', d.size_bytes, 'data_version', d.data_version, 'loaded_at', d.loaded_at,
  'loaded_by', d.loaded_by, 'created_by', d.created_by,
  'abilities', json_build_object('can_edit', ${writable}, 'can_delete', ${writable}),
  'created_at', d.created_at, 'updated_at', d.updated_at)`;

export type DatasetJson = z.infer<typeof Dataset>;

export async function getDataset(tx: Tx, id: string): Promise<DatasetJson | undefined> {
  const { rows } = await tx.query<{ dataset: DatasetJson }>(
    `select ${DATASET_JSON} as dataset from public.datasets d where d.id = $1`,
    [id],
  );
  return rows[0]?.dataset;
}

export interface DatasetFilter {
  scope: 'all' | 'personal' | 'team';
  teamId?: string | undefined;
  q?: string | undefined;
  limit: number;
  after?: { updatedAt: string; id: string } | undefined;
}

/** The datasets the caller can read, newest first. */
export async function listDatasets(tx: Tx, filter: DatasetFilter): Promise<DatasetJson[]> {
  const scope = {
    all: 'true',
    personal: 'd.owner_user_id = (select auth.uid())',
    team: 'd.owner_team_id is not null',
  }[filter.scope];
  const { rows } = await tx.query<{ dataset: DatasetJson }>(
    `select ${DATASET_JSON} as dataset
     from public.datasets d
     where ${scope}
       and ($2::uuid is null or d.owner_team_id = $2)
       and ($3::text is null or d.name ilike '%' || $3 || '%' or d.table_name ilike '%' || $3 || '%')
       and ($4::timestamptz is null or (d.updated_at, d.id) < ($4::timestamptz, $5::uuid))
     order by d.updated_at desc, d.id desc
     limit $1`,
    [filter.limit, filter.teamId ?? null, filter.q ?? null, filter.after?.updatedAt ?? null, filter.after?.id ?? null],
  );
  return rows.map((r) => r.dataset);
}

/** Whether the caller may create a dataset for this owner (himself, or a team where he is editor or admin). */
export async function canCreateFor(tx: Tx, teamId: string | null): Promise<boolean> {
  if (!teamId) return true;
  const { rows } = await tx.query<{ ok: boolean }>(
    `select $1::uuid = any((select private.my_team_ids('editor'))::uuid[]) as ok`,
    [teamId],
  );
  return rows[0]?.ok ?? false;
}

/** Whether the caller can see a team at all (to answer 404 rather than 403 for a team he is not in). */
export async function isTeamMember(tx: Tx, teamId: string): Promise<boolean> {
  const { rows } = await tx.query<{ ok: boolean }>(
    `select $1::uuid = any((select private.my_team_ids('viewer'))::uuid[]) as ok`,
    [teamId],
  );
  return rows[0]?.ok ?? false;
}

/** The table names already taken by datasets of this owner that start with base. */
export async function takenTableNames(tx: Tx, teamId: string | null, base: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ table_name: string }>(
    `select d.table_name from public.datasets d
     where (case when $1::uuid is null then d.owner_user_id = (select auth.uid()) else d.owner_team_id = $1 end)
       and d.table_name like $2 || '%'`,
    [teamId, base],
  );
  return new Set(rows.map((r) => r.table_name));
}

export interface LoadedData {
  storageKey: string;
  source: object;
  columns: DatasetColumn[];
  rowCount: number;
  sizeBytes: number;
}

export async function insertDataset(
  tx: Tx,
  fields: {
    id: string;
    name: string;
    description: string | null;
    tableName: string;
    ownerUserId: string | null;
    ownerTeamId: string | null;
    data: LoadedData;
  },
): Promise<void> {
  await tx.query(
    `insert into public.datasets
       (id, name, description, table_name, owner_user_id, owner_team_id, source, columns, row_count, size_bytes, storage_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      fields.id,
      fields.name,
      fields.description,
      fields.tableName,
      fields.ownerUserId,
      fields.ownerTeamId,
      fields.data.source,
      JSON.stringify(fields.data.columns),
      fields.data.rowCount,
      fields.data.sizeBytes,
      fields.data.storageKey,
    ],
  );
}

/**
 * Points the dataset at a new load, if it still is on the load the new one was built from
 * (null: none). False when someone else loaded in between, or the caller may not write it.
 */
export async function commitLoad(tx: Tx, id: string, basedOn: string | null, data: LoadedData): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update public.datasets
     set storage_key = $3, source = $4, columns = $5, row_count = $6, size_bytes = $7
     where id = $1 and storage_key is not distinct from $2::uuid`,
    [id, basedOn, data.storageKey, data.source, JSON.stringify(data.columns), data.rowCount, data.sizeBytes],
  );
  return rowCount > 0;
}

export async function updateDataset(
  tx: Tx,
  id: string,
  changes: { name?: string | undefined; description?: string | null | undefined },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update public.datasets set
       name = coalesce($2, name),
       description = case when $3 then $4 else description end
     where id = $1`,
    [id, changes.name ?? null, changes.description !== undefined, changes.description ?? null],
  );
  return rowCount > 0;
}

export async function deleteDataset(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.datasets where id = $1', [id]);
  return rowCount > 0;
}

export interface ChartUse {
  chart_id: string;
  chart_title: string;
  tab_id: string;
  tab_title: string;
  dashboard_id: string;
  dashboard_title: string;
}

/** The charts the caller can see that draw from this dataset, and how many there are in all. */
export async function chartsUsingDataset(tx: Tx, id: string): Promise<{ visible: ChartUse[]; total: number }> {
  const { rows } = await tx.query<ChartUse>(
    `select c.id as chart_id, c.title as chart_title, t.id as tab_id, t.title as tab_title,
            b.id as dashboard_id, b.title as dashboard_title
     from public.charts c
     join public.dashboard_tabs t on t.id = c.dashboard_tab_id
     join public.dashboards b on b.id = t.dashboard_id
     where c.configuration @> jsonb_build_object('data', jsonb_build_object('dataset_id', $1::text))
     order by b.title, t.position, c.position
     limit 100`,
    [id],
  );
  const count = await tx.query<{ n: number | null }>('select public.dataset_chart_count($1) as n', [id]);
  return { visible: rows, total: Math.max(count.rows[0]?.n ?? 0, rows.length) };
}

export interface ReadableDataset {
  id: string;
  table_name: string;
  storage_key: string | null;
  columns: DatasetColumn[];
  personal: boolean;
}

/** The datasets the caller can read that go by these table names (or have this id). */
export async function readableDatasets(tx: Tx, tableNames: string[], id: string | null): Promise<ReadableDataset[]> {
  const { rows } = await tx.query<ReadableDataset>(
    `select d.id, d.table_name, d.storage_key, d.columns, d.owner_user_id is not null as personal
     from public.datasets d
     where d.table_name = any($1::text[]) or d.id = $2::uuid`,
    [tableNames, id],
  );
  return rows;
}
