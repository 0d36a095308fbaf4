import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import { dashboardAccess } from '../dashboards/queries.js';
import { forbidden, notFound } from '../errors/api-error.js';
import * as q from './queries.js';
import type { CreateShareLinkBody, UpdateShareLinkBody } from './schema.js';

/** The page a share link opens, served by the web app. */
export const shareUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/s/${token}`;

const newToken = () => randomBytes(32).toString('base64url');

async function requireLinkManager(tx: Tx, dashboardId: string): Promise<void> {
  const access = await dashboardAccess(tx, dashboardId);
  if (!access.visible) throw notFound('Dashboard not found');
  if (!access.canEdit) throw forbidden('Only those who may edit the dashboard manage its share links');
}

async function requireLink(tx: Tx, id: string): Promise<q.ShareLinkJson> {
  const link = await q.getShareLink(tx, id);
  if (!link) throw notFound('Share link not found');
  return link;
}

export async function createShareLink(
  tx: Tx,
  publicUrl: string,
  dashboardId: string,
  body: z.infer<typeof CreateShareLinkBody>,
) {
  await requireLinkManager(tx, dashboardId);
  const token = newToken();
  const id = await q.insertShareLink(tx, {
    dashboardId,
    token,
    expiresAt: body.expires_at ?? null,
    password: body.password ?? null,
    permissions: body.permissions,
  });
  return { ...(await requireLink(tx, id)), token, url: shareUrl(publicUrl, token) };
}

export async function listShareLinks(tx: Tx, dashboardId: string) {
  await requireLinkManager(tx, dashboardId);
  return { items: await q.listShareLinks(tx, dashboardId) };
}

export async function updateShareLink(tx: Tx, id: string, body: z.infer<typeof UpdateShareLinkBody>) {
  await requireLink(tx, id);
  await q.updateShareLink(tx, id, {
    expiresAt: body.expires_at,
    password: body.password,
    permissions: body.permissions,
  });
  return requireLink(tx, id);
}

/** A new token for the same link; whoever held the old one loses access. */
export async function rotateShareLink(tx: Tx, publicUrl: string, id: string) {
  await requireLink(tx, id);
  const token = newToken();
  await q.replaceShareToken(tx, id, token);
  return { ...(await requireLink(tx, id)), token, url: shareUrl(publicUrl, token) };
}

export async function revokeShareLink(tx: Tx, id: string): Promise<void> {
  if (!(await q.deleteShareLink(tx, id))) throw notFound('Share link not found');
}
