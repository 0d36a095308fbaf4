import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { SharedDashboard } from './schema.js';

// Secrets (the token hash, the password hash) are never selected: the API roles cannot read them.
const LINK_JSON = `json_build_object('id', l.id, 'dashboard_id', l.dashboard_id, 'permissions', l.permissions,
  'expires_at', l.expires_at, 'has_password', l.has_password, 'created_by', l.created_by,
  'created_at', l.created_at, 'updated_at', l.updated_at, 'last_accessed_at', l.last_accessed_at)`;

export interface ShareLinkJson {
  id: string;
  dashboard_id: string;
  permissions: Record<string, unknown>;
  expires_at: string | null;
  has_password: boolean;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string | null;
}

export async function insertShareLink(
  tx: Tx,
  link: {
    dashboardId: string;
    /** The bearer token; only its hash (private.share_token_hash, the one shared_dashboard checks) is stored. */
    token: string;
    expiresAt: string | null;
    password: string | null;
    permissions: object;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.sharing_links (dashboard_id, token, expires_at, password_hash, permissions)
     values ($1, private.share_token_hash($2), $3, private.share_password_hash($4), $5) returning id`,
    [link.dashboardId, link.token, link.expiresAt, link.password, link.permissions],
  );
  return (rows[0] as { id: string }).id;
}

export async function getShareLink(tx: Tx, id: string): Promise<ShareLinkJson | undefined> {
  const { rows } = await tx.query<{ link: ShareLinkJson }>(
    `select ${LINK_JSON} as link from public.sharing_links l where l.id = $1`,
    [id],
  );
  return rows[0]?.link;
}

export async function listShareLinks(tx: Tx, dashboardId: string): Promise<ShareLinkJson[]> {
  const { rows } = await tx.query<{ link: ShareLinkJson }>(
    `select ${LINK_JSON} as link from public.sharing_links l where l.dashboard_id = $1 order by l.created_at desc`,
    [dashboardId],
  );
  return rows.map((r) => r.link);
}

export async function updateShareLink(
  tx: Tx,
  id: string,
  changes: {
    expiresAt?: string | null | undefined;
    password?: string | null | undefined;
    permissions?: object | undefined;
  },
): Promise<boolean> {
  // Only the columns that change are named: reading password_hash, even in "set x = x", needs a
  // privilege the API roles do not have.
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (assignment: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    sets.push(assignment(`$${params.length}`));
  };
  if (changes.expiresAt !== undefined) set((p) => `expires_at = ${p}::timestamptz`, changes.expiresAt);
  if (changes.password !== undefined) set((p) => `password_hash = private.share_password_hash(${p})`, changes.password);
  if (changes.permissions !== undefined) set((p) => `permissions = ${p}`, changes.permissions);
  if (sets.length === 0) return true;
  const { rowCount } = await tx.query(`update public.sharing_links set ${sets.join(', ')} where id = $1`, params);
  return rowCount > 0;
}

/** Replaces the token: the old one stops working at once. */
export async function replaceShareToken(tx: Tx, id: string, token: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'update public.sharing_links set token = private.share_token_hash($2) where id = $1',
    [id, token],
  );
  return rowCount > 0;
}

export async function deleteShareLink(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.sharing_links where id = $1', [id]);
  return rowCount > 0;
}

/** The shared dashboard, through the one function that checks token, expiry, permissions and password. */
export async function openSharedDashboard(
  tx: Tx,
  token: string,
  password: string | undefined,
): Promise<SharedDashboardJson> {
  const { rows } = await tx.query<{ dashboard: SharedDashboardJson }>(
    'select public.shared_dashboard($1, $2) as dashboard',
    [token, password ?? null],
  );
  return (rows[0] as { dashboard: SharedDashboardJson }).dashboard;
}

export type SharedDashboardJson = z.infer<typeof SharedDashboard>;
