import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataServices } from '../../data/services.js';
import type { Database } from '../../db/database.js';
import { ChartSpec, chartSpecJsonSchema } from '../../shared/chart-spec.js';
import { IdParams } from '../dashboards/schema.js';
import { QueryResultSchema } from '../datasets/schema.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { callerDatasets } from '../query/service.js';
import { drawPicture, Picture, PictureOptions, pictureMediaType } from './picture.js';
import { chartData, savedChartSpec } from './service.js';

const ChartDataAnswer = z
  .object({
    spec: z.record(z.string(), z.unknown()).describe('The chart spec, with defaults filled in'),
    result: QueryResultSchema.describe('The query result with the calculations’ columns added'),
    sql: z.string(),
  })
  .meta({ id: 'ChartData' });

const SpecBody = z.object({ spec: ChartSpec });
const RenderSpecBody = SpecBody.extend(PictureOptions.shape);

/**
 * /api/charts/…: a chart's data and its picture, for saved charts (by id, as the caller may read
 * them) and for specs not saved yet (chart editor previews, the assistant's inline charts).
 */
export function chartRoutes(db: Database, data: DataServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/charts/spec.schema.json',
      {
        config: { allowAnonymous: true },
        schema: { tags: ['charts'], summary: 'The chart spec as JSON Schema (what chart configurations must match)' },
      },
      async () => chartSpecJsonSchema(),
    );

    app.get(
      '/charts/:id/data',
      {
        schema: {
          tags: ['charts'],
          summary: 'A saved chart’s data: its query run as you, calculations applied',
          params: IdParams,
          response: { 200: ChartDataAnswer, ...problemResponses(401, 404, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { spec } = await savedChartSpec(db, user, request.params.id);
        const { result, sql } = await chartData(data, callerDatasets(db, user), spec, '/configuration');
        return { spec, result, sql };
      },
    );

    for (const kind of ['svg', 'png'] as const) {
      app.get(
        `/charts/:id/render.${kind}`,
        {
          schema: {
            tags: ['charts'],
            summary: `A saved chart drawn as ${kind.toUpperCase()} (previews, thumbnails, share pages)`,
            description:
              'Warnings about how the data was drawn (empty, sampled, grouped) come in the X-Chart-Warnings header.',
            params: IdParams,
            querystring: PictureOptions,
            produces: [pictureMediaType(kind)],
            response: { 200: Picture, ...problemResponses(401, 404, 409, 422) },
          },
        },
        async (request, reply) => {
          const user = requireUser(request);
          const { spec } = await savedChartSpec(db, user, request.params.id);
          const { raw } = await chartData(data, callerDatasets(db, user), spec, '/configuration');
          const image = drawPicture(kind, spec, raw, request.query, '/configuration');
          return reply
            .type(image.type)
            .header('cache-control', 'private, max-age=60')
            .header('x-chart-warnings', encodeURIComponent(JSON.stringify(image.warnings)))
            .send(image.body);
        },
      );

      app.post(
        `/charts/render.${kind}`,
        {
          schema: {
            tags: ['charts'],
            summary: `Draw a chart spec that is not saved as ${kind.toUpperCase()}`,
            body: RenderSpecBody,
            produces: [pictureMediaType(kind)],
            response: { 200: Picture, ...problemResponses(401, 409, 422) },
          },
        },
        async (request, reply) => {
          const user = requireUser(request);
          const { spec, ...size } = request.body;
          const { raw } = await chartData(data, callerDatasets(db, user), spec, '/body/spec');
          const image = drawPicture(kind, spec, raw, size, '/body/spec');
          return reply
            .type(image.type)
            .header('x-chart-warnings', encodeURIComponent(JSON.stringify(image.warnings)))
            .send(image.body);
        },
      );
    }

    app.post(
      '/charts/data',
      {
        schema: {
          tags: ['charts'],
          summary: 'The data of a chart spec that is not saved (chart editor previews)',
          body: SpecBody,
          response: { 200: ChartDataAnswer, ...problemResponses(401, 409, 422) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { result, sql } = await chartData(data, callerDatasets(db, user), request.body.spec, '/body/spec');
        return { spec: request.body.spec, result, sql };
      },
    );
  };
}
