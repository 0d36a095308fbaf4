/**
 * npm run bench:api — OCP's HTTP API under load, beside the ceiling (the same SQL driven by
 * pgbench) and a peer (PostGraphile 5 over the same tables with the same JWT claims).
 *
 * Creates its own PostgreSQL database, applies the migrations, seeds the bench:db volume, picks
 * typical users (in about three teams, with dashboards and chat messages) and signs access
 * tokens for them. Then, for each of three endpoints — the dashboard list, one full dashboard,
 * chat search — it loads
 *   1. OCP (buildApp, in this process, on 127.0.0.1) with autocannon from a child process;
 *   2. PostgreSQL alone with pgbench, running exactly the statements OCP ran for the same
 *      requests (recorded from the API itself), in the same transaction shape: BEGIN; role and
 *      claims by set_config; the statements; COMMIT;
 *   3. PostGraphile 5 (in this process, the same pool size) with the equivalent GraphQL query;
 * each with the same connections, duration and users, and prints one table. The database is
 * dropped at the end, also on failure and Ctrl-C.
 *
 * Environment:
 *   BENCH_POSTGRES_URL   maintenance database of the server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SCALE          fraction of the full volume (default 1: 20k users, 200k dashboards, 1M chat messages)
 *   BENCH_DURATION       seconds of load per endpoint and system (default 10)
 *   BENCH_WARMUP         seconds of unmeasured load before each (default 2)
 *   BENCH_CONNECTIONS    concurrent HTTP connections / pgbench clients (default 50)
 *   BENCH_POOL_SIZE      database pool of OCP and of PostGraphile (default 20)
 *   BENCH_USERS          users the requests rotate over (default 100, at most 120: one pgbench script each)
 *   BENCH_PGBENCH        pgbench binary (default /usr/lib/postgresql/15/bin/pgbench)
 *   BENCH_POSTGRAPHILE=0 skip the PostGraphile column
 *
 * A benchmark reports; it does not judge. The targets are printed with whether they are met,
 * and the exit code is 0 unless something crashed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createPostgresDriver } from '../src/db/postgres-driver.js';
import type { Driver, Tx } from '../src/db/types.js';
import { setUpAuth } from '../src/server/accounts/setup.js';
import { ownAccessTokens } from '../src/server/accounts/tokens.js';
import { buildApp } from '../src/server/app.js';
import type { LoadPlan, LoadResult } from './api-load.js';
import { percentile } from './measure.js';
import type { PostGraphileServer } from './postgraphile.js';
import { count, type Job, loadAverage, runJobs, seconds, split, step } from './progress.js';
import { createScratchDatabase, runOutsideTransaction, type ScratchDatabase } from './scratch.js';
import {
  checkConsistency,
  createSeedHelpers,
  dropGinIndexes,
  restoreIndex,
  seedChatSessions,
  seedDashboards,
  seedMessages,
  seedSentences,
  seedTeams,
  seedUsers,
  seedVersions,
  sliceOf,
  verifyIndexes,
  volumeFor,
} from './seed.js';
import { SEARCH_TERMS } from './words.js';

const env = process.env;
const SCALE = Number(env.BENCH_SCALE ?? '1');
const DURATION = Number(env.BENCH_DURATION ?? '10');
const WARMUP = Number(env.BENCH_WARMUP ?? '2');
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? '50');
const POOL_SIZE = Number(env.BENCH_POOL_SIZE ?? '20');
const USERS = Math.min(120, Number(env.BENCH_USERS ?? '100'));
const PGBENCH = env.BENCH_PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const WITH_POSTGRAPHILE = env.BENCH_POSTGRAPHILE !== '0';
/** OCP's own auth mode with a fixed key, shared with PostGraphile. */
const JWT_SECRET = 'ocp-bench-api-fixed-jwt-secret-not-for-production-use';

const TARGETS = {
  /** OCP req/s at least this times PostGraphile's. */
  overPostGraphile: 1.5,
  /** OCP req/s at least this fraction of pgbench's tps. */
  ofCeiling: 0.6,
  /** OCP p99, ms, at BENCH_CONNECTIONS (50). */
  p99: 25,
};

const here = path.dirname(fileURLToPath(import.meta.url));
async function seedVolume(db: Database, scratch: ScratchDatabase): Promise<void> {
  const volume = volumeFor(SCALE);
  await step('seed helpers + sentence pool', async () => {
    await createSeedHelpers(db);
    return seedSentences(db);
  });
  const dropped = await dropGinIndexes(db);
  const slices = [sliceOf(volume, 0, 0.1), sliceOf(volume, 0.1, 1)];
  for (const [s, slice] of slices.entries()) {
    const tag = `slice ${s + 1}/2`;
    const jobs: Job[] = [
      { label: `${tag} users + profiles`, run: async () => `${count(await seedUsers(db, slice.users))} users` },
      {
        label: `${tag} teams + memberships`,
        run: async () => {
          const r = await seedTeams(db, slice);
          return `${count(r.teams)} teams, ${count(r.memberships)} memberships`;
        },
      },
      { label: `${tag} chat sessions`, run: async () => `${count(await seedChatSessions(db, slice))} sessions` },
    ];
    for (const [i, part] of split(slice.dashboards, 4).entries()) {
      jobs.push({
        label: `${tag} dashboards part ${i + 1}`,
        run: async () => {
          const r = await seedDashboards(db, slice, part, 0.41 + s / 10 + i / 1000);
          return `${count(r.dashboards)} dashboards, ${count(r.tabs)} tabs, ${count(r.charts)} charts`;
        },
      });
    }
    for (const [k, part] of split(slice.messages, 8).entries()) {
      jobs.push({
        label: `${tag} chat messages part ${k + 1}`,
        run: async () => `${count(await seedMessages(db, slice, part, 0.71 + s / 10 + k / 1000))} messages`,
      });
    }
    await runJobs(jobs, 2);
  }
  await runJobs(
    [
      ...dropped.map((index) => ({
        label: `build ${index.name}`,
        run: async () => {
          await restoreIndex(db, index);
          return '';
        },
      })),
      ...slices.map((slice, s) => ({
        label: `slice ${s + 1}/2 dashboard versions`,
        run: async () => `${count(await seedVersions(db, slice))} versions`,
      })),
    ],
    2,
  );
  await verifyIndexes(db, dropped);
  await step('consistency checks', () => checkConsistency(db));
  await step('VACUUM ANALYZE + CHECKPOINT', () => runOutsideTransaction(scratch.url, 'VACUUM (ANALYZE)', 'CHECKPOINT'));
}

// ---------------------------------------------------------------------------------------------
// Users, tokens, and the statements the API runs for each request.

interface BenchUser {
  userId: string;
  email: string;
  dashboardId: string;
  term: string;
  token: string;
}

async function drawUsers(db: Database): Promise<BenchUser[]> {
  const { rows } = await db.asOwner(async (tx) => {
    await tx.query('select setseed(0.25)');
    return tx.query<{
      id: string;
      email: string;
      teams: number;
      messages: number;
      visible: number;
      dashboard_id: string;
      tabs: number;
      charts: number;
    }>(
      `WITH typical AS (
         SELECT u.id, u.email, t.teams, m.messages FROM auth.users u
         CROSS JOIN LATERAL (SELECT count(*)::int AS teams FROM public.user_team_memberships x WHERE x.user_id = u.id) t
         CROSS JOIN LATERAL (SELECT count(*)::int AS messages FROM public.chat_messages x WHERE x.user_id = u.id) m
         WHERE t.teams BETWEEN 2 AND 4 AND m.messages > 0
         ORDER BY random() LIMIT $1
       )
       SELECT typical.*, v.visible, v.dashboard_id,
              (SELECT count(*)::int FROM public.dashboard_tabs t WHERE t.dashboard_id = v.dashboard_id) AS tabs,
              (SELECT count(*)::int FROM public.dashboard_tabs t JOIN public.charts c ON c.dashboard_tab_id = t.id
               WHERE t.dashboard_id = v.dashboard_id) AS charts
       FROM typical CROSS JOIN LATERAL (
         SELECT count(*)::int AS visible, (array_agg(d.id ORDER BY random()))[1] AS dashboard_id
         FROM public.dashboards d
         WHERE d.owner_user_id = typical.id OR d.owner_team_id = ANY (
           array(SELECT m.team_id FROM public.user_team_memberships m WHERE m.user_id = typical.id))
       ) v
       WHERE v.dashboard_id IS NOT NULL`,
      [USERS],
    );
  });
  const mean = (pick: (r: (typeof rows)[number]) => number) =>
    (rows.reduce((sum, r) => sum + pick(r), 0) / rows.length).toFixed(1);
  console.log(
    `  users: ${rows.length} in 2–4 teams with chat messages — mean ${mean((r) => r.teams)} teams, ` +
      `${mean((r) => r.visible)} own + team dashboards, ${mean((r) => r.messages)} chat messages; ` +
      `dashboards opened: mean ${mean((r) => r.tabs)} tabs, ${mean((r) => r.charts)} charts`,
  );
  const tokens = ownAccessTokens(JWT_SECRET, 4 * 3600);
  return Promise.all(
    rows.map(async (r, i) => ({
      userId: r.id,
      email: r.email,
      dashboardId: r.dashboard_id,
      term: SEARCH_TERMS[i % SEARCH_TERMS.length] as string,
      token: (await tokens.issue({ id: r.id, email: r.email }, randomUUID())).token,
    })),
  );
}

interface Statement {
  text: string;
  params: readonly unknown[];
}

/** A driver that passes everything through and writes down each statement while `log.current` is set. */
function recordingDriver(inner: Driver, log: { current: Statement[] | undefined }): Driver {
  return {
    kind: inner.kind,
    close: () => inner.close(),
    transaction: (work, setup) =>
      inner.transaction((tx) => {
        // The caller's role and claims travel with BEGIN; pgbench replays them as a statement.
        if (setup) log.current?.push({ text: setup, params: [] });
        const recording: Tx = {
          query: (text, params) => {
            log.current?.push({ text, params: params ?? [] });
            return tx.query(text, params);
          },
          exec: (script) => tx.exec(script),
        };
        return work(recording);
      }, setup),
  };
}

type EndpointKey = 'list' | 'tree' | 'search';

interface Endpoint {
  key: EndpointKey;
  name: string;
  path(user: BenchUser): string;
}

const ENDPOINTS: readonly Endpoint[] = [
  { key: 'list', name: 'dashboard list', path: () => '/api/dashboards' },
  { key: 'tree', name: 'one dashboard (tree)', path: (u) => `/api/dashboards/${u.dashboardId}` },
  { key: 'search', name: 'chat search', path: (u) => `/api/chat/search?q=${encodeURIComponent(u.term)}` },
];

interface Recorded {
  /** Per user: the statements of the request's transaction. */
  statements: Statement[][];
  /** Per user: what OCP answered, to check the peer against. */
  bodies: unknown[];
}

/** Sends each request once through a recording copy of the app: the answers must be 200, the statements are kept. */
async function recordStatements(
  url: string,
  auth: Awaited<ReturnType<typeof setUpAuth>>,
  users: BenchUser[],
): Promise<Map<EndpointKey, Recorded>> {
  const log: { current: Statement[] | undefined } = { current: undefined };
  const db = new Database(
    recordingDriver(
      createPostgresDriver({ connectionString: url, maxConnections: 2, applicationName: 'ocp-bench' }),
      log,
    ),
  );
  const app = await buildApp({ db, auth, logLevel: process.env.BENCH_DEBUG ? 'error' : 'silent' });
  const recorded = new Map<EndpointKey, Recorded>();
  try {
    for (const endpoint of ENDPOINTS) {
      const entry: Recorded = { statements: [], bodies: [] };
      for (const user of users) {
        log.current = [];
        const response = await app.inject({
          method: 'GET',
          url: endpoint.path(user),
          headers: { authorization: `Bearer ${user.token}` },
        });
        if (response.statusCode !== 200) {
          throw new Error(`${endpoint.name}: ${endpoint.path(user)} answered ${response.statusCode}: ${response.body}`);
        }
        entry.statements.push(log.current);
        entry.bodies.push(response.json());
      }
      log.current = undefined;
      recorded.set(endpoint.key, entry);
    }
  } finally {
    await app.close();
    await db.close();
  }
  return recorded;
}

// ---------------------------------------------------------------------------------------------
// Loading: autocannon in a child process, pgbench.

const children = new Set<ChildProcess>();

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: path.resolve(here, '..'), env: options.env ?? process.env });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
}

async function autocannon(workDir: string, plan: LoadPlan): Promise<LoadResult> {
  const file = path.join(workDir, `plan-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(plan));
  const out = await run(process.execPath, ['--import', 'tsx', path.join(here, 'api-load.ts'), file]);
  await rm(file);
  const last = out.trim().split('\n').at(-1) as string;
  return JSON.parse(last) as LoadResult;
}

interface PgbenchResult {
  tps: number;
  latencyAverage: number;
  p50: number;
  p99: number;
  transactions: number;
  failed: number;
}

/** A SQL literal for a parameter as node-postgres would send it (untyped text; PostgreSQL infers the type). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** One pgbench script per user: BEGIN; the recorded statements with their parameters inlined; COMMIT. */
function pgbenchScript(statements: Statement[]): string {
  const lines = ['BEGIN;'];
  for (const { text, params } of statements) {
    lines.push(`${text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1])).trim()};`);
  }
  lines.push('COMMIT;');
  return `${lines.join('\n')}\n`;
}

async function pgbench(url: string, scripts: string[], duration: number, logDir?: string): Promise<PgbenchResult> {
  const target = new URL(url);
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(CONNECTIONS),
    '-j',
    '2',
    '-T',
    String(duration),
    '-h',
    target.hostname,
    '-p',
    target.port || '5432',
    '-U',
    decodeURIComponent(target.username || 'postgres'),
    ...(logDir ? ['-l', `--log-prefix=${path.join(logDir, 'pgbench_log')}`] : []),
    ...scripts.flatMap((file) => ['-f', file]),
    decodeURIComponent(target.pathname.slice(1)),
  ];
  const out = await run(PGBENCH, args, {
    env: { ...process.env, ...(target.password ? { PGPASSWORD: decodeURIComponent(target.password) } : {}) },
  });
  const number = (pattern: RegExp) => Number(out.match(pattern)?.[1] ?? Number.NaN);
  const latencies: number[] = [];
  if (logDir) {
    for (const file of (await readdir(logDir)).filter((f) => f.startsWith('pgbench_log'))) {
      for (const line of (await readFile(path.join(logDir, file), 'utf8')).split('\n')) {
        const micros = Number(line.split(' ')[2]);
        if (Number.isFinite(micros)) latencies.push(micros / 1000);
      }
      await rm(path.join(logDir, file));
    }
  }
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAverage: number(/latency average = ([\d.]+) ms/),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The three systems.

interface Row {
  endpoint: Endpoint;
  statementsPerRequest: string;
  ocp?: LoadResult;
  pgbench?: PgbenchResult;
  postgraphile?: LoadResult | { skipped: string };
}

const GRAPHQL_VARIABLES: Record<EndpointKey, (u: BenchUser) => Record<string, unknown>> = {
  list: () => ({}),
  tree: (u) => ({ id: u.dashboardId }),
  search: (u) => ({ q: u.term }),
};

async function loadOcp(workDir: string, baseUrl: string, users: BenchUser[], rows: Row[]): Promise<void> {
  for (const row of rows) {
    const plan = (duration: number): LoadPlan => ({
      url: baseUrl,
      method: 'GET',
      connections: CONNECTIONS,
      duration,
      graphql: false,
      requests: users.map((u) => ({ path: row.endpoint.path(u), headers: { authorization: `Bearer ${u.token}` } })),
    });
    if (WARMUP > 0) await autocannon(workDir, plan(WARMUP));
    row.ocp = await step(
      `OCP ${row.endpoint.name}`,
      () => autocannon(workDir, plan(DURATION)),
      (r) => `${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`,
    );
  }
}

async function loadPgbench(
  workDir: string,
  url: string,
  recorded: Map<EndpointKey, Recorded>,
  rows: Row[],
): Promise<void> {
  for (const row of rows) {
    const dir = await mkdtemp(path.join(workDir, `pgbench-${row.endpoint.key}-`));
    const scripts: string[] = [];
    for (const [i, statements] of (recorded.get(row.endpoint.key) as Recorded).statements.entries()) {
      const file = path.join(dir, `user-${i}.sql`);
      await writeFile(file, pgbenchScript(statements));
      scripts.push(file);
    }
    if (WARMUP > 0) await pgbench(url, scripts, WARMUP);
    row.pgbench = await step(
      `pgbench ${row.endpoint.name}`,
      () => pgbench(url, scripts, DURATION, dir),
      (r) => `${r.tps.toFixed(0)} tps, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, failed ${r.failed}`,
    );
  }
}

/** What PostGraphile answered differs from OCP's answer for the same user (tabs, charts, hits). */
function peerMismatch(key: EndpointKey, graphql: unknown, ocp: unknown): boolean {
  const data = (graphql as { data?: Record<string, unknown> }).data;
  if (key === 'tree') {
    type GqlTree = {
      dashboardTabsByDashboardId: { nodes: { chartsByDashboardTabId: { nodes: unknown[] } }[] };
    };
    const tree = data?.dashboardByRowId as GqlTree | null | undefined;
    const ocpTabs = (ocp as { tabs: { charts: unknown[] }[] }).tabs;
    const tabs = tree?.dashboardTabsByDashboardId.nodes ?? [];
    return (
      tabs.length !== ocpTabs.length ||
      tabs.some((t, i) => t.chartsByDashboardTabId.nodes.length !== ocpTabs[i]?.charts.length)
    );
  }
  if (key === 'search') {
    const hits = (data?.searchChatMessages as { nodes: unknown[] } | undefined)?.nodes ?? [];
    const answer = ocp as { mode: string; items: unknown[] };
    // When no word matches, OCP falls back to a substring search that the peer does not have.
    return answer.mode === 'ranked' && hits.length !== answer.items.length;
  }
  return ((data?.allDashboards as { nodes: unknown[] } | undefined)?.nodes.length ?? -1) < 0;
}

async function loadPostGraphile(
  workDir: string,
  url: string,
  users: BenchUser[],
  recorded: Map<EndpointKey, Recorded>,
  rows: Row[],
): Promise<void> {
  process.env.GRAPHILE_ENV ??= 'production';
  const { startPostGraphile, GRAPHQL, POSTGRAPHILE_VERSION } = await import('./postgraphile.js');
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'ocp-bench-postgraphile' });
  pool.on('error', () => {});
  let server: PostGraphileServer | undefined;
  try {
    server = await step(`start PostGraphile ${POSTGRAPHILE_VERSION}`, () =>
      startPostGraphile({ pool, jwtSecret: JWT_SECRET }),
    );
    const serverUrl = server.url;
    for (const row of rows) {
      const key = row.endpoint.key;
      const requests = users.map((u) => ({
        path: '/graphql',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: GRAPHQL[key], variables: GRAPHQL_VARIABLES[key](u) }),
      }));
      // Each query once per user first: no errors, and the same tabs, charts and hits as OCP.
      let mismatches = 0;
      for (const [i, request] of requests.entries()) {
        const response = await fetch(serverUrl, { method: 'POST', headers: request.headers, body: request.body });
        const answer = (await response.json()) as { errors?: unknown[] };
        if (response.status !== 200 || answer.errors) {
          throw new Error(`PostGraphile ${key}: ${response.status} ${JSON.stringify(answer).slice(0, 500)}`);
        }
        if (peerMismatch(key, answer, (recorded.get(key) as Recorded).bodies[i])) mismatches++;
      }
      if (mismatches > 0)
        console.log(`    WARNING: ${mismatches} of ${users.length} PostGraphile answers differ from OCP's`);
      const plan = (duration: number): LoadPlan => ({
        url: serverUrl,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        graphql: true,
        requests,
      });
      if (WARMUP > 0) await autocannon(workDir, plan(WARMUP));
      row.postgraphile = await step(
        `PostGraphile ${row.endpoint.name}`,
        () => autocannon(workDir, plan(DURATION)),
        (r) =>
          `${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, GraphQL errors ${r.graphqlErrors}`,
      );
    }
  } finally {
    await server?.close();
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const ms = (value: number) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));

function printTable(rows: Row[]): void {
  const header = [
    'endpoint'.padEnd(22),
    '| OCP req/s'.padStart(11),
    'p50'.padStart(6),
    'p99'.padStart(6),
    '| pgbench tps'.padStart(13),
    'p50'.padStart(6),
    'p99'.padStart(6),
    'OCP %'.padStart(6),
    '| PostGraphile req/s'.padStart(20),
    'p50'.padStart(6),
    'p99'.padStart(6),
    'OCP/PG'.padStart(7),
  ].join(' ');
  console.log(`\nThroughput and latency at ${CONNECTIONS} connections, ${DURATION} s each (latency in ms)`);
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const row of rows) {
    const o = row.ocp;
    const p = row.pgbench;
    const g = row.postgraphile;
    const peer =
      g === undefined
        ? ['|'.padEnd(20), ''.padStart(6), ''.padStart(6), ''.padStart(7)]
        : 'skipped' in g
          ? [`| n/a (${g.skipped})`]
          : [
              `| ${fixed(g.reqPerSec).padStart(18)}`,
              String(g.p50).padStart(6),
              String(g.p99).padStart(6),
              (o ? `${(o.reqPerSec / g.reqPerSec).toFixed(2)}x` : '').padStart(7),
            ];
    console.log(
      [
        row.endpoint.name.padEnd(22),
        `| ${(o ? fixed(o.reqPerSec) : '—').padStart(9)}`,
        String(o?.p50 ?? '—').padStart(6),
        String(o?.p99 ?? '—').padStart(6),
        `| ${(p ? fixed(p.tps) : '—').padStart(11)}`,
        (p ? ms(p.p50) : '—').padStart(6),
        (p ? ms(p.p99) : '—').padStart(6),
        (o && p ? `${((100 * o.reqPerSec) / p.tps).toFixed(0)}%` : '—').padStart(6),
        ...peer,
      ].join(' '),
    );
  }
  console.log('\nDetails');
  for (const row of rows) {
    const o = row.ocp;
    const g = row.postgraphile;
    const parts = [`  ${row.endpoint.name.padEnd(22)} SQL statements per request ${row.statementsPerRequest}`];
    if (o) {
      parts.push(
        `OCP ${count(o.requests)} requests, non-2xx ${o.non2xx}, errors ${o.errors}, timeouts ${o.timeouts}, ` +
          `p90 ${o.p90} ms, max ${o.max} ms, ${fixed(o.bytesPerResponse)} B/response`,
      );
    }
    if (row.pgbench) {
      const p = row.pgbench;
      parts.push(
        `pgbench ${count(p.transactions)} transactions, failed ${p.failed}, latency average ${ms(p.latencyAverage)} ms`,
      );
    }
    if (g && !('skipped' in g)) {
      parts.push(
        `PostGraphile ${count(g.requests)} requests, non-2xx ${g.non2xx}, GraphQL errors ${g.graphqlErrors}, ` +
          `errors ${g.errors}, p90 ${g.p90} ms, max ${g.max} ms, ${fixed(g.bytesPerResponse)} B/response`,
      );
    }
    console.log(parts.join('\n    '));
  }
}

function printTargets(rows: Row[]): void {
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  console.log(`\nTargets (at ${CONNECTIONS} connections):`);
  for (const row of rows) {
    const o = row.ocp;
    if (!o) continue;
    const name = row.endpoint.name.padEnd(22);
    const g = row.postgraphile;
    if (g && !('skipped' in g)) {
      const r = o.reqPerSec / g.reqPerSec;
      console.log(
        `  req/s ≥ ${TARGETS.overPostGraphile}x PostGraphile   ${name} ${`${r.toFixed(2)}x`.padStart(8)}  ${verdict(r >= TARGETS.overPostGraphile)}`,
      );
    } else {
      console.log(`  req/s ≥ ${TARGETS.overPostGraphile}x PostGraphile   ${name} ${'n/a'.padStart(8)}  not measured`);
    }
    if (row.pgbench) {
      const share = o.reqPerSec / row.pgbench.tps;
      console.log(
        `  req/s ≥ ${TARGETS.ofCeiling * 100}% of pgbench       ${name} ${`${(share * 100).toFixed(0)}%`.padStart(8)}  ${verdict(share >= TARGETS.ofCeiling)}`,
      );
    }
    console.log(
      `  p99 < ${TARGETS.p99} ms                  ${name} ${`${o.p99} ms`.padStart(8)}  ${verdict(o.p99 < TARGETS.p99)}`,
    );
    const bad = o.non2xx + o.errors + o.timeouts;
    console.log(`  no non-2xx / errors            ${name} ${String(bad).padStart(8)}  ${verdict(bad === 0)}`);
  }
  if (CONNECTIONS < 50) console.log(`  (BENCH_CONNECTIONS=${CONNECTIONS}: the targets are defined at 50 connections)`);
  if (SCALE !== 1) console.log(`  (BENCH_SCALE=${SCALE}: the targets are defined at the full volume)`);
}

function printNotes(): void {
  console.log(`
Notes:
  * All three share the machine (${availableParallelism()} CPUs): the load generator, the server and PostgreSQL compete for it,
    so absolute figures are lower than on separate machines; the ratios are what compare.
  * OCP: buildApp in this process, own auth mode, pool of ${POOL_SIZE}; autocannon in a child process, ${CONNECTIONS} connections,
    requests rotating over the users (each with one of his dashboards and one search term). Latency is autocannon's (whole ms).
  * pgbench: -M prepared -c ${CONNECTIONS} -j 2, one script per user with the statements OCP itself ran for that user's request
    (recorded through the API before the load): BEGIN; set_config of role and claims; the query; COMMIT. Percentiles from -l.
    The statements run at full speed on ${CONNECTIONS} connections, where OCP's pool has ${POOL_SIZE}.
  * PostGraphile: the Amber preset over schema public, pool of ${POOL_SIZE}, the JWT verified with the same secret and audience,
    pgSettings role = authenticated and request.jwt.claims = the token's payload. list = allDashboards(first: 25, orderBy
    UPDATED_AT_DESC): row-level security alone decides, so it also sees others' public dashboards (OCP's "all" scope is own +
    teams'); tree = dashboardByRowId with tabs and charts nested; search = searchChatMessages(pQuery, pLimit: 20) with no
    substring fallback. Amber's index check is off so that updated_at can be ordered by.
  * Search terms rotate over ${SEARCH_TERMS.join(', ')}; when no word matches, OCP runs a second (substring) query.`);
}

// ---------------------------------------------------------------------------------------------

async function benchmark(scratch: ScratchDatabase, workDir: string): Promise<void> {
  const started = performance.now();
  const volume = volumeFor(SCALE);
  console.log(
    `OCP API benchmark — scale ${SCALE}: ${count(volume.users)} users, ${count(volume.teams)} teams, ` +
      `${count(volume.dashboards)} dashboards, ${count(volume.messages)} chat messages; ` +
      `${CONNECTIONS} connections, ${DURATION} s per endpoint (+${WARMUP} s warm-up), pool ${POOL_SIZE}`,
  );
  console.log(`database ${scratch.name}; ${loadAverage()}`);
  const seedDb = new Database(
    createPostgresDriver({ connectionString: scratch.url, maxConnections: 2, applicationName: 'ocp-bench' }),
  );
  let users: BenchUser[];
  try {
    await step(
      'migrate',
      () => migrate(seedDb),
      (r) => `${r.applied.length} migrations`,
    );
    const seeding = performance.now();
    await seedVolume(seedDb, scratch);
    console.log(`  seeding took ${seconds(seeding)}`);
    users = await drawUsers(seedDb);
  } finally {
    await seedDb.close();
  }

  const db = new Database(
    createPostgresDriver({
      connectionString: scratch.url,
      maxConnections: POOL_SIZE,
      applicationName: 'ocp-bench-api',
    }),
  );
  const auth = await setUpAuth(
    {
      mode: 'ocp',
      jwtSecret: JWT_SECRET,
      accessTokenTtlSeconds: 4 * 3600,
      refreshTokenTtlSeconds: 24 * 3600,
      signInRateLimit: { max: 10, timeWindow: '1 minute' },
    },
    db,
  );
  const recorded = await step('record the SQL of each request', () => recordStatements(scratch.url, auth, users));
  const rows: Row[] = ENDPOINTS.map((endpoint) => {
    const counts = (recorded.get(endpoint.key) as Recorded).statements.map((s) => s.length - 1);
    const lo = Math.min(...counts);
    const hi = Math.max(...counts);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    return {
      endpoint,
      statementsPerRequest: lo === hi ? `1 set_config + ${lo}` : `1 set_config + ${lo}–${hi} (mean ${mean.toFixed(2)})`,
    };
  });

  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ db, auth, logLevel: 'silent' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`\nOCP on 127.0.0.1:${port}`);
    await loadOcp(workDir, `http://127.0.0.1:${port}`, users, rows);
  } finally {
    await app?.close();
    await db.close();
  }

  console.log('\npgbench (the ceiling)');
  await loadPgbench(workDir, scratch.url, recorded, rows);

  console.log('\nPostGraphile (the peer)');
  if (!WITH_POSTGRAPHILE) {
    for (const row of rows) row.postgraphile = { skipped: 'BENCH_POSTGRAPHILE=0' };
  } else {
    try {
      await loadPostGraphile(workDir, scratch.url, users, recorded, rows);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(`  PostGraphile failed: ${reason}`);
      for (const row of rows) row.postgraphile ??= { skipped: `failed: ${reason?.slice(0, 60)}` };
    }
  }

  printTable(rows);
  printTargets(rows);
  printNotes();
  console.log(`\nTotal run time: ${seconds(started)}; ${loadAverage()}`);
}

function dropMidRun(scratch: ScratchDatabase): Promise<void> {
  process.on('uncaughtException', () => {});
  for (const child of children) child.kill('SIGTERM');
  return scratch.drop();
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('ocp_bench_api');
  const workDir = await mkdtemp(path.join(tmpdir(), 'ocp-bench-api-'));
  const abandon = (reason: string) => {
    console.error(`\n${reason}: dropping ${scratch.name}`);
    void dropMidRun(scratch)
      .then(() => rm(workDir, { recursive: true, force: true }))
      .finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => abandon(signal));
  process.stdout.once('error', (error) => abandon(`output closed (${error.message})`));
  try {
    await benchmark(scratch, workDir);
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
    await dropMidRun(scratch);
  } finally {
    await scratch.drop();
    await rm(workDir, { recursive: true, force: true });
  }
  // Pools of the peer and keep-alive sockets must not hold the process open.
  process.exit(process.exitCode ?? 0);
}

await main();
