import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANON, type Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { openSharedDashboard } from './queries.js';
import {
  CreateShareLinkBody,
  NewShareLink,
  SharedDashboard,
  ShareLink,
  ShareLinkList,
  TokenParams,
  UnlockBody,
  UpdateShareLinkBody,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');
// Guessing link passwords is slowed down per client address.
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Share links: managed by dashboard editors; opened by anyone holding one. */
export function sharingRoutes(db: Database, publicUrl: string | undefined): FastifyPluginAsyncZod {
  // Links point where the caller reached us, unless a public address is configured.
  const baseUrl = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;

  return async (app) => {
    app.post(
      '/dashboards/:id/share-links',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Create a share link (optional expiry and password); the token is shown once',
          params: IdParams,
          body: CreateShareLinkBody,
          response: { 201: NewShareLink, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const link = await db.asCaller(user, (tx) =>
          service.createShareLink(tx, baseUrl(request), request.params.id, request.body),
        );
        return reply.code(201).send(link);
      },
    );

    app.get(
      '/dashboards/:id/share-links',
      {
        schema: {
          tags: ['sharing'],
          summary: 'The dashboard’s share links (never their tokens)',
          params: IdParams,
          response: { 200: ShareLinkList, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.listShareLinks(tx, request.params.id));
      },
    );

    app.patch(
      '/share-links/:id',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Change a link’s expiry, password or permissions',
          params: IdParams,
          body: UpdateShareLinkBody,
          response: { 200: ShareLink, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateShareLink(tx, request.params.id, request.body));
      },
    );

    app.post(
      '/share-links/:id/rotate',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Give the link a new token; the old one stops working at once',
          params: IdParams,
          response: { 200: NewShareLink, ...problemResponses(401, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.rotateShareLink(tx, baseUrl(request), request.params.id));
      },
    );

    app.delete(
      '/share-links/:id',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Revoke a share link',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 404) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.revokeShareLink(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );

    // Public: runs as anon whoever calls, and reveals nothing about the owner.
    app.get(
      '/public/shared/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'Open a shared dashboard (send the password in X-Share-Password where one is set)',
          security: [],
          params: TokenParams,
          headers: z.object({ 'x-share-password': z.string().max(200).optional() }),
          response: { 200: SharedDashboard, ...problemResponses(401, 403, 404, 410, 429) },
        },
        config: { rateLimit: PUBLIC_RATE_LIMIT, allowAnonymous: true },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return db.asCaller(ANON, (tx) =>
          openSharedDashboard(tx, request.params.token, request.headers['x-share-password']),
        );
      },
    );

    app.post(
      '/public/shared/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'Open a password-protected shared dashboard',
          security: [],
          params: TokenParams,
          body: UnlockBody,
          response: { 200: SharedDashboard, ...problemResponses(401, 403, 404, 410, 429) },
        },
        config: { rateLimit: PUBLIC_RATE_LIMIT, allowAnonymous: true },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return db.asCaller(ANON, (tx) => openSharedDashboard(tx, request.params.token, request.body.password));
      },
    );
  };
}
