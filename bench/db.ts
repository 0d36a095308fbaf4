/**
 * npm run bench:db — what row-level security costs OCP's hot queries, and how they grow.
 *
 * Creates its own PostgreSQL database, applies the migrations, seeds 10% of a realistic volume,
 * measures, grows the same database to 100% and measures again, then drops the database.
 * Each operation runs as a user under RLS and as the owner without RLS (the same access rule
 * written as a WHERE clause), on the same randomly drawn users, dashboards and search terms.
 *
 * Environment:
 *   BENCH_POSTGRES_URL  maintenance database of the server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SCALE         fraction of the full volume (default 1: 20k users, 200k dashboards, 1M chat messages)
 *   BENCH_ITERATIONS    timed iterations per operation and volume (default 400; warm-up is a tenth of it)
 *   BENCH_EXPLAIN=1     also print EXPLAIN ANALYZE of each operation, secured and baseline, for one sample
 *   BENCH_AFTER_MIGRATE a SQL file applied after the migrations: to measure a schema change before it is
 *                       written as a migration (the output says so, so that its figures are not taken for
 *                       those of the schema as it is)
 *
 * A benchmark reports; it does not judge. The targets are printed with whether they are met,
 * and the exit code is 0 unless something crashed.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createPostgresDriver } from '../src/db/postgres-driver.js';
import type { Tx } from '../src/db/types.js';
import { measure, OPERATIONS, type OperationResult, percentile, type Sample } from './measure.js';
import { count, type Job, loadAverage, runJobs, seconds, split, step } from './progress.js';
import { createScratchDatabase, runOutsideTransaction, type ScratchDatabase } from './scratch.js';
import {
  checkConsistency,
  createSeedHelpers,
  dropGinIndexes,
  restoreIndex,
  type Slice,
  seedChatSessions,
  seedDashboards,
  seedMessages,
  seedSentences,
  seedTeams,
  seedUsers,
  seedVersions,
  sliceOf,
  type Volume,
  verifyIndexes,
  volumeFor,
} from './seed.js';
import { SEARCH_TERMS } from './words.js';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? '400');
const WARMUP = Math.max(10, Math.round(ITERATIONS / 10));
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const AFTER_MIGRATE = process.env.BENCH_AFTER_MIGRATE;
/** Users drawn per volume; iterations draw from them. */
const SAMPLE_USERS = 300;

const TARGETS = {
  /** RLS may cost at most this factor over the unsecured query (p50, query time). */
  rlsRatio: 1.5,
  /** Chat search p50 under RLS at 1M messages, ms. */
  searchP50: 20,
  /** Dashboard tree p50 under RLS, ms. */
  treeP50: 2,
};

interface PhaseResult {
  label: string;
  results: OperationResult[];
}

/**
 * Seeds one slice on both connections (the machine has two cores): the tables are independent
 * while foreign keys are off, and the two big ones are loaded in parts so that the work
 * spreads evenly. GIN indexes are dropped for the load and built afterwards; versions come
 * last, since their snapshots read the finished dashboards.
 */
async function seedSlice(db: Database, slice: Slice): Promise<void> {
  const dropped = await step(
    'drop GIN indexes for the load',
    () => dropGinIndexes(db),
    (r) => `${r.length} indexes`,
  );
  const dashboardParts = split(slice.dashboards, 4);
  const messageParts = split(slice.messages, 8);
  const jobs: Job[] = [
    { label: 'users + profiles', run: async () => `${count(await seedUsers(db, slice.users))} users` },
    {
      label: 'teams + memberships',
      run: async () => {
        const r = await seedTeams(db, slice);
        return `${count(r.teams)} teams, ${count(r.memberships)} memberships`;
      },
    },
    { label: 'chat sessions', run: async () => `${count(await seedChatSessions(db, slice))} sessions` },
  ];
  // Each dashboards part followed by its share of the message parts, so that both connections
  // always have work of both kinds and finish together.
  const messagesPerDashboardPart = Math.ceil(messageParts.length / dashboardParts.length);
  for (const [i, dashboards] of dashboardParts.entries()) {
    jobs.push({
      label: `dashboards part ${i + 1}/${dashboardParts.length}`,
      run: async () => {
        const r = await seedDashboards(db, slice, dashboards, 0.41 + i / 1000);
        return `${count(r.dashboards)} dashboards, ${count(r.tabs)} tabs, ${count(r.charts)} charts`;
      },
    });
    const first = i * messagesPerDashboardPart;
    for (const [j, messages] of messageParts.slice(first, first + messagesPerDashboardPart).entries()) {
      const k = first + j;
      jobs.push({
        label: `chat messages part ${k + 1}/${messageParts.length}`,
        run: async () => `${count(await seedMessages(db, slice, messages, 0.71 + k / 1000))} messages`,
      });
    }
  }
  await runJobs(jobs, 2);
  await runJobs(
    [
      ...dropped.map((index) => ({
        label: `build ${index.name}`,
        run: async () => {
          await restoreIndex(db, index);
          return '';
        },
      })),
      { label: 'dashboard versions', run: async () => `${count(await seedVersions(db, slice))} versions` },
    ],
    2,
  );
  await verifyIndexes(db, dropped);
}

/**
 * Users to measure: random users who belong to at least one team (two in five do; they are in
 * about three), each with one random dashboard of his own or of his teams to open.
 */
async function drawSamples(db: Database): Promise<Sample[]> {
  const { rows } = await db.asOwner(async (tx) => {
    await tx.query('select setseed(0.25)');
    return tx.query<{
      user_id: string;
      dashboard_id: string | null;
      teams: number;
      visible: number;
      messages: number;
      tabs: number;
      charts: number;
    }>(
      `WITH drawn AS (
         SELECT u.id FROM auth.users u
         WHERE EXISTS (SELECT 1 FROM public.user_team_memberships m WHERE m.user_id = u.id)
         ORDER BY random() LIMIT $1
       )
       SELECT drawn.id AS user_id, v.dashboard_id, v.visible,
              (SELECT count(*) FROM public.user_team_memberships m WHERE m.user_id = drawn.id) AS teams,
              (SELECT count(*) FROM public.chat_messages cm WHERE cm.user_id = drawn.id) AS messages,
              (SELECT count(*) FROM public.dashboard_tabs t WHERE t.dashboard_id = v.dashboard_id) AS tabs,
              (SELECT count(*) FROM public.dashboard_tabs t JOIN public.charts c ON c.dashboard_tab_id = t.id
               WHERE t.dashboard_id = v.dashboard_id) AS charts
       FROM drawn CROSS JOIN LATERAL (
         SELECT count(*) AS visible, (array_agg(d.id ORDER BY random()))[1] AS dashboard_id
         FROM public.dashboards d
         WHERE d.owner_user_id = drawn.id OR d.owner_team_id = ANY (
           array(SELECT m.team_id FROM public.user_team_memberships m WHERE m.user_id = drawn.id))
       ) v`,
      [SAMPLE_USERS],
    );
  });
  const usable = rows.filter((r) => r.dashboard_id !== null);
  const mean = (pick: (r: (typeof rows)[number]) => number) =>
    (usable.reduce((sum, r) => sum + pick(r), 0) / usable.length).toFixed(1);
  console.log(
    `  sample: ${usable.length} users in ≥1 team — mean ${mean((r) => r.teams)} teams, ` +
      `${mean((r) => r.visible)} own + team dashboards, ${mean((r) => r.messages)} chat messages; ` +
      `dashboards opened: mean ${mean((r) => r.tabs)} tabs, ${mean((r) => r.charts)} charts`,
  );
  return usable.map((r) => ({ userId: r.user_id, dashboardId: r.dashboard_id as string }));
}

async function measureAll(db: Database, samples: Sample[], label: string): Promise<PhaseResult> {
  const results: OperationResult[] = [];
  for (const [index, operation] of OPERATIONS.entries()) {
    const result = await step(`measure ${operation.name}`, () =>
      measure(db, operation, samples, { iterations: ITERATIONS, warmup: WARMUP, seed: 1000 + index }),
    );
    if (result.mismatches > 0) {
      console.log(`    WARNING: secured and baseline returned different rows in ${result.mismatches} iterations`);
    }
    results.push(result);
  }
  return { label, results };
}

/** EXPLAIN ANALYZE of each operation for one sample, both forms (BENCH_EXPLAIN=1). */
async function explainAll(db: Database, sample: Sample): Promise<void> {
  const term = SEARCH_TERMS[0] as string;
  for (const operation of OPERATIONS) {
    for (const secured of [true, false]) {
      const q = secured
        ? (operation.explainSecured ?? operation.secured)(sample, term)
        : operation.baseline(sample, term);
      const explain = async (tx: Tx) =>
        (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params)).rows;
      const rows = secured ? await db.asUser(sample.userId, explain) : await db.asOwner(explain);
      console.log(`\n--- ${operation.name} (${secured ? 'RLS' : 'no RLS'}, term '${term}')`);
      for (const row of rows) console.log(`    ${row['QUERY PLAN']}`);
    }
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** One table of p50/p99 per operation and volume, for either the query alone or the round trip. */
function printTable(phases: PhaseResult[], title: string, pick: 'query' | 'roundTrip'): void {
  const header = [
    'operation'.padEnd(32),
    'volume'.padStart(6),
    'RLS p50'.padStart(9),
    'RLS p99'.padStart(9),
    'noRLS p50'.padStart(10),
    'noRLS p99'.padStart(10),
    'RLS/noRLS'.padStart(10),
    'growth RLS'.padStart(11),
    'growth noRLS'.padStart(13),
    'rows'.padStart(6),
  ].join(' ');
  console.log(`\n${title}`);
  console.log(header);
  console.log('-'.repeat(header.length));
  const first = phases[0];
  for (const [index, operation] of OPERATIONS.entries()) {
    for (const phase of phases) {
      const r = phase.results[index] as OperationResult;
      const base = first?.results[index];
      const p50s = percentile(r.secured[pick], 0.5);
      const p50b = percentile(r.baseline[pick], 0.5);
      const growth = phase !== first && base !== undefined;
      console.log(
        [
          (phase === first ? operation.name : '').padEnd(32),
          phase.label.padStart(6),
          ms(p50s).padStart(9),
          ms(percentile(r.secured[pick], 0.99)).padStart(9),
          ms(p50b).padStart(10),
          ms(percentile(r.baseline[pick], 0.99)).padStart(10),
          ratio(p50s, p50b).padStart(10),
          (growth ? ratio(p50s, percentile(base.secured[pick], 0.5)) : '').padStart(11),
          (growth ? ratio(p50b, percentile(base.baseline[pick], 0.5)) : '').padStart(13),
          r.meanRows.toFixed(1).padStart(6),
        ].join(' '),
      );
    }
  }
}

function printTargets(phases: PhaseResult[], volume: Volume): void {
  const last = phases[phases.length - 1] as PhaseResult;
  const p50 = (name: string) => {
    const r = last.results.find((x) => x.operation === name) as OperationResult;
    return percentile(r.secured.query, 0.5);
  };
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  console.log(`\nTargets (at ${last.label}: ${count(volume.messages)} chat messages; query time, p50):`);
  for (const r of last.results) {
    const factor = percentile(r.secured.query, 0.5) / percentile(r.baseline.query, 0.5);
    console.log(
      `  RLS costs at most ${TARGETS.rlsRatio}x  ${r.operation.padEnd(32)} ${ratio(factor, 1).padStart(7)}  ${verdict(factor <= TARGETS.rlsRatio)}`,
    );
  }
  for (const name of OPERATIONS.filter((o) => o.name.startsWith('chat search')).map((o) => o.name)) {
    const value = p50(name);
    console.log(
      `  chat search p50 < ${TARGETS.searchP50} ms  ${name.padEnd(32)} ${ms(value).padStart(7)} ms  ${verdict(value < TARGETS.searchP50)}`,
    );
  }
  const treeName = OPERATIONS.find((o) => o.name.startsWith('dashboard tree'))?.name as string;
  const tree = p50(treeName);
  console.log(
    `  dashboard tree p50 < ${TARGETS.treeP50} ms  ${treeName.padEnd(32)} ${ms(tree).padStart(7)} ms  ${verdict(tree < TARGETS.treeP50)}`,
  );
  if (volume.messages < 1_000_000) {
    console.log(`  (BENCH_SCALE=${SCALE}: the search target is defined at 1,000,000 messages; this run has fewer)`);
  }
}

function printNotes(): void {
  console.log(`
Notes:
  * RLS = db.asUser(user): role authenticated + JWT claims, the policies filter. noRLS = db.asOwner(): the
    superuser (RLS bypassed) running the same statement with the access rule as an explicit WHERE.
  * "Query time" is the statement alone, timed inside the already open transaction. "Round trip" is the whole
    unit of work: pool checkout, BEGIN, (RLS only: set_config of role and claims, one more round trip), the
    statement, COMMIT.
  * dashboard list: own + teams — the same SQL in both forms (own dashboards and the user's teams', newest 50);
    under RLS the read policy is evaluated on top, so the ratio is the pure cost of the policy.
  * dashboard list: all visible — RLS alone decides (no WHERE); the baseline spells out the policy's three
    branches: own OR team OR public. Public dashboards of everyone are included, as RLS shows them.
  * dashboard list: visible (UNION) — the same rows, asked as a UNION of the three branches, each taking its
    newest 50 from its own index; the same SQL in both forms.
  * dashboard tree (API, one call) — public.dashboard_tree($1): the read rule checked once, on the dashboard,
    then the whole document; the baseline builds the same document with the rule in its WHERE clause.
  * dashboard tree (table policies) — the tree read straight from the tables (as a PostgREST client would):
    each tab and chart row is checked by its policy; the baseline checks access once, on the dashboard.
  * chat search: full text — search_chat_messages(q, 20) vs the function's body with an explicit user_id.
  * chat search: ILIKE — content->>'text' ILIKE '%term%', newest 20 of the user's messages; the RLS form has no
    user filter of its own. Terms: ${SEARCH_TERMS.join(', ')} (from frequent to absent).
  * growth = p50 at 100% / p50 at 10%. rows = mean rows returned. Each iteration checks both forms return the
    same rows.`);
}

async function run(scratch: ScratchDatabase): Promise<void> {
  const started = performance.now();
  const volume = volumeFor(SCALE);
  console.log(
    `OCP database benchmark — scale ${SCALE}: ${count(volume.users)} users, ${count(volume.teams)} teams, ` +
      `${count(volume.dashboards)} dashboards, ${count(volume.messages)} chat messages; ` +
      `${ITERATIONS} iterations (+${WARMUP} warm-up) per operation`,
  );
  console.log(`database ${scratch.name}; ${loadAverage()}`);
  if (AFTER_MIGRATE) console.log(`NOTE: measuring the migrations plus ${AFTER_MIGRATE}, not the schema as it is`);
  const db = new Database(
    createPostgresDriver({ connectionString: scratch.url, maxConnections: 2, applicationName: 'ocp-bench' }),
  );
  try {
    await step(
      'migrate',
      () => migrate(db),
      (r) => `${r.applied.length} migrations`,
    );
    if (AFTER_MIGRATE) {
      const sql = await readFile(AFTER_MIGRATE, 'utf8');
      await step(`EXPERIMENT: ${AFTER_MIGRATE}`, () => db.asOwner((tx) => tx.exec(sql)));
    }
    await step('seed helpers + sentence pool', async () => {
      await createSeedHelpers(db);
      return seedSentences(db);
    });
    const phases: PhaseResult[] = [];
    const plan: [string, number, number][] = [
      ['10%', 0, 0.1],
      ['100%', 0.1, 1],
    ];
    for (const [label, from, to] of plan) {
      console.log(`\n${label} volume: seeding ${from === 0 ? 'the first 10%' : 'the remaining 90%'}`);
      const seeding = performance.now();
      await seedSlice(db, sliceOf(volume, from, to));
      await step('consistency checks', () => checkConsistency(db));
      // Autovacuum may be off (it is on the dev server): vacuum sets hint bits and the visibility
      // map, analyze gives the planner statistics, the checkpoint keeps flushing out of the timings.
      await step('VACUUM ANALYZE + CHECKPOINT', () =>
        runOutsideTransaction(scratch.url, 'VACUUM (ANALYZE)', 'CHECKPOINT'),
      );
      console.log(`  seeding ${label} took ${seconds(seeding)}`);
      const samples = await drawSamples(db);
      phases.push(await measureAll(db, samples, label));
      if (EXPLAIN && samples[0]) await explainAll(db, samples[0]);
    }
    printTable(phases, 'Query time inside the transaction, ms', 'query');
    printTable(phases, 'Round trip of the whole unit of work (BEGIN … COMMIT), ms', 'roundTrip');
    printTargets(phases, volume);
    printNotes();
    console.log(`\nTotal run time: ${seconds(started)}; ${loadAverage()}`);
  } catch (error) {
    // Drop first: it ends a statement still running on the other connection, which closing the
    // pool would wait for.
    await dropMidRun(scratch);
    throw error;
  } finally {
    await db.close().catch(() => {});
  }
}

/**
 * Drops the database while the benchmark may still be using it. Its pooled connections are
 * ended under it, and node-postgres reports that on a connection in use as an uncaught error
 * event: expected now, so ignored from here on.
 */
function dropMidRun(scratch: ScratchDatabase): Promise<void> {
  process.on('uncaughtException', () => {});
  return scratch.drop();
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase();
  // Ctrl-C, a kill, a closed terminal, or output piped into a reader that quit (EPIPE, as with
  // `| head`) must not leave a multi-gigabyte database behind.
  const abandon = (reason: string) => {
    console.error(`\n${reason}: dropping ${scratch.name}`);
    void dropMidRun(scratch).finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => abandon(signal));
  process.stdout.once('error', (error) => abandon(`output closed (${error.message})`));
  try {
    await run(scratch);
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
  } finally {
    await scratch.drop();
  }
}

await main();
