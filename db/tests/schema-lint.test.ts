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
    expect(exposed.map((r) => r.fn)).toEqual([
      'accept_team_invitation',
      'dashboard_stats',
      'dashboard_tree',
      'dataset_chart_count',
      'profile_cards',
      'shared_chart_data_sources',
      'shared_dashboard',
    ]);
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

describe('functions API callers may execute', () => {
  // Each helper is granted on purpose; anything else in private (the snapshot that reads past
  // row-level security, trigger functions) must stay out of reach.
  const allowed: Record<'anon' | 'authenticated', string[]> = {
    anon: [
      'private.can_edit_dashboard(uuid)',
      'private.can_edit_tab(uuid)',
      'private.can_read_dashboard(uuid)',
      'private.is_dashboard_insider(uuid)',
      'private.my_team_ids(team_role)',
      'private.my_teammate_ids()',
      'private.require_dashboard_access(uuid,text)',
      'private.role_rank(team_role)',
      'private.share_token_hash(text)',
      'public.dashboard_stats(uuid[])',
      'public.dashboard_tree(uuid)',
      'public.shared_chart_data_sources(text,text,uuid,text[])',
      'public.shared_dashboard(text,text)',
    ],
    authenticated: [
      'private.can_edit_dashboard(uuid)',
      'private.can_edit_tab(uuid)',
      'private.can_read_dashboard(uuid)',
      'private.invited_team_name(uuid)',
      'private.is_dashboard_insider(uuid)',
      'private.my_email()',
      'private.my_team_ids(team_role)',
      'private.my_teammate_ids()',
      'private.require_dashboard_access(uuid,text)',
      'private.role_rank(team_role)',
      'private.share_password_hash(text)',
      'private.share_token_hash(text)',
      'private.team_has_members(uuid)',
      'public.accept_team_invitation(uuid)',
      'public.dashboard_stats(uuid[])',
      'public.dashboard_tree(uuid)',
      'public.dataset_chart_count(uuid)',
      'public.profile_cards(uuid[])',
      'public.reorder_charts(uuid,uuid[])',
      'public.reorder_tabs(uuid,uuid[])',
      'public.search_chat_messages(text,integer)',
      'public.shared_chart_data_sources(text,text,uuid,text[])',
      'public.shared_dashboard(text,text)',
    ],
  };

  for (const role of ['anon', 'authenticated'] as const) {
    it(`${role} may execute exactly the granted helpers`, async () => {
      const rows = await queryAsOwner<{ fn: string }>(
        db,
        `select n.nspname || '.' || p.proname || '(' || replace(oidvectortypes(p.proargtypes), ' ', '') || ')' as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname in ('public', 'private') and has_function_privilege($1, p.oid, 'execute')
         order by 1`,
        [role],
      );
      expect(rows.map((r) => r.fn)).toEqual(allowed[role]);
    });
  }
});
