/** OCP's settings, read once from the environment, with defaults that work on a fresh machine. */
export interface Config {
  host: string;
  port: number;
  /** The address people open; printed at start and used in links. */
  publicUrl: string;
  /** A PostgreSQL URL; without one OCP runs on embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Whether to create the demo workspace on first start. */
  seedDemo: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    host,
    port,
    publicUrl: env.PUBLIC_URL ?? `http://${shownHost}:${port}`,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.OCP_DATA_DIR ?? '.ocp-data',
    seedDemo: env.OCP_DEMO !== 'false',
  };
}
