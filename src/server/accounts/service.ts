import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { DbError } from '../../db/errors.js';
import type { Tx } from '../../db/types.js';
import { ApiError } from '../errors/api-error.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.js';
import * as queries from './queries.js';
import { type AccessTokenIssuer, hashToken, newRefreshToken } from './tokens.js';

export interface Session {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  user: { id: string; email: string };
}

export interface AccountsOptions {
  db: Database;
  tokens: AccessTokenIssuer;
  refreshTokenTtlSeconds: number;
}

/**
 * Sign-up, sign-in, refresh and sign-out for OCP's own accounts. These run as service_role, like
 * an auth server: before sign-in there is no user to act as, and the tables are private.
 */
export function createAccounts({ db, tokens, refreshTokenTtlSeconds }: AccountsOptions) {
  async function startSession(
    tx: Tx,
    user: { id: string; email: string },
    sessionId: string = randomUUID(),
  ): Promise<Session> {
    const refresh = newRefreshToken();
    await queries.insertRefreshToken(tx, {
      userId: user.id,
      sessionId,
      hash: refresh.hash,
      ttlSeconds: refreshTokenTtlSeconds,
    });
    const access = await tokens.issue(user, sessionId);
    return {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: access.expiresIn,
      refresh_token: refresh.token,
      user: { id: user.id, email: user.email },
    };
  }

  return {
    async signUp(input: { email: string; password: string; displayName?: string | undefined }): Promise<Session> {
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.asService(async (tx) => {
          const user = await queries.insertUser(tx, input.email.toLowerCase(), input.displayName);
          await queries.insertCredentials(tx, user.id, passwordHash);
          return startSession(tx, user);
        });
      } catch (error) {
        if (error instanceof DbError && error.code === '23505') {
          throw new ApiError('email_taken', undefined, [{ path: '/body/email', message: 'is already registered' }]);
        }
        throw error;
      }
    },

    async signIn(input: { email: string; password: string }): Promise<Session> {
      const account = await db.asService((tx) => queries.findCredentialsByEmail(tx, input.email));
      const valid = account
        ? await verifyPassword(account.password_hash, input.password)
        : await verifyAgainstDecoy(input.password);
      if (!account || !valid) throw new ApiError('invalid_credentials');
      return db.asService((tx) => startSession(tx, account));
    },

    /** Uses up a refresh token and returns the next session state; a reused token revokes the session. */
    async refresh(refreshToken: string): Promise<Session> {
      const outcome = await db.asService(async (tx) => {
        const stored = await queries.lockRefreshToken(tx, hashToken(refreshToken));
        if (!stored || stored.revoked_at) return { error: 'invalid_token' as const };
        if (stored.used_at) {
          // Someone presents a token that was already exchanged: one of the two holders is a thief.
          // Revoking the session (and committing that) locks both out.
          await queries.revokeSession(tx, stored.session_id);
          return { error: 'refresh_token_reused' as const };
        }
        if (stored.expired) return { error: 'token_expired' as const };
        await queries.markRefreshTokenUsed(tx, stored.id);
        return { session: await startSession(tx, { id: stored.user_id, email: stored.email }, stored.session_id) };
      });
      if ('error' in outcome) throw new ApiError(outcome.error);
      return outcome.session;
    },

    /** Revokes the caller's session (its refresh tokens), or all of the user's sessions. */
    async signOut(userId: string, sessionId: string | undefined, scope: 'local' | 'global'): Promise<void> {
      await db.asService((tx) =>
        scope === 'global' || !sessionId ? queries.revokeAllSessions(tx, userId) : queries.revokeSession(tx, sessionId),
      );
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
