import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { listModels } from './queries.js';
import { LlmModelList } from './schema.js';

/** /api/models: the LLM models, read-only over HTTP (the server keeps the list, as service_role). */
export function modelRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/models',
      {
        schema: {
          tags: ['models'],
          summary: 'The LLM models, by provider and name (inactive ones included, marked so)',
          response: { 200: LlmModelList, ...problemResponses(401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { items: await db.asCaller(user, (tx) => listModels(tx)) };
      },
    );
  };
}
