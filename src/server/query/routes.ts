import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataServices } from '../../data/services.js';
import type { Database } from '../../db/database.js';
import { StructuredQuery } from '../../shared/chart-spec.js';
import { QueryResultSchema } from '../datasets/schema.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { callerDatasets, runQuery } from './service.js';

const ParamValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

export const QueryBody = z.union([
  z
    .object({
      sql: z
        .string()
        .min(1)
        .max(20_000)
        .describe('One read-only SELECT; datasets are tables named by their table_name'),
      params: z
        .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), ParamValue)
        .optional()
        .describe('Values for $name parameters'),
      dataset_id: z.guid().optional().describe('The dataset the query is about, where two go by the same table name'),
      limit: z.number().int().min(1).max(50_000).default(1000),
    })
    .strict(),
  z
    .object({
      dataset_id: z.guid(),
      query: StructuredQuery,
      limit: z.number().int().min(1).max(50_000).default(1000),
    })
    .strict(),
]);

export const QueryAnswer = QueryResultSchema.extend({
  sql: z.string().describe('The SQL that ran (for a structured query, the SQL OCP compiled)'),
  cached: z.boolean(),
  elapsed_ms: z.number(),
}).meta({ id: 'QueryAnswer' });

/** POST /api/query: read-only SQL or a structured query over the datasets the caller can read. */
export function queryRoutes(db: Database, data: DataServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/query',
      {
        schema: {
          tags: ['datasets'],
          summary: 'Run a read-only query over your datasets',
          description:
            'Either SQL (one SELECT, checked by DuckDB’s parser; no files, settings or changes) or a structured query (dimensions, measures, filters, sort, limit). Results are cached per dataset load and query. Syntax errors carry the position in the SQL.',
          body: QueryBody,
          response: { 200: QueryAnswer, ...problemResponses(401, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const body = request.body;
        const result = await runQuery(data, callerDatasets(db, user), body, { maxRows: body.limit, path: '/body' });
        return {
          columns: result.columns,
          rows: result.rows,
          truncated: result.truncated,
          sql: result.sql,
          cached: result.cached,
          elapsed_ms: Math.round(result.elapsed_ms * 100) / 100,
        };
      },
    );
  };
}
