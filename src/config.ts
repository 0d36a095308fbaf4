/** OCP's settings, read once from the environment, with defaults that work on a fresh machine. */
export interface Config {
  host: string;
  port: number;
  /**
   * The address people open, for links the API hands out (share links). Unset: the address each
   * request came in by (behind a proxy, with TRUST_PROXY, the one the client used).
   */
  publicUrl: string | undefined;
  /** A PostgreSQL URL; without one OCP runs on embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** The embedded database (when there is no databaseUrl), dataset files and uploads. */
  dataDir: string;
  /** Largest file accepted as an upload. */
  maxUploadBytes: number;
  /** Whether to create the demo workspace on first start. */
  seedDemo: boolean;
  logLevel: string;
  /** Behind a load balancer: trust X-Forwarded-* (client addresses for rate limits and logs). */
  trustProxy: boolean;
  /** Origins allowed to call the API from a browser on another origin (CORS). */
  corsOrigins: string[];
  auth: AuthConfig;
}

export type AuthConfig =
  | {
      mode: 'ocp';
      /** HS256 key for access tokens; unset: generated once and kept in the database. */
      jwtSecret: string | undefined;
      accessTokenTtlSeconds: number;
      refreshTokenTtlSeconds: number;
      signInRateLimit: { max: number; timeWindow: string };
    }
  | { mode: 'supabase'; jwtSecret: string | undefined; jwksUrl: string | undefined };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const port = integer(env, 'PORT', 3000);
  return {
    host,
    port,
    publicUrl: env.PUBLIC_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.OCP_DATA_DIR ?? '.ocp-data',
    maxUploadBytes: integer(env, 'MAX_UPLOAD_MB', 2048) * 1024 * 1024,
    seedDemo: env.OCP_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    auth:
      env.SUPABASE_JWT_SECRET || env.SUPABASE_JWKS_URL
        ? {
            mode: 'supabase',
            jwtSecret: env.SUPABASE_JWT_SECRET || undefined,
            jwksUrl: env.SUPABASE_JWKS_URL || undefined,
          }
        : {
            mode: 'ocp',
            jwtSecret: env.OCP_JWT_SECRET || undefined,
            accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
            refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
            signInRateLimit: { max: integer(env, 'SIGNIN_RATE_LIMIT', 10), timeWindow: '1 minute' },
          },
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}
