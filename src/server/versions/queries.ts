import type { Tx } from '../../db/types.js';
import type { Snapshot } from './snapshot.js';

const AUTHOR_JSON = `case when p.id is null then null
  else json_build_object('id', p.id, 'display_name', p.display_name, 'avatar_url', p.avatar_url) end`;

export interface VersionRow {
  version_number: number;
  change_summary: string | null;
  provenance: Record<string, unknown> | null;
  created_by: { id: string; display_name: string; avatar_url: string | null } | null;
  created_at: string;
  snapshot?: Snapshot;
}

/** A dashboard's history, newest first. Authors' names come from profile_cards (teammates only). */
export async function listVersions(
  tx: Tx,
  dashboardId: string,
  limit: number,
  before: number | undefined,
): Promise<VersionRow[]> {
  const { rows } = await tx.query<{ version: VersionRow }>(
    `select json_build_object('version_number', v.version_number, 'change_summary', v.change_summary,
                              'provenance', v.provenance,
                              'created_by', ${AUTHOR_JSON}, 'created_at', v.created_at) as version
     from public.dashboard_versions v
     left join lateral public.profile_cards(array[v.created_by]) p on true
     where v.dashboard_id = $1 and ($3::int is null or v.version_number < $3)
     order by v.version_number desc limit $2`,
    [dashboardId, limit, before ?? null],
  );
  return rows.map((r) => r.version);
}

export async function getVersion(
  tx: Tx,
  dashboardId: string,
  versionNumber: number,
): Promise<Required<VersionRow> | undefined> {
  const { rows } = await tx.query<{ version: Required<VersionRow> }>(
    `select json_build_object('version_number', v.version_number, 'change_summary', v.change_summary,
                              'provenance', v.provenance,
                              'created_by', ${AUTHOR_JSON}, 'created_at', v.created_at, 'snapshot', v.snapshot) as version
     from public.dashboard_versions v
     left join lateral public.profile_cards(array[v.created_by]) p on true
     where v.dashboard_id = $1 and v.version_number = $2`,
    [dashboardId, versionNumber],
  );
  return rows[0]?.version;
}

/**
 * Makes the dashboard's content what the snapshot says: its title, description and settings, its
 * tabs and charts. Visibility (is_public) is access control, not content, and is left as it is.
 * Tabs and charts keep their ids, except one that meanwhile lives on another dashboard, which is
 * copied under a new id rather than taken away from there.
 */
export async function applySnapshot(tx: Tx, dashboardId: string, snapshot: Snapshot): Promise<void> {
  await tx.query('update public.dashboards set title = $2, description = $3, settings = $4 where id = $1', [
    dashboardId,
    snapshot.title,
    snapshot.description,
    snapshot.settings,
  ]);
  await tx.query('delete from public.dashboard_tabs where dashboard_id = $1', [dashboardId]);
  for (const tab of snapshot.tabs) {
    const { rows } = await tx.query<{ id: string }>(
      `insert into public.dashboard_tabs (id, dashboard_id, title, description, position, settings)
       values (coalesce((select $1::uuid where not exists (select 1 from public.dashboard_tabs where id = $1)), gen_random_uuid()),
               $2, $3, $4, $5, $6)
       returning id`,
      [tab.id, dashboardId, tab.title, tab.description, tab.position, tab.settings],
    );
    const tabId = (rows[0] as { id: string }).id;
    for (const chart of tab.charts) {
      await tx.query(
        `insert into public.charts (id, dashboard_tab_id, title, chart_type, configuration, position)
         values (coalesce((select $1::uuid where not exists (select 1 from public.charts where id = $1)), gen_random_uuid()),
                 $2, $3, $4, $5, $6)`,
        [chart.id, tabId, chart.title, chart.chart_type, chart.configuration, chart.position],
      );
    }
  }
}
