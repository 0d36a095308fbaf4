import { createPatch } from 'rfc6902';
import type { Tx } from '../../db/types.js';
import * as dashboards from '../dashboards/queries.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { describeDiff } from './describe-diff.js';
import * as q from './queries.js';

async function requireHistoryAccess(tx: Tx, dashboardId: string): Promise<void> {
  const access = await dashboards.dashboardAccess(tx, dashboardId);
  if (!access.visible) throw notFound('Dashboard not found');
}

export async function listVersions(tx: Tx, dashboardId: string, limit: number, before: number | undefined) {
  await requireHistoryAccess(tx, dashboardId);
  const items = await q.listVersions(tx, dashboardId, limit + 1, before);
  const page = items.slice(0, limit);
  return { items: page, next_before: items.length > limit ? (page.at(-1)?.version_number ?? null) : null };
}

export async function getVersion(tx: Tx, dashboardId: string, versionNumber: number) {
  const version = await q.getVersion(tx, dashboardId, versionNumber);
  if (!version) throw notFound(`Version ${versionNumber} not found`);
  return version;
}

/** Any two versions compared: an RFC 6902 patch from one snapshot to the other, and the same in words. */
export async function diffVersions(tx: Tx, dashboardId: string, from: number, to: number) {
  const [older, newer] = await Promise.all([getVersion(tx, dashboardId, from), getVersion(tx, dashboardId, to)]);
  return {
    from,
    to,
    patch: createPatch(older.snapshot, newer.snapshot),
    summary: describeDiff(older.snapshot, newer.snapshot),
  };
}

/**
 * Restoring writes the old content back and saves it as a new version: history is never
 * rewritten, and the restore itself can be undone by restoring the version before it.
 */
export async function restoreVersion(tx: Tx, dashboardId: string, versionNumber: number, etag: string | undefined) {
  const access = await dashboards.dashboardAccess(tx, dashboardId);
  if (!access.visible) throw notFound('Dashboard not found');
  if (!access.canEdit) throw forbidden('You may view this dashboard but not change it');
  const version = await getVersion(tx, dashboardId, versionNumber);
  // Claim the dashboard first: a concurrent edit either lands before (and the ETag check sees
  // it) or waits for the restore to finish.
  if (!(await dashboards.updateRow(tx, 'dashboards', dashboardId, etag, { title: version.snapshot.title }))) {
    throw new ApiError('precondition_failed');
  }
  await q.applySnapshot(tx, dashboardId, version.snapshot);
  const latest = await dashboards.saveDashboardVersion(tx, dashboardId, `Restored version ${versionNumber}`);
  return {
    restored_from: versionNumber,
    version_number: latest,
    dashboard: (await dashboards.getDashboardTree(tx, dashboardId)) as dashboards.DashboardJson,
  };
}
