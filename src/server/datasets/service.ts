import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Caller, Database } from '../../db/database.js';

type AuthenticatedUser = Extract<Caller, { kind: 'user' }>;

import { type LoadReport, loadIntoNewFile } from '../../data/ingest/load.js';
import type { DataServices } from '../../data/services.js';
import type { CsvOptions } from '../../shared/datasets.js';
import { ApiError, forbidden, invalidField, notFound } from '../errors/api-error.js';
import * as q from './queries.js';
import type { CreateDatasetBody, LoadDatasetBody, LoadReport as LoadReportSchema } from './schema.js';
import { findUpload, unreadable } from './uploads.js';

// Creating and reloading a dataset take three steps, so that no database transaction stays open
// while a file loads: check in PostgreSQL that the caller may do it; load the upload into a new
// DuckDB file; record the new file in PostgreSQL, if the dataset is still where the load began.
// Until that last step nothing the users see has changed, and a failed load changes nothing.

export type DatasetWithLoad = q.DatasetJson & { load: z.infer<typeof LoadReportSchema> };

const NOT_FOUND = 'Dataset not found';

/** A table name from a dataset's name: lower-case, letters, digits and _, at most 63 characters. */
export function tableNameFrom(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 55);
  if (!base) return 'dataset';
  return /^[0-9]/.test(base) ? `_${base}` : base;
}

function reportOf(report: LoadReport): z.infer<typeof LoadReportSchema> {
  return { row_count: report.rowCount, bad_rows: report.badRows, bad_row_count: report.badRowCount };
}

function sourceOf(meta: { file_name: string; format: string }, csv: CsvOptions | undefined, mode: string) {
  return { kind: 'upload', file_name: meta.file_name, format: meta.format, mode, ...(csv ? { csv } : {}) };
}

export async function createDataset(
  db: Database,
  data: DataServices,
  user: AuthenticatedUser,
  body: z.infer<typeof CreateDatasetBody>,
): Promise<DatasetWithLoad> {
  const teamId = body.team_id ?? null;
  const upload = await findUpload(data, user.userId, body.upload_id);
  if (body.csv && upload.meta.format !== 'csv')
    throw invalidField('/body/csv', `is only for CSV files; this one is ${upload.meta.format}`);

  // 1. May the caller create it there, and under which table name?
  const tableName = await db.asCaller(user, async (tx) => {
    if (teamId && !(await q.canCreateFor(tx, teamId))) {
      if (!(await q.isTeamMember(tx, teamId))) throw invalidField('/body/team_id', 'is not a team of yours');
      throw forbidden('Only editors and admins of a team may add datasets to it');
    }
    const wanted = body.table_name ?? tableNameFrom(body.name);
    const taken = await q.takenTableNames(tx, teamId, wanted);
    if (!taken.has(wanted)) return wanted;
    if (body.table_name)
      throw new ApiError('conflict', `The table name "${wanted}" is taken`, [
        { path: '/body/table_name', message: 'is taken by another dataset of this owner' },
      ]);
    let n = 2;
    while (taken.has(`${wanted}_${n}`)) n++;
    return `${wanted}_${n}`;
  });

  // 2. Load.
  const id = randomUUID();
  const storageKey = randomUUID();
  const csv = body.csv ?? upload.meta.csv ?? undefined;
  await data.storage.prepareDataset(id);
  let report: LoadReport;
  try {
    report = await loadIntoNewFile(
      { file: upload.file, format: upload.meta.format, csv },
      data.storage.datasetFile(id, storageKey),
    );
  } catch (error) {
    await data.storage.removeDataset(id);
    throw unreadable(error);
  }

  // 3. Record it.
  try {
    const dataset = await db.asCaller(user, async (tx) => {
      await q.insertDataset(tx, {
        id,
        name: body.name,
        description: body.description ?? null,
        tableName,
        ownerUserId: teamId ? null : user.userId,
        ownerTeamId: teamId,
        data: {
          storageKey,
          source: sourceOf(upload.meta, csv, 'create'),
          columns: report.columns,
          rowCount: report.rowCount,
          sizeBytes: report.sizeBytes,
        },
      });
      return (await q.getDataset(tx, id)) as q.DatasetJson;
    });
    await data.storage.removeUpload(user.userId, body.upload_id);
    return { ...dataset, load: reportOf(report) };
  } catch (error) {
    await data.storage.removeDataset(id);
    throw error;
  }
}

async function requireWritable(tx: Parameters<Parameters<Database['asCaller']>[1]>[0], id: string) {
  const dataset = await q.getDataset(tx, id);
  if (!dataset) throw notFound(NOT_FOUND);
  if (!dataset.abilities.can_edit)
    throw forbidden('Only the owner or the team’s editors and admins may change this dataset');
  return dataset;
}

/** Replaces or appends to a dataset's data from an upload; the old data serves until the new load is recorded. */
export async function loadDataset(
  db: Database,
  data: DataServices,
  user: AuthenticatedUser,
  id: string,
  body: z.infer<typeof LoadDatasetBody>,
): Promise<DatasetWithLoad> {
  const current = await db.asCaller(user, async (tx) => {
    await requireWritable(tx, id);
    const [row] = await q.readableDatasets(tx, [], id);
    return row as q.ReadableDataset;
  });
  const upload = await findUpload(data, user.userId, body.upload_id);
  if (body.csv && upload.meta.format !== 'csv')
    throw invalidField('/body/csv', `is only for CSV files; this one is ${upload.meta.format}`);
  if (body.mode === 'append' && !current.storage_key)
    throw invalidField('/body/mode', 'append needs data to append to; use replace');

  const storageKey = randomUUID();
  const csv = body.csv ?? upload.meta.csv ?? undefined;
  await data.storage.prepareDataset(id);
  const target = data.storage.datasetFile(id, storageKey);
  const appendTo =
    body.mode === 'append' && current.storage_key ? data.storage.datasetFile(id, current.storage_key) : undefined;
  let report: LoadReport;
  try {
    report = await loadIntoNewFile({ file: upload.file, format: upload.meta.format, csv }, target, appendTo);
  } catch (error) {
    await data.storage.removeOtherLoads(id, current.storage_key);
    throw unreadable(error);
  }
  const dataset = await db.asCaller(user, async (tx) => {
    const committed = await q.commitLoad(tx, id, current.storage_key, {
      storageKey,
      source: sourceOf(upload.meta, csv, body.mode),
      columns: report.columns,
      rowCount: report.rowCount,
      sizeBytes: report.sizeBytes,
    });
    return committed ? ((await q.getDataset(tx, id)) as q.DatasetJson) : undefined;
  });
  if (!dataset) {
    await data.storage.removeOtherLoads(id, null).catch(() => {});
    throw new ApiError('dataset_changed');
  }
  // Queries already running keep their open file; new ones see the new load.
  data.engine.forget(id);
  await data.storage.removeOtherLoads(id, storageKey);
  await data.storage.removeUpload(user.userId, body.upload_id);
  return { ...dataset, load: reportOf(report) };
}

/**
 * Deletes a dataset; while charts use it, only with force (409 lists the charts first, so that
 * the UI can ask).
 */
export async function deleteDataset(
  db: Database,
  data: DataServices,
  user: AuthenticatedUser,
  id: string,
  force: boolean,
): Promise<void> {
  await db.asCaller(user, async (tx) => {
    await requireWritable(tx, id);
    const usage = await q.chartsUsingDataset(tx, id);
    if (usage.total > 0 && !force) {
      const names = usage.visible.slice(0, 5).map((c) => `"${c.chart_title}" on "${c.dashboard_title}"`);
      const hidden = usage.total - usage.visible.length;
      throw new ApiError(
        'dataset_in_use',
        `${usage.total} chart${usage.total === 1 ? '' : 's'} use${usage.total === 1 ? 's' : ''} this dataset: ${names.join(', ')}${usage.visible.length > 5 ? ', …' : ''}${hidden > 0 ? ` (${hidden} on dashboards you cannot see)` : ''}. Delete with force=true to delete it anyway.`,
      );
    }
    if (!(await q.deleteDataset(tx, id))) throw notFound(NOT_FOUND);
  });
  data.engine.forget(id);
  await data.storage.removeDataset(id);
}
