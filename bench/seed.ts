/**
 * Seeds the benchmark database with set-based SQL, as the owner, in slices: the first slice is
 * 10% of the volume, the second the other 90%, so the same database can be measured small and
 * then grown. Every row's id and the structure (who owns a dashboard, how many tabs and charts
 * it has, whose a chat session is) are derived from ordinal numbers by hashing, so each statement
 * can compute what another one made without reading it back; texts, settings and the session of
 * each message are drawn with random() from a fixed seed.
 *
 * Triggers and foreign keys are switched off while loading (session_replication_role = replica):
 * row-by-row triggers would take most of the time. Whatever they would have done is done here
 * instead (profiles for users, creators as team admins, positions, the chart cap, message owners)
 * and checked afterwards by checkConsistency.
 */
import type { Database } from '../src/db/database.js';
import type { Tx } from '../src/db/types.js';
import * as words from './words.js';

/** Row counts of the full volume, scaled by BENCH_SCALE. */
export interface Volume {
  users: number;
  teams: number;
  dashboards: number;
  /** Five per user. */
  sessions: number;
  messages: number;
}

export const SESSIONS_PER_USER = 5;

/** Ordinal ranges [lo, hi) of each entity that one seeding step creates. */
export interface Slice {
  users: Range;
  teams: Range;
  dashboards: Range;
  sessions: Range;
  messages: Range;
}

export interface Range {
  lo: number;
  hi: number;
}

/**
 * The full volume (20,000 users, 2,000 teams, 200,000 dashboards, 1,000,000 chat messages) times
 * `scale`. Users are rounded to a multiple of 100 so that a tenth of them is a multiple of 5,
 * which the team-member draw (two users in every five) relies on.
 */
export function volumeFor(scale: number): Volume {
  const round = (full: number, step: number, min: number) => Math.max(min, Math.round((full * scale) / step) * step);
  const users = round(20_000, 100, 100);
  return {
    users,
    teams: round(2_000, 10, 10),
    dashboards: round(200_000, 10, 100),
    sessions: users * SESSIONS_PER_USER,
    messages: round(1_000_000, 10, 1_000),
  };
}

/** The rows between two fractions of the volume, e.g. 0 → 0.1, then 0.1 → 1. */
export function sliceOf(volume: Volume, from: number, to: number): Slice {
  const range = (total: number): Range => ({ lo: Math.round(total * from), hi: Math.round(total * to) });
  const users = range(volume.users);
  return {
    users,
    teams: range(volume.teams),
    dashboards: range(volume.dashboards),
    sessions: { lo: users.lo * SESSIONS_PER_USER, hi: users.hi * SESSIONS_PER_USER },
    messages: range(volume.messages),
  };
}

/** Sentences in the pool that chat messages are assembled from. */
const SENTENCE_POOL = 20_000;

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * SQL that draws one word of a list; `skew` > 1 favours the first words (a Zipf-like draw). The
 * list is a constant array inside an immutable SQL function, which the planner inlines and folds,
 * so a draw costs an array subscript, not a function call.
 */
function pickerFunction(name: string, list: readonly string[], skew: number): string {
  const array = `ARRAY[${list.map(sqlText).join(', ')}]::text[]`;
  return `CREATE FUNCTION bench.${name}(r float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT (${array})[1 + floor(power(r, ${skew}) * ${list.length})::int] $$;`;
}

/**
 * The bench schema: hashing helpers, word pickers and the sentence pool. It lives in the
 * benchmark's own database, which is dropped at the end.
 */
export async function createSeedHelpers(db: Database): Promise<void> {
  const epochSeconds = Math.floor(Date.now() / 1000);
  await db.asOwner((tx) =>
    tx.exec(`
      CREATE SCHEMA bench;
      -- Each helper is one immutable expression, which the planner inlines; a helper it cannot
      -- inline costs a function call per use, tens of microseconds times millions of rows. (Hence
      -- the ::text casts: text || bigint is only stable, and would stop the inlining.)
      -- A reproducible number in [0, 1) for a key: the same key gives the same draw in every statement.
      CREATE FUNCTION bench.rnd(k text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT (hashtext(k)::bigint + 2147483648)::float8 / 4294967296 $$;
      -- The id of the n-th row of a kind ('u' user, 't' team, 'd' dashboard, 'tab', 'c' chart, 's' session):
      -- a hash with the version (4) and variant digits set, so that it is a valid RFC 9562 UUID.
      CREATE FUNCTION bench.id(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT overlay(overlay(md5(kind || ':' || n::text) placing '4' from 13) placing '8' from 17)::uuid $$;
      -- A time up to 'days' before the run started (fixed, so that every statement agrees).
      CREATE FUNCTION bench.ago(r float8, days integer) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT to_timestamp(${epochSeconds} - r * days * 86400) $$;
      -- Two users in every five join teams. The draw r picks one of those in users [lo, hi).
      CREATE FUNCTION bench.team_user(lo bigint, hi bigint, r float8) RETURNS uuid
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT bench.id('u', lo + (floor(r * ((hi - lo) / 5 * 2))::bigint / 2) * 5
                               + floor(r * ((hi - lo) / 5 * 2))::bigint % 2) $$;
      -- Tabs per dashboard: 1 (40%), 2 (30%), 3 (20%), 4 (10%).
      CREATE FUNCTION bench.ntabs(d bigint) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT 1 + width_bucket(bench.rnd('nt:' || d::text), ARRAY[0.4, 0.7, 0.9]::float8[]) $$;
      -- Charts per tab (tab = dashboard * 4 + tab position): none in 5% of tabs, else 1 to 10,
      -- mostly few.
      CREATE FUNCTION bench.ncharts(tab bigint) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT CASE WHEN bench.rnd('nc:' || tab::text) < 0.05 THEN 0
                       ELSE 1 + floor(10 * power(bench.rnd('nc2:' || tab::text), 2))::int END $$;
      ${pickerFunction('metric', words.METRICS, 2.2)}
      ${pickerFunction('dimension', words.DIMENSIONS, 2)}
      ${pickerFunction('period', words.PERIODS, 1.5)}
      ${pickerFunction('change', words.CHANGES, 1.5)}
      ${pickerFunction('quality', words.QUALITIES, 1.5)}
      ${pickerFunction('cause', words.CAUSES, 1.5)}
      ${pickerFunction('chart_word', words.CHART_WORDS, 1.5)}
      ${pickerFunction('dataset', words.DATASETS, 1.5)}
      ${pickerFunction('rare', words.RARE_WORDS, 1)}
      ${pickerFunction('filler', words.FILLER, 1)}
      ${pickerFunction('first_name', words.FIRST_NAMES, 1)}
      ${pickerFunction('last_name', words.LAST_NAMES, 1)}
      ${pickerFunction('team_word', words.TEAM_WORDS, 1)}
      ${pickerFunction('tab_title', words.TAB_TITLES, 1)}
      ${pickerFunction('timezone', words.TIMEZONES, 2)}
      CREATE TABLE bench.sentences (i integer PRIMARY KEY, text text NOT NULL);
    `),
  );
}

/** One owner transaction with triggers and foreign keys off, sized for bulk work. */
function bulk<T>(db: Database, seed: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.asOwner(async (tx) => {
    await tx.exec(`
      SET LOCAL session_replication_role = replica;
      SET LOCAL synchronous_commit = off;
      SET LOCAL work_mem = '256MB';
      SET LOCAL maintenance_work_mem = '512MB';
      -- generate_series over function arguments makes the planner guess billions of rows, and JIT
      -- compiling for those guesses costs more than the statements themselves.
      SET LOCAL jit = off;
    `);
    // random() draws (texts, settings) repeat from run to run.
    await tx.query('select setseed($1)', [seed]);
    return work(tx);
  });
}

async function insert(tx: Tx, sql: string): Promise<number> {
  return (await tx.query(sql)).rowCount;
}

/**
 * Sentences like an analyst and an assistant write them, from ten templates filled with skewed
 * word draws; 3% mention a rare tool or place. Messages are built from 1–5 of them.
 */
export async function seedSentences(db: Database): Promise<number> {
  return bulk(db, 0.11, (tx) =>
    insert(
      tx,
      `INSERT INTO bench.sentences (i, text)
       SELECT i, CASE t
           WHEN 0 THEN format('Show me the %s by %s for %s.', m1, d1, p1)
           WHEN 1 THEN format('%s %s by %s%% %s.', initcap(m1), c1, pct, p1)
           WHEN 2 THEN format('Can you break down %s by %s and %s?', m1, d1, d2)
           WHEN 3 THEN format('Here is a %s chart of %s per %s over %s.', ch, m1, d1, p1)
           WHEN 4 THEN format('I noticed that %s %s around %s, probably because of the %s.', m1, c1, p1, ca)
           WHEN 5 THEN format('Let me query the %s table and compute %s by %s.', ds, m1, d1)
           WHEN 6 THEN format('Add a %s chart with %s on the x axis and %s on the y axis.', ch, d1, m1)
           WHEN 7 THEN format('Overall %s looks %s, while %s is %s %s.', m1, q1, m2, q2, f1)
           WHEN 8 THEN format('The %s for each %s was %s %s.', m1, d1, q1, f1)
           ELSE format('Filter the %s to %s and compare %s with %s.', ds, p1, m1, m2)
         END || CASE WHEN rare_draw < 0.03 THEN format(' The data comes from %s.', rare) ELSE '' END
       FROM (
         SELECT i, floor(random() * 10)::int AS t,
           bench.metric(random()) AS m1, bench.metric(random()) AS m2,
           bench.dimension(random()) AS d1, bench.dimension(random()) AS d2,
           bench.period(random()) AS p1, bench.change(random()) AS c1, bench.quality(random()) AS q1,
           bench.quality(random()) AS q2, bench.cause(random()) AS ca, bench.chart_word(random()) AS ch,
           bench.dataset(random()) AS ds, bench.filler(random()) AS f1, bench.rare(random()) AS rare,
           random() AS rare_draw, 1 + floor(random() * 40)::int AS pct
         FROM generate_series(1, ${SENTENCE_POOL}) i
         OFFSET 0 -- a fence: each draw is made once per row, not once per use
       ) s`,
    ),
  );
}

/** auth.users and the profile the sign-up trigger would have made for each. */
export async function seedUsers(db: Database, users: Range): Promise<number> {
  return bulk(db, 0.21, async (tx) => {
    const count = await insert(
      tx,
      `INSERT INTO auth.users (id, email, raw_user_meta_data, created_at, updated_at)
       SELECT bench.id('u', n), 'user' || n || '@example.com',
              jsonb_build_object('display_name', bench.first_name(random()) || ' ' || bench.last_name(random())),
              c, c
       FROM generate_series(${users.lo}, ${users.hi - 1}) n, LATERAL (SELECT bench.ago(bench.rnd('uc:' || n), 730) AS c) x`,
    );
    await insert(
      tx,
      `INSERT INTO public.user_profiles (id, display_name, timezone, preferences, created_at, updated_at)
       SELECT u.id, private.default_display_name(u.email, u.raw_user_meta_data), bench.timezone(random()),
              jsonb_build_object('theme', CASE WHEN random() < 0.6 THEN 'light' ELSE 'dark' END,
                                 'default_chart', bench.chart_word(random())),
              u.created_at, u.created_at
       FROM generate_series(${users.lo}, ${users.hi - 1}) n JOIN auth.users u ON u.id = bench.id('u', n)`,
    );
    return count;
  });
}

/**
 * Teams of 5–20 members drawn from the slice's team users (two in five users), so a team user
 * is in about three teams. The creator is the first admin, as the add_creator_as_admin trigger
 * would make him; the others are a third editors, half viewers, a sixth admins.
 */
export async function seedTeams(db: Database, slice: Slice): Promise<{ teams: number; memberships: number }> {
  const { users, teams } = slice;
  const creator = `bench.team_user(${users.lo}, ${users.hi}, bench.rnd('tc:' || t))`;
  return bulk(db, 0.31, async (tx) => {
    const teamCount = await insert(
      tx,
      `INSERT INTO public.teams (id, name, description, settings, created_by, created_at, updated_at)
       SELECT bench.id('t', t), bench.team_word(random()) || ' ' || t,
              'Dashboards and analyses of the ' || lower(bench.team_word(random())) || ' team.',
              jsonb_build_object('default_timezone', bench.timezone(random())), ${creator}, c, c
       FROM generate_series(${teams.lo}, ${teams.hi - 1}) t, LATERAL (SELECT bench.ago(bench.rnd('tt:' || t), 730) AS c) x`,
    );
    let memberships = await insert(
      tx,
      `INSERT INTO public.user_team_memberships (user_id, team_id, role, joined_at)
       SELECT ${creator}, bench.id('t', t), 'admin', bench.ago(bench.rnd('tt:' || t), 730)
       FROM generate_series(${teams.lo}, ${teams.hi - 1}) t`,
    );
    memberships += await insert(
      tx,
      `INSERT INTO public.user_team_memberships (user_id, team_id, role, joined_at)
       SELECT bench.team_user(${users.lo}, ${users.hi}, bench.rnd('tm:' || t || ':' || j)), bench.id('t', t),
              (ARRAY['admin', 'editor', 'editor', 'viewer', 'viewer', 'viewer'])[1 + floor(random() * 6)::int]::public.team_role,
              bench.ago(bench.rnd('tt:' || t), 730) + random() * interval '300 days'
       FROM generate_series(${teams.lo}, ${teams.hi - 1}) t,
            generate_series(1, 4 + floor(bench.rnd('tn:' || t) * 16)::int) j
       ON CONFLICT (user_id, team_id) DO NOTHING`,
    );
    return { teams: teamCount, memberships };
  });
}

/**
 * Dashboards `part` (a part of the slice's range, so that loading can be spread over both
 * connections): 60% personal (of any user of the slice), 40% owned by a team of the slice; 5%
 * public. Each has 1–4 tabs at positions 0…n-1 and each tab 0–10 charts at positions 0…n-1, so
 * positions are unique and the 10-chart cap holds by construction. Chart configurations are
 * what a charting front end stores: dataset, SQL, axes, filters, colours, layout.
 */
export async function seedDashboards(
  db: Database,
  slice: Slice,
  part: Range,
  seed: number,
): Promise<{ dashboards: number; tabs: number; charts: number }> {
  const { users, teams } = slice;
  const dashboardSeries = `generate_series(${part.lo}, ${part.hi - 1}) d`;
  return bulk(db, seed, async (tx) => {
    const dashboards = await insert(
      tx,
      `INSERT INTO public.dashboards
         (id, title, description, owner_user_id, owner_team_id, is_public, settings, created_at, updated_at)
       SELECT bench.id('d', d), initcap(bench.metric(random())) || ' by ' || bench.dimension(random()),
              CASE WHEN random() < 0.5 THEN 'Tracks ' || bench.metric(random()) || ' for ' || bench.period(random()) || '.' END,
              CASE WHEN personal THEN bench.id('u', ${users.lo} + floor(bench.rnd('ou:' || d) * ${users.hi - users.lo})::bigint) END,
              CASE WHEN NOT personal THEN bench.id('t', ${teams.lo} + floor(bench.rnd('ot:' || d) * ${teams.hi - teams.lo})::bigint) END,
              bench.rnd('dp:' || d) < 0.05,
              jsonb_build_object('theme', CASE WHEN random() < 0.7 THEN 'light' ELSE 'dark' END,
                                 'time_range', bench.period(random()), 'refresh_seconds', 300),
              created, created + random() * (bench.ago(0, 0) - created)
       FROM ${dashboardSeries},
            LATERAL (SELECT bench.rnd('do:' || d) < 0.6 AS personal, bench.ago(bench.rnd('dc:' || d), 730) AS created) x`,
    );
    const tabs = await insert(
      tx,
      `INSERT INTO public.dashboard_tabs (id, dashboard_id, title, position, settings, created_at, updated_at)
       SELECT bench.id('tab', d * 4 + i), bench.id('d', d),
              CASE WHEN i = 0 THEN 'Overview' ELSE bench.tab_title(random()) END, i,
              jsonb_build_object('columns', 12, 'row_height', 80), c, c
       FROM ${dashboardSeries}, generate_series(0, bench.ntabs(d) - 1) i,
            LATERAL (SELECT bench.ago(bench.rnd('dc:' || d), 730) AS c) x`,
    );
    const charts = await insert(
      tx,
      `INSERT INTO public.charts (id, dashboard_tab_id, title, chart_type, configuration, position, created_at, updated_at)
       SELECT bench.id('c', tab * 10 + p), bench.id('tab', tab), initcap(metric) || ' by ' || dim, chart_type,
              jsonb_build_object(
                'dataset', dataset,
                'sql', format('select %s, %s(%s) as value from %s where created_at >= now() - interval ''90 days'' group by 1 order by 1',
                              replace(dim, ' ', '_'), agg, replace(metric, ' ', '_'), dataset),
                'x', jsonb_build_object('field', replace(dim, ' ', '_'),
                                        'type', CASE WHEN dim IN ('month', 'week', 'day', 'quarter') THEN 'temporal' ELSE 'nominal' END),
                'y', jsonb_build_array(jsonb_build_object('field', replace(metric, ' ', '_'), 'aggregate', agg)),
                'filters', CASE WHEN draw < 0.4
                  THEN jsonb_build_array(jsonb_build_object('field', 'region', 'op', 'in', 'values', jsonb_build_array('EMEA', 'NA')))
                  ELSE '[]'::jsonb END,
                'colors', jsonb_build_array('#4e79a7', '#f28e2b', '#e15759', '#76b7b2'),
                'legend', jsonb_build_object('show', draw < 0.7, 'position', 'bottom'),
                'layout', jsonb_build_object('x', (p % 2) * 6, 'y', (p / 2) * 4, 'w', 6, 'h', 4)),
              p, c, c
       FROM (
         SELECT tab, p, bench.ago(bench.rnd('dc:' || d), 730) AS c,
                bench.metric(random()) AS metric, bench.dimension(random()) AS dim, bench.dataset(random()) AS dataset,
                (ARRAY['line', 'area', 'bar', 'stacked_bar', 'pie', 'donut', 'scatter', 'heatmap', 'histogram', 'kpi',
                       'table', 'combo'])[1 + floor(random() * 12)::int] AS chart_type,
                (ARRAY['sum', 'avg', 'count', 'max'])[1 + floor(random() * 4)::int] AS agg, random() AS draw
         FROM ${dashboardSeries}, generate_series(0, bench.ntabs(d) - 1) i, LATERAL (SELECT d * 4 + i AS tab) k,
              generate_series(0, bench.ncharts(tab) - 1) p
         OFFSET 0 -- a fence: each draw is made once per chart
       ) g`,
    );
    return { dashboards, tabs, charts };
  });
}

/**
 * One to three saved versions of one dashboard in ten, each with the snapshot the version
 * trigger would have taken, by the owner or (team dashboards) the team's creator, an admin.
 */
export async function seedVersions(db: Database, slice: Slice): Promise<number> {
  const range = slice.dashboards;
  return bulk(db, 0.51, (tx) =>
    insert(
      tx,
      `INSERT INTO public.dashboard_versions (dashboard_id, version_number, snapshot, change_summary, created_by, created_at)
       SELECT dd.id, v, private.dashboard_snapshot(dd.id),
              (ARRAY['Initial version', 'Added charts', 'Changed filters', 'Reordered tabs', 'Renamed'])[1 + floor(random() * 5)::int],
              coalesce(dd.owner_user_id, tm.created_by), dd.created_at + v * interval '1 day'
       FROM generate_series(${range.lo}, ${range.hi - 1}) d
       JOIN public.dashboards dd ON dd.id = bench.id('d', d)
       LEFT JOIN public.teams tm ON tm.id = dd.owner_team_id
       CROSS JOIN LATERAL generate_series(1, 1 + floor(bench.rnd('nv:' || d) * 3)::int) v
       WHERE bench.rnd('dv:' || d) < 0.1`,
    ),
  );
}

/** Chat sessions, five per user of the slice, each two hours long. */
export async function seedChatSessions(db: Database, slice: Slice): Promise<number> {
  const range = slice.sessions;
  return bulk(db, 0.61, (tx) =>
    insert(
      tx,
      `INSERT INTO public.chat_sessions (id, user_id, title, context_type, settings, created_at, updated_at)
       SELECT bench.id('s', s), bench.id('u', s / ${SESSIONS_PER_USER}),
              initcap(bench.metric(random())) || ' ' || (ARRAY['analysis', 'question', 'deep dive', 'report', 'check'])[1 + floor(random() * 5)::int],
              CASE WHEN random() < 0.75 THEN 'global' ELSE 'workspace' END,
              jsonb_build_object('temperature', 0.2), c, c + interval '2 hours'
       FROM generate_series(${range.lo}, ${range.hi - 1}) s, LATERAL (SELECT bench.ago(bench.rnd('sc:' || s), 730) AS c) x`,
    ),
  );
}

/**
 * Chat messages `part` (a part of the slice's range), spread over the slice's sessions at
 * random; a fifth of them go to one session in twenty, so some users chat much more than others.
 * A message's user_id is its session's owner, as the stamp_message_owner trigger would set; it
 * falls inside its session's two hours, which end at the session's updated_at (what the
 * touch_session_on_message trigger would keep). The text is 1–2 sentences from the user, 2–5
 * from the assistant. (Sentences are joined by key: subscripting an array of the whole pool
 * would detoast the megabyte-long array for every message.)
 */
export async function seedMessages(db: Database, slice: Slice, part: Range, seed: number): Promise<number> {
  const sessions = slice.sessions;
  const draw = (name: string) => `1 + floor(random() * ${SENTENCE_POOL})::int AS ${name}`;
  const sentence = (k: number) => `LEFT JOIN bench.sentences s${k} ON s${k}.i = g.i${k} AND g.n >= ${k}`;
  return bulk(db, seed, (tx) =>
    insert(
      tx,
      `INSERT INTO public.chat_messages (chat_session_id, user_id, role, content, metadata, created_at)
       SELECT bench.id('s', g.s), bench.id('u', g.s / ${SESSIONS_PER_USER}), g.role,
              jsonb_build_object('text', concat_ws(' ', s1.text, s2.text, s3.text, s4.text, s5.text)),
              CASE WHEN g.role = 'assistant' THEN '{"tokens": 412}'::jsonb ELSE '{}'::jsonb END,
              bench.ago(bench.rnd('sc:' || g.s), 730) + g.at * interval '2 hours'
       FROM (
         SELECT CASE WHEN heavy < 0.2 THEN s0 - (s0 - ${sessions.lo}) % 20 ELSE s0 END AS s,
                CASE WHEN assistant THEN 'assistant' ELSE 'user' END AS role,
                CASE WHEN assistant THEN 2 + floor(length_draw * 4)::int ELSE 1 + floor(length_draw * 2)::int END AS n,
                at, i1, i2, i3, i4, i5
         FROM (
           SELECT ${sessions.lo} + floor(random() * ${sessions.hi - sessions.lo})::bigint AS s0, random() AS heavy,
                  random() < 0.5 AS assistant, random() AS length_draw, random() AS at,
                  ${draw('i1')}, ${draw('i2')}, ${draw('i3')}, ${draw('i4')}, ${draw('i5')}
           FROM generate_series(${part.lo}, ${part.hi - 1}) m
           OFFSET 0 -- a fence: each draw is made once per message
         ) r
       ) g
       JOIN bench.sentences s1 ON s1.i = g.i1
       ${[2, 3, 4, 5].map(sentence).join('\n       ')}`,
    ),
  );
}

/** An index to drop before a bulk load and build again after it. */
export interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Drops the GIN indexes of the two big tables (charts, chat_messages). Building a GIN index
 * over loaded rows is two to three times faster than maintaining it row by row (pg_restore
 * loads the same way); restoreIndexes makes them again from their exact definitions.
 */
export async function dropGinIndexes(db: Database): Promise<IndexDefinition[]> {
  return db.asOwner(async (tx) => {
    const { rows } = await tx.query<IndexDefinition>(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
              pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = c.relam
       WHERE i.indrelid IN ('public.charts'::regclass, 'public.chat_messages'::regclass) AND am.amname = 'gin'
       -- The trigram index takes longest to build: first, so the other builds run beside it.
       ORDER BY pg_get_indexdef(i.indexrelid) LIKE '%gin_trgm_ops%' DESC, c.relname`,
    );
    for (const index of rows) await tx.exec(`DROP INDEX ${index.name}`);
    return rows;
  });
}

export async function restoreIndex(db: Database, index: IndexDefinition): Promise<void> {
  await db.asOwner((tx) => tx.exec(`SET LOCAL maintenance_work_mem = '512MB'; ${index.definition}`));
}

/** Fails unless every dropped index exists again, exactly as it was defined. */
export async function verifyIndexes(db: Database, dropped: readonly IndexDefinition[]): Promise<void> {
  const { rows } = await db.asOwner((tx) =>
    tx.query<{ definition: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
       WHERE i.indrelid IN ('public.charts'::regclass, 'public.chat_messages'::regclass)`,
    ),
  );
  const present = new Set(rows.map((r) => r.definition));
  const missing = dropped.filter((index) => !present.has(index.definition));
  if (missing.length > 0) throw new Error(`indexes not restored: ${missing.map((i) => i.name).join(', ')}`);
}

/**
 * What the disabled triggers and foreign keys would have guaranteed, checked over the whole
 * database. A benchmark over inconsistent data would measure nothing, so a failure here stops it.
 */
export async function checkConsistency(db: Database): Promise<void> {
  const checks: Record<string, string> = {
    'users without a profile': `SELECT count(*) FROM auth.users u
      WHERE NOT EXISTS (SELECT 1 FROM public.user_profiles p WHERE p.id = u.id)`,
    'profiles without a user': `SELECT count(*) FROM public.user_profiles p
      WHERE NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = p.id)`,
    'teams whose creator is not an admin': `SELECT count(*) FROM public.teams t WHERE NOT EXISTS (
      SELECT 1 FROM public.user_team_memberships m WHERE m.team_id = t.id AND m.user_id = t.created_by AND m.role = 'admin')`,
    'memberships of unknown users or teams': `SELECT count(*) FROM public.user_team_memberships m
      WHERE NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = m.user_id)
         OR NOT EXISTS (SELECT 1 FROM public.teams t WHERE t.id = m.team_id)`,
    'dashboards of unknown owners': `SELECT count(*) FROM public.dashboards d
      WHERE (d.owner_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = d.owner_user_id))
         OR (d.owner_team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.teams t WHERE t.id = d.owner_team_id))`,
    'tabs of unknown dashboards': `SELECT count(*) FROM public.dashboard_tabs t
      WHERE NOT EXISTS (SELECT 1 FROM public.dashboards d WHERE d.id = t.dashboard_id)`,
    'charts of unknown tabs': `SELECT count(*) FROM public.charts c
      WHERE NOT EXISTS (SELECT 1 FROM public.dashboard_tabs t WHERE t.id = c.dashboard_tab_id)`,
    'duplicate tab positions': `SELECT count(*) FROM (SELECT 1 FROM public.dashboard_tabs
      GROUP BY dashboard_id, position HAVING count(*) > 1) x`,
    'duplicate chart positions': `SELECT count(*) FROM (SELECT 1 FROM public.charts
      GROUP BY dashboard_tab_id, position HAVING count(*) > 1) x`,
    'tabs with more than 10 charts': `SELECT count(*) FROM (SELECT 1 FROM public.charts
      GROUP BY dashboard_tab_id HAVING count(*) > 10) x`,
    'duplicate version numbers': `SELECT count(*) FROM (SELECT 1 FROM public.dashboard_versions
      GROUP BY dashboard_id, version_number HAVING count(*) > 1) x`,
    'sessions of unknown users': `SELECT count(*) FROM public.chat_sessions s
      WHERE NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = s.user_id)`,
    'messages not owned by their session owner': `SELECT count(*) FROM public.chat_messages m
      LEFT JOIN public.chat_sessions s ON s.id = m.chat_session_id
      WHERE s.id IS NULL OR s.user_id <> m.user_id`,
    'messages after their session was last updated': `SELECT count(*) FROM public.chat_messages m
      JOIN public.chat_sessions s ON s.id = m.chat_session_id WHERE m.created_at > s.updated_at`,
  };
  const failures = await db.asOwner(async (tx) => {
    const found: string[] = [];
    for (const [name, sql] of Object.entries(checks)) {
      const { rows } = await tx.query<{ count: number }>(sql);
      const count = rows[0]?.count ?? 0;
      if (count > 0) found.push(`${name}: ${count}`);
    }
    return found;
  });
  if (failures.length > 0) throw new Error(`seeded data is inconsistent:\n  ${failures.join('\n  ')}`);
}
