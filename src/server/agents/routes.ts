import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { IdParams } from '../dashboards/schema.js';
import { decodeCursor } from '../http/cursor.js';
import { keysetPage } from '../http/page.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import * as q from './queries.js';
import { Agent, AgentList, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/** /api/agents: each route authenticates, validates, runs as the caller in one transaction, presents. */
export function agentRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/agents',
      {
        schema: {
          tags: ['agents'],
          summary: 'List the agents you can use (yours, your teams’, public ones), newest first',
          querystring: ListAgentsQuery,
          response: { 200: AgentList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const query = request.query;
        const rows = await db.asCaller(user, (tx) =>
          q.listAgents(tx, {
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
      '/agents',
      {
        schema: {
          tags: ['agents'],
          summary: 'Create an agent, yours or (with team_id) a team’s',
          body: CreateAgentBody,
          response: { 201: Agent, ...problemResponses(401, 403, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const agent = await db.asCaller(user, (tx) => service.createAgent(tx, user.userId, request.body));
        return reply.code(201).send(agent);
      },
    );

    app.get(
      '/agents/:id',
      {
        schema: {
          tags: ['agents'],
          summary: 'One agent',
          params: IdParams,
          response: { 200: Agent, ...problemResponses(401, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.getAgent(tx, request.params.id));
      },
    );

    app.patch(
      '/agents/:id',
      {
        schema: {
          tags: ['agents'],
          summary: 'Change an agent (its owner, or an editor or admin of its team)',
          params: IdParams,
          body: UpdateAgentBody,
          response: { 200: Agent, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return db.asCaller(user, (tx) => service.updateAgent(tx, request.params.id, request.body));
      },
    );

    app.delete(
      '/agents/:id',
      {
        schema: {
          tags: ['agents'],
          summary: 'Delete an agent (its owner, or an editor or admin of its team)',
          params: IdParams,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteAgent(tx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
