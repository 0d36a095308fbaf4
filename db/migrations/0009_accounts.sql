-- OCP's own accounts, for when it is not using Supabase Auth: password hashes, refresh tokens and
-- the signing secret. All in the private schema, where no API role can read; the server's account
-- service works on them as service_role, as Supabase's auth server works on its own tables.

-- Argon2id hashes made by the server (@node-rs/argon2); never selected into a response.
CREATE TABLE private.user_credentials (
  user_id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rotating refresh tokens. Each sign-in starts a session (a token family); every refresh uses up
-- the token presented and issues the next one. A used token presented again means it was stolen:
-- the whole session is revoked (reuse detection).
CREATE TABLE private.refresh_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  session_id uuid NOT NULL,
  -- SHA-256 of the token, in hex; the token itself is only ever in the client's hands.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
-- Sign-out everywhere (all of a user's sessions).
CREATE INDEX idx_refresh_tokens_user_id ON private.refresh_tokens (user_id);
-- Revoking one session.
CREATE INDEX idx_refresh_tokens_session_id ON private.refresh_tokens (session_id);

-- Secrets the server makes for itself on first start (the access-token signing key), kept here so
-- that every app instance shares them.
CREATE TABLE private.server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON private.user_credentials, private.refresh_tokens, private.server_secrets FROM PUBLIC, anon, authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON private.user_credentials, private.refresh_tokens, private.server_secrets TO service_role;
