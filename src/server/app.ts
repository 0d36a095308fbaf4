import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AssistantServices } from '../ai/chat/turn.js';
import { createAssistantServices } from '../ai/services.js';
import { createDataServices, type DataServices } from '../data/services.js';
import type { Database } from '../db/database.js';
import { accountRoutes } from './accounts/routes.js';
import type { AuthSetup } from './accounts/setup.js';
import { agentRoutes } from './agents/routes.js';
import { chartRoutes } from './charts/routes.js';
import { sharedChartRoutes } from './charts/shared-routes.js';
import { assistantRoutes } from './chat/assistant-routes.js';
import { chatRoutes } from './chat/routes.js';
import { commandRoutes } from './commands/routes.js';
import { dashboardRoutes } from './dashboards/routes.js';
import { datasetRoutes } from './datasets/routes.js';
import { modelRoutes } from './models/routes.js';
import { registerAuthentication } from './plugins/authenticate.js';
import { registerProblemHandlers } from './plugins/problems.js';
import { profileRoutes } from './profile/routes.js';
import { queryRoutes } from './query/routes.js';
import { sharingRoutes } from './sharing/routes.js';
import { startPage } from './start-page.js';
import { teamRoutes } from './teams/routes.js';
import { versionRoutes } from './versions/routes.js';
import { webApp } from './web/web-app.js';
import { workspaceRoutes } from './workspace/routes.js';

export interface AppOptions {
  db: Database;
  auth: AuthSetup;
  /** Dataset files and the query engine; left out, a temporary folder removed on close (tests). */
  data?: DataServices | undefined;
  /** Models and limits of the assistant; left out, from the environment (tests pass mock models). */
  ai?: AssistantServices | undefined;
  /** The demo user whose workspace the start page lists, if a demo was seeded. */
  demoUserId?: string | undefined;
  /** The address people open, for links the API hands out; unset: the address of each request. */
  publicUrl?: string | undefined;
  logLevel?: string | undefined;
  /** Where log lines go (stdout by default); tests read them from here. */
  logStream?: NodeJS.WritableStream | undefined;
  trustProxy?: boolean | undefined;
  corsOrigins?: string[] | undefined;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP server (not yet listening): plugins, then routes, read top to bottom. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'silent',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Credentials never reach a log line.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refresh_token'],
    },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  const data = options.data ?? temporaryDataServices(app);
  const ai = options.ai ?? (await createAssistantServices(options.db, { env: {} }));

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, { global: true });
  await app.register(cors, { origin: options.corsOrigins?.length ? options.corsOrigins : false });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OCP API',
        version: '0.1.0',
        description: 'Dashboards, charts, versions, sharing and chat. Errors are application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthentication(app, options.auth.verifier);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await options.db.asAnon((tx) => tx.query('select 1'));
      return { status: 'ready', database: options.db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: options.db.kind });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.auth.accounts) {
    await app.register(accountRoutes(options.auth.accounts, options.auth.signInRateLimit), { prefix: '/api/auth' });
  }

  await app.register(profileRoutes(options.db), { prefix: '/api' });
  await app.register(teamRoutes(options.db), { prefix: '/api' });
  await app.register(dashboardRoutes(options.db), { prefix: '/api' });
  await app.register(versionRoutes(options.db), { prefix: '/api' });
  await app.register(sharingRoutes(options.db, options.publicUrl), { prefix: '/api' });
  await app.register(chatRoutes(options.db), { prefix: '/api' });
  await app.register(assistantRoutes(options.db, data, ai), { prefix: '/api' });
  await app.register(workspaceRoutes(options.db), { prefix: '/api' });
  await app.register(agentRoutes(options.db), { prefix: '/api' });
  await app.register(commandRoutes(options.db), { prefix: '/api' });
  await app.register(modelRoutes(options.db), { prefix: '/api' });
  await app.register(datasetRoutes(options.db, data), { prefix: '/api' });
  await app.register(queryRoutes(options.db, data), { prefix: '/api' });
  await app.register(chartRoutes(options.db, data), { prefix: '/api' });
  await app.register(sharedChartRoutes(options.db, data), { prefix: '/api' });

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(await startPage(options.db, options.demoUserId)),
  );
  await app.register(webApp());

  return app;
}

/** Data services in a folder of their own, removed when the server closes. */
function temporaryDataServices(app: FastifyInstance): DataServices {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocp-data-'));
  const data = createDataServices(dir);
  app.addHook('onClose', async () => {
    data.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return data;
}
