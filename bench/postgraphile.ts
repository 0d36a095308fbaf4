/**
 * PostGraphile 5 as the peer of bench:api: the same tables, served over GraphQL, with the same
 * JWT verified by the same secret and the same claims handed to PostgreSQL the same way
 * (transaction-local role 'authenticated' and request.jwt.claims), so that row-level security
 * does the same work for both servers.
 *
 * 5.0.0-rc.3 is the last release that still runs on Node 20 (from rc.6 on, the packages declare
 * node >= 22); its sibling packages are pinned in devDependencies so that their caret ranges do
 * not pull in the Node 22 finals.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import type pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

export const POSTGRAPHILE_VERSION = '5.0.0-rc.3';

export interface PostGraphileServer {
  /** http://127.0.0.1:port/graphql */
  url: string;
  close(): Promise<void>;
}

interface RequestContextLike {
  node?: { req?: { headers?: Record<string, string | string[] | undefined> } };
}

/** Serves schema public over `pool` (the caller ends it) on 127.0.0.1, an ephemeral port. */
export async function startPostGraphile(options: { pool: pg.Pool; jwtSecret: string }): Promise<PostGraphileServer> {
  const key = new TextEncoder().encode(options.jwtSecret);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    // Amber orders and filters only by indexed columns; updated_at leads no index of its own.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [makePgService({ pool: options.pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: {
      explain: false,
      async context(requestContext: RequestContextLike) {
        const header = requestContext.node?.req?.headers?.authorization;
        const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
        if (!token) return { pgSettings: { role: 'anon', 'request.jwt.claims': JSON.stringify({ role: 'anon' }) } };
        // The same check as OCP's own verifier: HS256, audience 'authenticated'.
        const { payload } = await jwtVerify(token, key, { audience: 'authenticated', algorithms: ['HS256'] });
        return {
          pgSettings: { role: 'authenticated', 'request.jwt.claims': JSON.stringify(payload) },
        };
      },
    },
  };
  const pgl = postgraphile(preset);
  // Introspection warns, with a dump of the catalog row, that it cannot map tsvector (chat_messages.search_vector,
  // which the queries here do not use): keep that out of the report. A real failure still throws.
  const { log, warn, error } = console;
  console.log = console.warn = console.error = () => {};
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 60_000;
  serv.addTo(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // Build the schema now, not on the first timed request.
  try {
    await pgl.getSchema();
  } finally {
    Object.assign(console, { log, warn, error });
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pgl.release();
    },
  };
}

/** GraphQL documents equivalent to the three OCP endpoints. */
export const GRAPHQL = {
  /**
   * The newest 25 dashboards the caller can read: no filter, row-level security decides (Amber has
   * no OR filter for "own or my teams'"), so others' public dashboards can be among them.
   */
  list: `query List {
  allDashboards(first: 25, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) {
    nodes { id title description ownerUserId ownerTeamId isPublic settings createdAt updatedAt }
  }
}`,
  tree: `query Tree($id: UUID!) {
  dashboardByRowId(rowId: $id) {
    id title description ownerUserId ownerTeamId isPublic settings createdAt updatedAt
    dashboardTabsByDashboardId(orderBy: [POSITION_ASC]) {
      nodes {
        id title description position settings createdAt updatedAt
        chartsByDashboardTabId(orderBy: [POSITION_ASC]) {
          nodes { id title chartType configuration position createdAt updatedAt }
        }
      }
    }
  }
}`,
  search: `query Search($q: String!) {
  searchChatMessages(pQuery: $q, pLimit: 20) {
    nodes { messageId chatSessionId sessionTitle role createdAt rank snippet }
  }
}`,
};
