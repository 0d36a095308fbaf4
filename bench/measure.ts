/**
 * The operations the benchmark times, each written twice: as the app runs it for a user under
 * row-level security (`db.asUser`), and as the unsecured baseline, run by the owner (no RLS)
 * with the equivalent access rule spelled out in the WHERE clause. Both forms return the same
 * rows; every iteration checks that they do.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/database.js';
import type { Tx } from '../src/db/types.js';
import { prng } from '../src/shared/prng.js';
import { SEARCH_TERMS } from './words.js';

/** A typical user and one dashboard he may open (his own or one of his teams'). */
export interface Sample {
  userId: string;
  dashboardId: string;
}

export interface Query {
  text: string;
  params: unknown[];
}

export interface Operation {
  name: string;
  /** Run as the sample's user, under RLS. */
  secured(sample: Sample, term: string): Query;
  /** Run as the owner, RLS bypassed, with the access rule in the WHERE clause. */
  baseline(sample: Sample, term: string): Query;
  /** What to EXPLAIN for the secured form, when `secured` hides its plan inside a function. */
  explainSecured?(sample: Sample, term: string): Query;
}

/** The teams of user $1, as an array (what private.my_team_ids() gives the policies). */
const MY_TEAMS = 'array(SELECT m.team_id FROM public.user_team_memberships m WHERE m.user_id = $1)';

/**
 * "My dashboards": the user's own and his teams' (not other people's public ones), newest first.
 * This is the app's filter, not an access rule, so both forms carry the same WHERE; under RLS the
 * policy is checked on top. (The team ids are read with array(…) so the planner can combine two
 * index scans; `IN (subquery)` under an OR makes it scan the whole table.)
 */
const LIST_MINE_SQL = `
  SELECT d.id, d.title, d.updated_at FROM public.dashboards d
  WHERE d.owner_user_id = $1 OR d.owner_team_id = ANY (${MY_TEAMS})
  ORDER BY d.updated_at DESC LIMIT 50`;

const listMine: Operation = {
  name: 'dashboard list: own + teams',
  secured: (s) => ({ text: LIST_MINE_SQL, params: [s.userId] }),
  baseline: (s) => ({ text: LIST_MINE_SQL, params: [s.userId] }),
};

/**
 * Everything the user may see, public dashboards of others included, newest first: what a
 * client gets that leaves all filtering to RLS (`select … from dashboards`). The baseline spells
 * out the read policy's three branches.
 */
const listVisible: Operation = {
  name: 'dashboard list: all visible',
  secured: () => ({
    text: 'SELECT d.id, d.title, d.updated_at FROM public.dashboards d ORDER BY d.updated_at DESC LIMIT 50',
    params: [],
  }),
  baseline: (s) => ({
    text: `
      SELECT d.id, d.title, d.updated_at FROM public.dashboards d
      WHERE d.owner_user_id = $1 OR d.owner_team_id = ANY (${MY_TEAMS}) OR d.is_public
      ORDER BY d.updated_at DESC LIMIT 50`,
    params: [s.userId],
  }),
};

/**
 * The same list asked branch by branch: each branch takes its newest 50 from its own index
 * (the public one from idx_dashboards_public in order, stopping after 50), so the work no longer
 * grows with the number of public dashboards in the whole system. The same SQL in both forms.
 */
const LIST_VISIBLE_UNION_SQL = `
  SELECT * FROM (
    (SELECT d.id, d.title, d.updated_at FROM public.dashboards d
     WHERE d.owner_user_id = $1 ORDER BY d.updated_at DESC LIMIT 50)
    UNION
    (SELECT d.id, d.title, d.updated_at FROM public.dashboards d
     WHERE d.owner_team_id = ANY (${MY_TEAMS}) ORDER BY d.updated_at DESC LIMIT 50)
    UNION
    (SELECT d.id, d.title, d.updated_at FROM public.dashboards d
     WHERE d.is_public ORDER BY d.updated_at DESC LIMIT 50)
  ) visible
  ORDER BY updated_at DESC LIMIT 50`;

const listVisibleUnion: Operation = {
  name: 'dashboard list: visible (UNION)',
  secured: (s) => ({ text: LIST_VISIBLE_UNION_SQL, params: [s.userId] }),
  baseline: (s) => ({ text: LIST_VISIBLE_UNION_SQL, params: [s.userId] }),
};

/** One dashboard with its tabs and their charts, as one JSON document (one round trip). */
const TREE_SQL = `
  SELECT jsonb_build_object(
    'id', d.id, 'title', d.title, 'description', d.description, 'is_public', d.is_public,
    'settings', d.settings, 'updated_at', d.updated_at,
    'tabs', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
        'id', t.id, 'title', t.title, 'position', t.position, 'settings', t.settings,
        'charts', coalesce((
          SELECT jsonb_agg(jsonb_build_object(
            'id', c.id, 'title', c.title, 'chart_type', c.chart_type,
            'configuration', c.configuration, 'position', c.position) ORDER BY c.position)
          FROM public.charts c WHERE c.dashboard_tab_id = t.id), '[]'::jsonb)) ORDER BY t.position)
      FROM public.dashboard_tabs t WHERE t.dashboard_id = d.id), '[]'::jsonb)) AS tree
  FROM public.dashboards d`;

/**
 * The tree as the API reads it: public.dashboard_tree checks the read rule once, on the
 * dashboard, and builds the whole document. The baseline builds the same document (without the
 * caller's abilities) with the rule spelled out in the WHERE clause.
 */
const tree: Operation = {
  name: 'dashboard tree (API, one call)',
  secured: (s) => ({ text: `SELECT public.dashboard_tree($1) - 'abilities' AS tree`, params: [s.dashboardId] }),
  baseline: (s) => ({
    text: `SELECT private.dashboard_tree_json(d.id) AS tree FROM public.dashboards d
      WHERE d.id = $2 AND (d.owner_user_id = $1 OR d.owner_team_id = ANY (${MY_TEAMS}) OR d.is_public)`,
    params: [s.userId, s.dashboardId],
  }),
};

/**
 * The same tree read straight from the tables, as a PostgREST client would: under RLS the
 * dashboard, each tab and each chart is checked by its table's policy. The baseline checks
 * access once, on the dashboard.
 */
const treeByPolicies: Operation = {
  name: 'dashboard tree (table policies)',
  secured: (s) => ({ text: `${TREE_SQL} WHERE d.id = $1`, params: [s.dashboardId] }),
  baseline: (s) => ({
    text: `${TREE_SQL}
      WHERE d.id = $2 AND (d.owner_user_id = $1 OR d.owner_team_id = ANY (${MY_TEAMS}) OR d.is_public)`,
    params: [s.userId, s.dashboardId],
  }),
};

/**
 * Ranked full-text search. The app calls search_chat_messages, which filters on auth.uid(); the
 * baseline is the function's body with the user id as a parameter instead.
 */
const fullTextBody = (s: Sample, term: string): Query => ({
  text: `
      WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, $1) AS query)
      SELECT m.id AS message_id, m.chat_session_id, s.title AS session_title, m.role, m.created_at,
             ts_rank_cd(m.search_vector, q.query) AS rank,
             ts_headline('english'::regconfig, m.content ->> 'text', q.query,
               'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=10, MaxFragments=2') AS snippet
      FROM q, public.chat_messages m
      JOIN public.chat_sessions s ON s.id = m.chat_session_id
      WHERE m.search_vector @@ q.query AND m.user_id = $2
      ORDER BY rank DESC, m.created_at DESC
      LIMIT 20`,
  params: [term, s.userId],
});

const fullText: Operation = {
  name: 'chat search: full text (ranked)',
  secured: (_s, term) => ({ text: 'SELECT * FROM public.search_chat_messages($1, 20)', params: [term] }),
  baseline: fullTextBody,
  // EXPLAIN of a function call shows only "Function Scan": explain its body, as the user.
  explainSecured: fullTextBody,
};

/** Escapes LIKE's wildcards so that a term is matched as written. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SUBSTRING_SQL = `
  SELECT m.id, m.chat_session_id, m.created_at, left(m.content ->> 'text', 200) AS preview
  FROM public.chat_messages m WHERE m.content ->> 'text' ILIKE $1`;

/** Substring search, newest first. Under RLS the policy is the user filter. */
const substring: Operation = {
  name: 'chat search: ILIKE substring',
  secured: (_s, term) => ({
    text: `${SUBSTRING_SQL} ORDER BY m.created_at DESC LIMIT 20`,
    params: [likePattern(term)],
  }),
  baseline: (s, term) => ({
    text: `${SUBSTRING_SQL} AND m.user_id = $2 ORDER BY m.created_at DESC LIMIT 20`,
    params: [likePattern(term), s.userId],
  }),
};

export const OPERATIONS: readonly Operation[] = [
  listMine,
  listVisible,
  listVisibleUnion,
  tree,
  treeByPolicies,
  fullText,
  substring,
];

export interface Timings {
  /** The statement alone, timed inside the open transaction. */
  query: number[];
  /** The whole unit of work: BEGIN, (role and claims), the statement, COMMIT. */
  roundTrip: number[];
}

export interface OperationResult {
  operation: string;
  secured: Timings;
  baseline: Timings;
  /** Mean rows returned (documents, for the tree). */
  meanRows: number;
  /** Iterations where the two forms returned different rows: must be 0. */
  mismatches: number;
}

/** A small seeded generator, so each run draws the same users and terms. */
export { prng };

interface Run {
  query: number;
  roundTrip: number;
  rows: unknown[];
}

async function runOnce(db: Database, secured: boolean, userId: string, q: Query): Promise<Run> {
  let queryMs = 0;
  let rows: unknown[] = [];
  const work = async (tx: Tx) => {
    const start = performance.now();
    const result = await tx.query(q.text, q.params);
    queryMs = performance.now() - start;
    rows = result.rows;
  };
  const start = performance.now();
  if (secured) await db.asUser(userId, work);
  else await db.asOwner(work);
  return { query: queryMs, roundTrip: performance.now() - start, rows };
}

/**
 * Times one operation: `warmup` untimed iterations, then `iterations` timed ones, each over a
 * randomly drawn sample (and search term). Each iteration runs both forms on the same input,
 * in random order, so neither always finds the cache warmed by the other.
 */
export async function measure(
  db: Database,
  operation: Operation,
  samples: readonly Sample[],
  options: { iterations: number; warmup: number; seed: number },
): Promise<OperationResult> {
  const random = prng(options.seed);
  const result: OperationResult = {
    operation: operation.name,
    secured: { query: [], roundTrip: [] },
    baseline: { query: [], roundTrip: [] },
    meanRows: 0,
    mismatches: 0,
  };
  let rows = 0;
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    const sample = samples[Math.floor(random() * samples.length)] as Sample;
    const term = SEARCH_TERMS[Math.floor(random() * SEARCH_TERMS.length)] as string;
    const securedFirst = random() < 0.5;
    const runSecured = () => runOnce(db, true, sample.userId, operation.secured(sample, term));
    const runBaseline = () => runOnce(db, false, sample.userId, operation.baseline(sample, term));
    let secured: Run;
    let baseline: Run;
    if (securedFirst) {
      secured = await runSecured();
      baseline = await runBaseline();
    } else {
      baseline = await runBaseline();
      secured = await runSecured();
    }
    if (i < options.warmup) continue;
    result.secured.query.push(secured.query);
    result.secured.roundTrip.push(secured.roundTrip);
    result.baseline.query.push(baseline.query);
    result.baseline.roundTrip.push(baseline.roundTrip);
    rows += secured.rows.length;
    if (JSON.stringify(secured.rows) !== JSON.stringify(baseline.rows)) result.mismatches++;
  }
  result.meanRows = rows / options.iterations;
  return result;
}

/** The value below which a fraction `q` of the samples fall (nearest rank). */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
