import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ConfiguredModel } from '../../src/ai/models/registry.js';
import { createAssistantServices } from '../../src/ai/services.js';
import { type AuthConfig, loadConfig } from '../../src/config.js';
import { createDataServices } from '../../src/data/services.js';
import type { Database } from '../../src/db/database.js';
import { setUpAuth } from '../../src/server/accounts/setup.js';
import { buildApp } from '../../src/server/app.js';
import { useTestDatabase } from './db.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApi {
  db: Database;
  baseUrl: string;
  /** Where the server keeps dataset files and uploads. */
  dataDir: string;
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Signs a new user up and returns the session (access and refresh token). */
  signUp(name?: string): Promise<TestSession>;
}

export interface TestSession {
  userId: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

/** The key test servers sign access tokens with (tests forge expired or foreign tokens beside it). */
export const TEST_JWT_SECRET = 'test secret of a decent length, for HS256 only';

/** OCP's own-accounts settings, read by the same loader as production, from these variables. */
export function testAuthConfig(env: Record<string, string> = {}): AuthConfig {
  return loadConfig({ OCP_JWT_SECRET: TEST_JWT_SECRET, SIGNIN_RATE_LIMIT: '1000', ...env }).auth;
}

export interface ApiOptions {
  accessTokenTtlSeconds?: number;
  signInRateLimit?: number;
  /** Largest upload the server accepts (default 2 GB). */
  maxUploadBytes?: number;
  /** How long a dataset query may run (default 30 s). */
  queryTimeoutMs?: number;
  /** The assistant's models (default: the built-in offline model only). */
  models?: () => ConfiguredModel[];
}

/** The real server over real HTTP, on the run's PostgreSQL database, for one test file. */
export function useTestApi(options: ApiOptions = {}): TestApi {
  const db = useTestDatabase(8);
  let close: () => Promise<void> = async () => {};
  const api: TestApi = {
    db,
    baseUrl: '',
    dataDir: '',
    async request(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as never };
    },
    async signUp(name = 'user') {
      const email = `${name}-${crypto.randomUUID().slice(0, 8)}@example.test`;
      const password = 'correct horse battery staple';
      const response = await api.request<{ access_token: string; refresh_token: string; user: { id: string } }>(
        'POST',
        '/api/auth/signup',
        { body: { email, password, display_name: name } },
      );
      if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
      return {
        userId: response.body.user.id,
        email,
        password,
        token: response.body.access_token,
        refreshToken: response.body.refresh_token,
      };
    },
  };

  beforeAll(async () => {
    const auth = await setUpAuth(
      testAuthConfig({
        ACCESS_TOKEN_TTL_SECONDS: String(options.accessTokenTtlSeconds ?? 900),
        SIGNIN_RATE_LIMIT: String(options.signInRateLimit ?? 1000),
      }),
      db,
    );
    // Unexpected errors (500s) are logged, so that a failing test shows why.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ocp-test-data-'));
    const data = createDataServices(dataDir, {
      maxUploadBytes: options.maxUploadBytes,
      engine: options.queryTimeoutMs ? { timeoutMs: options.queryTimeoutMs } : undefined,
    });
    const ai = await createAssistantServices(db, { env: {}, ...(options.models ? { models: options.models() } : {}) });
    const app = await buildApp({ db, auth, data, ai, logLevel: 'error' });
    api.dataDir = dataDir;
    api.baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    close = async () => {
      await app.close();
      data.close();
      await rm(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(() => close());
  return api;
}

// biome-ignore lint/suspicious/noExplicitAny: test payloads are read freely
export type Json = Record<string, any>;

export interface TeamCast {
  /** The team's admin. */
  owner: TestSession;
  editor: TestSession;
  viewer: TestSession;
  /** Signed in, in no team of the others. */
  outsider: TestSession;
  teamId: string;
}

/** Four users signed up through the API, three of them in one team as admin, editor and viewer. */
export async function signUpTeam(api: TestApi, teamName = 'Team'): Promise<TeamCast> {
  const [owner, editor, viewer, outsider] = await Promise.all([
    api.signUp('owner'),
    api.signUp('editor'),
    api.signUp('viewer'),
    api.signUp('outsider'),
  ]);
  const teamId = await api.db.asUser(owner.userId, async (tx) => {
    const { rows } = await tx.query<{ id: string }>('insert into teams (name) values ($1) returning id', [teamName]);
    const id = rows[0]?.id as string;
    await tx.query(
      "insert into user_team_memberships (team_id, user_id, role) values ($1, $2, 'editor'), ($1, $3, 'viewer')",
      [id, editor.userId, viewer.userId],
    );
    return id;
  });
  return { owner, editor, viewer, outsider, teamId };
}
