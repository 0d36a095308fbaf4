import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataServices } from '../../data/services.js';
import { ANON, type Database } from '../../db/database.js';
import { ChartSpec } from '../../shared/chart-spec.js';
import type { DatasetColumn } from '../../shared/datasets.js';
import { ApiError } from '../errors/api-error.js';
import { problemResponses } from '../problem-schema.js';
import type { DatasetLookup } from '../query/service.js';
import { drawPicture, Picture, PictureOptions, pictureMediaType } from './picture.js';
import { chartData } from './service.js';

// A share page's charts, for anyone holding the link: the link is checked in PostgreSQL on every
// request (shared_chart_data_sources, as anon), which also hands out the only datasets the
// chart may read. Nothing here runs as a user.

/** A share page draws up to ten charts a tab at once, and a viewer flips tabs. */
const SHARED_CHART_RATE_LIMIT = { max: 300, timeWindow: '1 minute' };

const Params = z.object({ token: z.string().min(1).max(256), chart_id: z.guid() });
const Headers = z.object({ 'x-share-password': z.string().max(200).optional() });
interface SourceRow {
  configuration: Record<string, unknown>;
  dataset_id: string | null;
  table_name: string | null;
  storage_key: string | null;
  columns: DatasetColumn[] | null;
}

function sharedChart(db: Database, token: string, password: string | undefined, chartId: string) {
  // One check of the link per set of table names: the spec and a structured query's dataset come
  // from the first; SQL naming other tables needs a second.
  const asked = new Map<string, Promise<SourceRow[]>>();
  const sources = (tableNames: string[]) => {
    const key = [...tableNames].sort().join(',');
    let rows = asked.get(key);
    if (!rows) {
      rows = fetchSources(tableNames);
      asked.set(key, rows);
    }
    return rows;
  };
  const fetchSources = (tableNames: string[]) =>
    db.asCaller(ANON, async (tx) => {
      const { rows } = await tx.query<SourceRow>('select * from public.shared_chart_data_sources($1, $2, $3, $4)', [
        token,
        password ?? null,
        chartId,
        tableNames,
      ]);
      return rows;
    });
  const lookup: DatasetLookup = async (tableNames) =>
    (await sources(tableNames)).flatMap((r) =>
      r.dataset_id && r.table_name
        ? [
            {
              id: r.dataset_id,
              table_name: r.table_name,
              storage_key: r.storage_key,
              columns: r.columns ?? [],
              personal: false,
            },
          ]
        : [],
    );
  const spec = async (): Promise<ChartSpec> => {
    const [first] = await sources([]);
    const parsed = ChartSpec.safeParse(first?.configuration ?? {});
    if (!parsed.success) throw new ApiError('chart_not_configured');
    return parsed.data;
  };
  return { spec, lookup };
}

/** /api/public/shared/:token/charts/:chart_id/…: a shared dashboard's chart data and pictures. */
export function sharedChartRoutes(db: Database, data: DataServices): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { rateLimit: SHARED_CHART_RATE_LIMIT, allowAnonymous: true };

    app.get(
      '/public/shared/:token/charts/:chart_id/data',
      {
        schema: {
          tags: ['public'],
          summary: 'The data of a chart on a shared dashboard',
          security: [],
          params: Params,
          headers: Headers,
          response: { 200: z.object({ result: z.any() }), ...problemResponses(401, 403, 404, 409, 410, 422, 429) },
        },
        config,
      },
      async (request, reply) => {
        const chart = sharedChart(
          db,
          request.params.token,
          request.headers['x-share-password'],
          request.params.chart_id,
        );
        const { result } = await chartData(data, chart.lookup, await chart.spec(), '/configuration');
        reply.header('cache-control', 'no-store');
        return { result };
      },
    );

    for (const kind of ['svg', 'png'] as const) {
      app.get(
        `/public/shared/:token/charts/:chart_id/render.${kind}`,
        {
          schema: {
            tags: ['public'],
            summary: `A chart on a shared dashboard as ${kind.toUpperCase()}`,
            security: [],
            params: Params,
            headers: Headers,
            querystring: PictureOptions,
            produces: [pictureMediaType(kind)],
            response: { 200: Picture, ...problemResponses(401, 403, 404, 409, 410, 422, 429) },
          },
          config,
        },
        async (request, reply) => {
          const chart = sharedChart(
            db,
            request.params.token,
            request.headers['x-share-password'],
            request.params.chart_id,
          );
          const spec = await chart.spec();
          const { raw } = await chartData(data, chart.lookup, spec, '/configuration');
          const image = drawPicture(kind, spec, raw, request.query, '/configuration');
          return reply.type(image.type).header('cache-control', 'no-store').send(image.body);
        },
      );
    }
  };
}
