import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { Dashboard, IdParams, IfMatchHeaders } from '../dashboards/schema.js';
import { ifMatch, setEtag } from '../http/etag.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { DiffQuery, ListVersionsQuery, Version, VersionDiff, VersionList, VersionParams } from './schema.js';
import * as service from './service.js';

const RestoreResult = z
  .object({
    restored_from: z.number().int(),
    version_number: z.number().int().describe('The new version the restore saved'),
    dashboard: Dashboard,
  })
  .meta({ id: 'RestoreResult' });

/** /api/dashboards/:id/versions: history, any two versions compared, restore. */
export function versionRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboards/:id/versions',
      {
        schema: {
          tags: ['versions'],
          summary: 'The dashboard’s history, newest first',
          params: IdParams,
          querystring: ListVersionsQuery,
          response: { 200: VersionList, ...problemResponses(401, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) =>
          service.listVersions(tx, request.params.id, request.query.limit, request.query.before),
        );
      },
    );

    // Registered before /:number so that "diff" is not read as a version number.
    app.get(
      '/dashboards/:id/versions/diff',
      {
        schema: {
          tags: ['versions'],
          summary: 'Compare any two versions: JSON Patch (RFC 6902) and a summary in words',
          params: IdParams,
          querystring: DiffQuery,
          response: { 200: VersionDiff, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) =>
          service.diffVersions(tx, request.params.id, request.query.from, request.query.to),
        );
      },
    );

    app.get(
      '/dashboards/:id/versions/:number',
      {
        schema: {
          tags: ['versions'],
          summary: 'One version, with its snapshot',
          params: VersionParams,
          response: { 200: Version, ...problemResponses(401, 404) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.getVersion(tx, request.params.id, request.params.number));
      },
    );

    app.post(
      '/dashboards/:id/versions/:number/restore',
      {
        schema: {
          tags: ['versions'],
          summary: 'Restore a version: its content becomes a new version; nothing is lost',
          params: VersionParams,
          headers: IfMatchHeaders,
          response: { 200: RestoreResult, ...problemResponses(401, 403, 404, 412) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const result = await db.asCaller(user, (tx) =>
          service.restoreVersion(tx, request.params.id, request.params.number, ifMatch(request.headers['if-match'])),
        );
        setEtag(reply, result.dashboard.etag);
        return result;
      },
    );
  };
}
