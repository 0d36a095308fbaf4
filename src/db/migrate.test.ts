import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../test/support/postgres.js';
import { Database } from './database.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';
import { createPgliteDriver } from './pglite-driver.js';
import { createPostgresDriver } from './postgres-driver.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyPostgres(label: string): Promise<Database> {
  const scratch = await createScratchDatabase(label);
  const db = new Database(createPostgresDriver({ connectionString: scratch.url, maxConnections: 4 }));
  cleanups.push(async () => {
    await db.close();
    await scratch.drop();
  });
  return db;
}

const migrationFiles = async () => (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();

describe('migrations on an empty PostgreSQL', () => {
  it('apply in order, each once, recorded in ocp_meta.schema_migrations', async () => {
    const db = await emptyPostgres('fresh');
    const first = await migrate(db);
    expect(first.applied).toEqual(await migrationFiles());
    expect((await migrate(db)).applied).toEqual([]);
    const recorded = await db.asOwner((tx) => tx.query('select name from ocp_meta.schema_migrations order by name'));
    expect(recorded.rows.map((r) => r.name)).toEqual(first.applied);
  });

  it('create every table of the seed (and the invitations), each with row-level security and policies', async () => {
    const db = await emptyPostgres('tables');
    await migrate(db);
    const { rows } = await db.asOwner((tx) =>
      tx.query<{ relname: string; relrowsecurity: boolean; policies: number }>(`
        select c.relname, c.relrowsecurity, (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by 1`),
    );
    expect(rows.map((r) => r.relname)).toEqual([
      'agents',
      'charts',
      'chat_messages',
      'chat_sessions',
      'custom_commands',
      'dashboard_tabs',
      'dashboard_versions',
      'dashboards',
      'datasets',
      'llm_models',
      'sharing_links',
      'team_invitations',
      'teams',
      'user_profiles',
      'user_team_memberships',
      'workspace_items',
    ]);
    for (const row of rows) {
      expect(row.relrowsecurity, row.relname).toBe(true);
      expect(row.policies, row.relname).toBeGreaterThan(0);
    }
  });

  it('two instances migrating at once apply each migration once', async () => {
    const db = await emptyPostgres('race');
    const [a, b] = await Promise.all([migrate(db), migrate(db)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(await migrationFiles());
  });

  it('refuse to go on when an applied migration was edited afterwards', async () => {
    const db = await emptyPostgres('edited');
    const dir = await mkdtemp(path.join(tmpdir(), 'ocp-migrations-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(db, dir);
    const [firstFile] = await migrationFiles();
    await writeFile(path.join(dir, firstFile as string), '-- edited\nSELECT 1;\n');
    await expect(migrate(db, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('keep an auth schema that already exists (as on Supabase) and give its users profiles', async () => {
    const db = await emptyPostgres('supabase');
    await db.asOwner((tx) =>
      tx.exec(`
        CREATE SCHEMA auth;
        CREATE TABLE auth.users (id uuid PRIMARY KEY, email text, raw_user_meta_data jsonb, encrypted_password text,
                                 is_sso_user boolean NOT NULL DEFAULT false);
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS
          $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
        COMMENT ON FUNCTION auth.uid() IS 'supabase-owned';
        INSERT INTO auth.users (id, email) VALUES ('00000000-0000-4000-8000-000000000001', 'early@example.test');
      `),
    );
    await migrate(db);
    const { rows } = await db.asOwner((tx) =>
      tx.query(`select obj_description('auth.uid()'::regprocedure) as comment,
                       (select display_name from public.user_profiles) as profile,
                       (select count(*) from information_schema.columns where table_schema = 'auth' and table_name = 'users') as columns`),
    );
    expect(rows[0]).toEqual({ comment: 'supabase-owned', profile: 'early', columns: 5 });
  });
});

describe('migrations on PGlite', () => {
  it('apply unchanged, and the same rules hold there', async () => {
    const db = new Database(await createPgliteDriver());
    cleanups.push(() => db.close());
    expect((await migrate(db)).applied).toEqual(await migrationFiles());

    const [alice, bob] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    await db.asOwner((tx) =>
      tx.query("insert into auth.users (id, email) values ($1, 'alice@example.test'), ($2, 'bob@example.test')", [
        alice,
        bob,
      ]),
    );
    const tabId = await db.asUser(alice, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "insert into dashboards (title, owner_user_id) values ('Full', $1) returning id",
        [alice],
      );
      const { rows: tabs } = await tx.query<{ id: string }>(
        "insert into dashboard_tabs (dashboard_id, title) values ($1, 'Main') returning id",
        [rows[0]?.id],
      );
      for (let i = 0; i < 10; i++) {
        await tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [tabs[0]?.id],
        );
      }
      return tabs[0]?.id as string;
    });
    await expect(
      db.asUser(alice, (tx) =>
        tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [tabId],
        ),
      ),
    ).rejects.toMatchObject({ code: 'OC001' });

    const saved = await db.asUser(alice, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "insert into dashboards (title, owner_user_id) values ('Private', $1) returning id",
        [alice],
      );
      await tx.query("insert into dashboard_versions (dashboard_id, change_summary) values ($1, 'first')", [
        rows[0]?.id,
      ]);
      return rows[0]?.id as string;
    });
    expect(
      (await db.asUser(bob, (tx) => tx.query('select 1 from dashboards where id = $1', [saved]))).rows,
    ).toHaveLength(0);
    expect((await db.asAnon((tx) => tx.query('select 1 from dashboards where id = $1', [saved]))).rows).toHaveLength(0);
    await db.asUser(alice, (tx) => tx.query('update dashboards set is_public = true where id = $1', [saved]));
    expect((await db.asAnon((tx) => tx.query('select 1 from dashboards where id = $1', [saved]))).rows).toHaveLength(1);
    const versions = await db.asUser(alice, (tx) => tx.query('select version_number from dashboard_versions'));
    expect(versions.rows).toEqual([{ version_number: 1 }]);
  });
});
