-- Foundation: extensions, the Supabase-compatible auth layer, API roles, the private schema
-- and the helpers every later migration uses. Runs unchanged on PostgreSQL 15+, Supabase and PGlite.

-- Extensions live in their own schema, as on Supabase, never in public (review #16).
CREATE SCHEMA IF NOT EXISTS extensions;
-- pg_trgm: indexed ILIKE search of chat messages. pgcrypto: crypt() for share-link passwords.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

-- PostgreSQL lets PUBLIC execute every new function. OCP grants each function to the roles that
-- need it, one by one, so take that default away for every function this role creates from here
-- on (after the extensions, whose functions keep their usual grants). A per-schema
-- "ALTER DEFAULT PRIVILEGES IN SCHEMA … REVOKE" cannot remove the built-in grant; only this
-- database-wide form does.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- API roles as Supabase has them. Roles are cluster-wide, so another database on the same
-- server (or a test run beside us) may have made them already: create each only if missing,
-- and tolerate the race of two migrations creating it at once.
DO $roles$
DECLARE
  spec record;
BEGIN
  FOR spec IN SELECT * FROM (VALUES
      ('anon', 'NOLOGIN NOINHERIT'),
      ('authenticated', 'NOLOGIN NOINHERIT'),
      ('service_role', 'NOLOGIN NOINHERIT BYPASSRLS'),
      -- The login role of the app: it has no rights of its own and only switches to the three above.
      ('authenticator', 'LOGIN NOINHERIT')
    ) AS r(name, options)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = spec.name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I %s', spec.name, spec.options);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created concurrently by another migration run
      END;
    END IF;
  END LOOP;
END
$roles$;

GRANT anon, authenticated, service_role TO authenticator;

-- The auth schema, only where none exists (on Supabase it does, and is used as it is).
-- auth.users can be made from id and email alone; every other column is nullable or defaulted.
DO $auth$
BEGIN
  IF to_regnamespace('auth') IS NULL THEN
    CREATE SCHEMA auth;

    CREATE TABLE auth.users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text,
      raw_user_meta_data jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- Sign-in looks users up by email, case-insensitively.
    CREATE UNIQUE INDEX users_email_key ON auth.users (lower(email));

    -- Claims are read from the transaction-local setting PostgREST writes. Once a session has set
    -- it, the setting reads '' (not NULL) after the transaction ends, hence nullif.
    CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
      )::uuid
    $fn$;

    CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
      )::text
    $fn$;

    CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $fn$
      SELECT coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;

    GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
    GRANT EXECUTE ON FUNCTION auth.uid(), auth.role(), auth.jwt() TO anon, authenticated, service_role;
    GRANT ALL ON auth.users TO service_role;
  END IF;
END
$auth$;

GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service_role;

-- private: helpers used by policies and triggers. It is never exposed through an API; the API
-- roles may only execute the functions granted to them one by one.
CREATE SCHEMA IF NOT EXISTS private;
REVOKE ALL ON SCHEMA private FROM PUBLIC;
GRANT USAGE ON SCHEMA private TO anon, authenticated, service_role;

-- Every table with updated_at gets this BEFORE UPDATE trigger (review #6). The clock, not the
-- transaction's start, so that later writes in one transaction read as later.
CREATE FUNCTION private.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$$;
