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
  Command,
  CommandList,
  CommandTestBody,
  CommandTestResult,
  CreateCommandBody,
  ListCommandsQuery,
  UpdateCommandBody,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/** /api/commands (custom commands): each route authenticates, validates, runs as the caller in one transaction, presents. */
export function commandRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/commands',
      {
        schema: {
          tags: ['commands'],
          summary: 'List the custom commands you can use (yours, your teams’, public ones), newest first',
          querystring: ListCommandsQuery,
          response: { 200: CommandList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const query = request.query;
        const rows = await db.asCaller(user, (tx) =>
          q.listCommands(tx, {
            scope: query.scope,
            teamId: query.team_id,
            limit: query.limit + 1,
            after: decodeCursor(query.cursor),
          }),
        );
        return keysetPage(rows, query.limit);
      },
    );

    app.post(
      '/commands',
      {
        schema: {
          tags: ['commands'],
          summary:
            'Create a custom command, yours or (with team_id) a team’s; the pattern must compile and the handler configuration hold no secrets',
          body: CreateCommandBody,
          response: { 201: Command, ...problemResponses(401, 403, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const command = await db.asCaller(user, (tx) => service.createCommand(tx, user.userId, request.body));
        return reply.code(201).send(command);
      },
    );

    app.post(
      '/commands/test',
      {
        schema: {
          tags: ['commands'],
          summary: 'Which command a chat message would call (built-in or one of yours), and what it would do',
          description:
            'Matches as the chat does, with the custom commands you can use, but runs nothing: a webhook is reported by its URL, not called. Also lists your commands that can never run (invalid pattern or configuration).',
          body: CommandTestBody,
          response: { 200: CommandTestResult, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const stored = await db.asCaller(user, (tx) => service.usableCommands(tx));
        const { message, draft } = request.body;
        const commands = draft ? service.withDraft(stored, draft, user.userId) : stored;
        // Matching is CPU work: done after the transaction, not while holding its connection.
        return service.testCommand(message, commands, user.userId);
      },
    );

    app.get(
      '/commands/:id',
      {
        schema: {
          tags: ['commands'],
          summary: 'One custom command',
          params: IdParams,
          response: { 200: Command, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.getCommand(tx, request.params.id));
      },
    );

    app.patch(
      '/commands/:id',
      {
        schema: {
          tags: ['commands'],
          summary: 'Change a custom command (its owner, or an editor or admin of its team)',
          params: IdParams,
          body: UpdateCommandBody,
          response: { 200: Command, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateCommand(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/commands/:id',
      {
        schema: {
          tags: ['commands'],
          summary: 'Delete a custom command (its owner, or an editor or admin of its team)',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteCommand(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
