import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ifMatch, setEtag } from '../http/etag.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import * as q from './queries.js';
import {
  Chart,
  CreateChartBody,
  CreateDashboardBody,
  CreateTabBody,
  Dashboard,
  DashboardList,
  IdParams,
  IfMatchHeaders,
  ListDashboardsQuery,
  OrderBody,
  Tab,
  UpdateChartBody,
  UpdateDashboardBody,
  UpdateTabBody,
} from './schema.js';
import * as service from './service.js';

const NoContent = z.null().describe('Done');

/** /api/dashboards, /api/tabs, /api/charts: each route authenticates, validates, runs as the caller, presents. */
export function dashboardRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboards',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'List the dashboards you can see, newest first',
          querystring: ListDashboardsQuery,
          response: { 200: DashboardList, ...problemResponses(401, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const query = request.query;
        if (query.scope === 'team' && !query.team_id) {
          throw new service.ApiError('validation_failed', 'scope=team needs team_id', [
            { path: '/querystring/team_id', message: 'is required with scope=team' },
          ]);
        }
        const items = await db.asCaller(user, (tx) =>
          q.listDashboards(tx, {
            scope: query.scope,
            teamId: query.team_id,
            q: query.q,
            limit: query.limit + 1,
            after: decodeCursor(query.cursor),
          }),
        );
        const page = items.slice(0, query.limit);
        const last = page.at(-1);
        return {
          items: page,
          next_cursor:
            items.length > query.limit && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null,
        };
      },
    );

    app.post(
      '/dashboards',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'Create a dashboard (with tabs and charts, if given); saves version 1',
          body: CreateDashboardBody,
          response: { 201: Dashboard, ...problemResponses(401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const dashboard = await db.asCaller(user, (tx) => service.createDashboard(tx, user.userId, request.body));
        setEtag(reply, dashboard.etag);
        return reply.code(201).send(dashboard);
      },
    );

    app.get(
      '/dashboards/:id',
      {
        config: { allowAnonymous: true },
        schema: {
          tags: ['dashboards'],
          summary: 'One dashboard with all its tabs and charts',
          params: IdParams,
          response: { 200: Dashboard, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        const dashboard = await db.asCaller(request.caller, (tx) => q.getDashboardTree(tx, request.params.id));
        if (!dashboard) throw new service.ApiError('not_found', 'Dashboard not found');
        setEtag(reply, dashboard.etag);
        return dashboard;
      },
    );

    app.patch(
      '/dashboards/:id',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'Change a dashboard’s fields or owner; saves a version',
          params: IdParams,
          headers: IfMatchHeaders,
          body: UpdateDashboardBody,
          response: { 200: Dashboard, ...problemResponses(401, 403, 404, 412, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const dashboard = await db.asCaller(user, (tx) =>
          service.updateDashboard(
            tx,
            user.userId,
            request.params.id,
            ifMatch(request.headers['if-match']),
            request.body,
          ),
        );
        setEtag(reply, dashboard.etag);
        return dashboard;
      },
    );

    app.delete(
      '/dashboards/:id',
      {
        schema: {
          tags: ['dashboards'],
          summary: 'Delete a dashboard with its tabs, charts, versions and share links',
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 412) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) =>
          service.deleteDashboard(tx, request.params.id, ifMatch(request.headers['if-match'])),
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/dashboards/:id/tabs',
      {
        schema: {
          tags: ['tabs'],
          summary: 'Add a tab (last, unless a position is given)',
          params: IdParams,
          body: CreateTabBody,
          response: { 201: Tab, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const tab = await db.asCaller(user, (tx) => service.addTab(tx, request.params.id, request.body));
        setEtag(reply, tab.etag);
        return reply.code(201).send(tab);
      },
    );

    app.put(
      '/dashboards/:id/tab-order',
      {
        schema: {
          tags: ['tabs'],
          summary: 'Put the dashboard’s tabs in this order (every tab id, once)',
          params: IdParams,
          body: OrderBody,
          response: { 200: Dashboard, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const dashboard = await db.asCaller(user, (tx) => service.reorderTabs(tx, request.params.id, request.body.ids));
        setEtag(reply, dashboard.etag);
        return dashboard;
      },
    );

    app.patch(
      '/tabs/:id',
      {
        schema: {
          tags: ['tabs'],
          summary: 'Rename or edit a tab; saves a version',
          params: IdParams,
          headers: IfMatchHeaders,
          body: UpdateTabBody,
          response: { 200: Tab, ...problemResponses(401, 403, 404, 412, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const tab = await db.asCaller(user, (tx) =>
          service.updateTab(tx, request.params.id, ifMatch(request.headers['if-match']), request.body),
        );
        setEtag(reply, tab.etag);
        return tab;
      },
    );

    app.delete(
      '/tabs/:id',
      {
        schema: {
          tags: ['tabs'],
          summary: 'Delete a tab and its charts; saves a version',
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 412) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) => service.deleteTab(tx, request.params.id, ifMatch(request.headers['if-match'])));
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/tabs/:id/charts',
      {
        schema: {
          tags: ['charts'],
          summary: 'Add a chart to a tab (at most 10 a tab)',
          params: IdParams,
          body: CreateChartBody,
          response: { 201: Chart, ...problemResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const chart = await db.asCaller(user, (tx) => service.addChart(tx, request.params.id, request.body));
        setEtag(reply, chart.etag);
        return reply.code(201).send(chart);
      },
    );

    app.put(
      '/tabs/:id/chart-order',
      {
        schema: {
          tags: ['charts'],
          summary: 'Put the tab’s charts in this order (every chart id, once)',
          params: IdParams,
          body: OrderBody,
          response: { 200: Tab, ...problemResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const tab = await db.asCaller(user, (tx) => service.reorderCharts(tx, request.params.id, request.body.ids));
        setEtag(reply, tab.etag);
        return tab;
      },
    );

    app.get(
      '/charts/:id',
      {
        config: { allowAnonymous: true },
        schema: {
          tags: ['charts'],
          summary: 'One chart',
          params: IdParams,
          response: { 200: Chart, ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        const chart = await db.asCaller(request.caller, (tx) => q.getChart(tx, request.params.id));
        if (!chart) throw new service.ApiError('not_found', 'Chart not found');
        setEtag(reply, chart.etag);
        return chart;
      },
    );

    app.patch(
      '/charts/:id',
      {
        schema: {
          tags: ['charts'],
          summary: 'Edit a chart, or move it to another tab; saves a version',
          params: IdParams,
          headers: IfMatchHeaders,
          body: UpdateChartBody,
          response: { 200: Chart, ...problemResponses(401, 403, 404, 409, 412, 422) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const chart = await db.asCaller(user, (tx) =>
          service.updateChart(tx, request.params.id, ifMatch(request.headers['if-match']), request.body),
        );
        setEtag(reply, chart.etag);
        return chart;
      },
    );

    app.delete(
      '/charts/:id',
      {
        schema: {
          tags: ['charts'],
          summary: 'Delete a chart; saves a version',
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 204: NoContent, ...problemResponses(401, 403, 404, 412) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await db.asCaller(user, (tx) =>
          service.deleteChart(tx, request.params.id, ifMatch(request.headers['if-match'])),
        );
        return reply.code(204).send(null);
      },
    );
  };
}
