import { describe, expect, it } from 'vitest';
import { queryAsOwner, useTestDatabase } from '../../test/support/db.js';

// The mistakes Supabase's database linter (splinter) looks for, checked on OCP's own schema.
const db = useTestDatabase();

describe('the schema avoids the usual row-level security mistakes', () => {
  it('every foreign key column is indexed (deletes and policy joins stay fast)', async () => {
    const missing = await queryAsOwner(
      db,
      `select c.conrelid::regclass::text as "table", a.attname as "column"
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f' and c.connamespace = 'public'::regnamespace
         and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])`,
    );
    expect(missing).toEqual([]);
  });

  it('every table in public has row-level security enabled and at least one policy', async () => {
    const unprotected = await queryAsOwner(
      db,
      `select c.relname from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and (not c.relrowsecurity or not exists (select 1 from pg_policy p where p.polrelid = c.oid))`,
    );
    expect(unprotected).toEqual([]);
  });

  it('every function OCP defines has a fixed search_path', async () => {
    const mutable = await queryAsOwner(
      db,
      `select p.oid::regprocedure::text as fn from pg_proc p
       where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
         and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')`,
    );
    expect(mutable).toEqual([]);
  });

  it('the only SECURITY DEFINER functions an API caller can reach in public are the deliberate entry points', async () => {
    const exposed = await queryAsOwner<{ fn: string }>(
      db,
      `select p.proname as fn from pg_proc p
       where p.pronamespace = 'public'::regnamespace and p.prosecdef
         and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
       order by 1`,
    );
    expect(exposed.map((r) => r.fn)).toEqual(['profile_cards', 'shared_dashboard']);
  });

  it('no extension is installed in public', async () => {
    const inPublic = await queryAsOwner(
      db,
      `select extname from pg_extension where extnamespace = 'public'::regnamespace`,
    );
    expect(inPublic).toEqual([]);
  });

  it('no view in public bypasses row-level security', async () => {
    const views = await queryAsOwner(
      db,
      `select c.relname from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
         and not coalesce('security_invoker=true' = any(c.reloptions), false)`,
    );
    expect(views).toEqual([]);
  });
});
