import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { decodeCursor } from '../http/cursor.js';
import { keysetPage } from '../http/page.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import * as q from './queries.js';
import {
  CreateWorkspaceItemBody,
  ListWorkspaceItemsQuery,
  UpdateWorkspaceItemBody,
  WorkspaceItem,
  WorkspaceItemList,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/** /api/workspace/items: each route authenticates, validates, runs as the caller in one transaction, presents. */
export function workspaceRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workspace/items',
      {
        schema: {
          tags: ['workspace'],
          summary: 'List your workspace items, newest first; filter by type, tags and title',
          querystring: ListWorkspaceItemsQuery,
          response: { 200: WorkspaceItemList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const query = request.query;
        const rows = await db.asCaller(user, (tx) =>
          q.listWorkspaceItems(tx, {
            itemType: query.item_type,
            tags: query.tags,
            q: query.q,
            limit: query.limit + 1,
            after: decodeCursor(query.cursor),
          }),
        );
        return keysetPage(rows, query.limit);
      },
    );

    app.post(
      '/workspace/items',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Keep a chart, file, note or analysis in your workspace',
          body: CreateWorkspaceItemBody,
          response: { 201: WorkspaceItem, ...problemResponses(401, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const item = await db.asCaller(user, (tx) => service.createWorkspaceItem(tx, user.userId, request.body));
        return reply.code(201).send(item);
      },
    );

    app.get(
      '/workspace/items/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'One of your workspace items',
          params: IdParams,
          response: { 200: WorkspaceItem, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.getWorkspaceItem(tx, request.params.id));
      },
    );

    app.patch(
      '/workspace/items/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Change one of your workspace items',
          params: IdParams,
          body: UpdateWorkspaceItemBody,
          response: { 200: WorkspaceItem, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateWorkspaceItem(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/workspace/items/:id',
      {
        schema: {
          tags: ['workspace'],
          summary: 'Delete one of your workspace items',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteWorkspaceItem(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
