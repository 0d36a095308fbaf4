import type { Tx } from '../../db/types.js';

// Account tables live in the private schema; these run as service_role (see service.ts).

export async function insertUser(
  tx: Tx,
  email: string,
  displayName: string | undefined,
): Promise<{ id: string; email: string }> {
  const { rows } = await tx.query<{ id: string; email: string }>(
    'insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id, email',
    [email, displayName ? { display_name: displayName } : {}],
  );
  return rows[0] as { id: string; email: string };
}

export async function insertCredentials(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.query('insert into private.user_credentials (user_id, password_hash) values ($1, $2)', [
    userId,
    passwordHash,
  ]);
}

export async function findCredentialsByEmail(
  tx: Tx,
  email: string,
): Promise<{ id: string; email: string; password_hash: string } | undefined> {
  const { rows } = await tx.query<{ id: string; email: string; password_hash: string }>(
    `select u.id, u.email, c.password_hash
     from auth.users u join private.user_credentials c on c.user_id = u.id
     where lower(u.email) = lower($1)`,
    [email],
  );
  return rows[0];
}

export async function insertRefreshToken(
  tx: Tx,
  token: { userId: string; sessionId: string; hash: string; ttlSeconds: number },
): Promise<void> {
  await tx.query(
    `insert into private.refresh_tokens (user_id, session_id, token_hash, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [token.userId, token.sessionId, token.hash, token.ttlSeconds],
  );
}

export interface StoredRefreshToken {
  id: string;
  user_id: string;
  email: string;
  session_id: string;
  expired: boolean;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** The token row, locked, so that two refreshes with one token cannot both succeed. */
export async function lockRefreshToken(tx: Tx, hash: string): Promise<StoredRefreshToken | undefined> {
  const { rows } = await tx.query<StoredRefreshToken>(
    `select t.id, t.user_id, u.email, t.session_id, t.expires_at <= now() as expired, t.used_at, t.revoked_at
     from private.refresh_tokens t join auth.users u on u.id = t.user_id
     where t.token_hash = $1 for update of t`,
    [hash],
  );
  return rows[0];
}

export async function markRefreshTokenUsed(tx: Tx, id: string): Promise<void> {
  await tx.query('update private.refresh_tokens set used_at = now() where id = $1', [id]);
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.query('update private.refresh_tokens set revoked_at = now() where session_id = $1 and revoked_at is null', [
    sessionId,
  ]);
}

export async function revokeAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.query('update private.refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [
    userId,
  ]);
}

/** A server secret, made once by whichever instance asks first and shared by all. */
export async function getOrCreateServerSecret(tx: Tx, name: string, create: () => string): Promise<string> {
  await tx.query('insert into private.server_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [
    name,
    create(),
  ]);
  const { rows } = await tx.query<{ value: string }>('select value from private.server_secrets where name = $1', [
    name,
  ]);
  return (rows[0] as { value: string }).value;
}
