import { createModelRegistry } from '../ai/models/registry.js';
import type { Database } from '../db/database.js';
import type { AuthSetup } from './accounts/setup.js';
import { buildApp } from './app.js';

/**
 * The OpenAPI document, built from the same route schemas that validate requests, without a
 * database or keys: the app is built with inert dependencies and never listens.
 */
export async function generateOpenApiDocument(): Promise<Record<string, unknown>> {
  const inert = new Proxy(
    {},
    {
      get() {
        throw new Error('the OpenAPI generator does not touch the database');
      },
    },
  ) as Database;
  const auth = {
    verifier: { verify: () => Promise.reject(new Error('not serving')) },
    accounts: inert,
    signInRateLimit: { max: 1, timeWindow: '1 minute' },
  } as unknown as AuthSetup;
  const ai = {
    registry: createModelRegistry([]),
    maxSteps: 1,
    allowPrivateWebhooks: false,
    running: new Map(),
    saving: new Map(),
  };
  const app = await buildApp({ db: inert, auth, ai });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}
