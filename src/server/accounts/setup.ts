import { randomBytes } from 'node:crypto';
import type { AuthConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { getOrCreateServerSecret } from './queries.js';
import { type Accounts, createAccounts } from './service.js';
import { type AccessTokenVerifier, ownAccessTokens, supabaseAccessTokens } from './tokens.js';

export interface AuthSetup {
  verifier: AccessTokenVerifier;
  /** OCP's own accounts, or undefined when Supabase Auth issues the tokens. */
  accounts: Accounts | undefined;
  signInRateLimit: { max: number; timeWindow: string };
}

/** Who issues access tokens: OCP itself (keys from config or the database), or a Supabase project. */
export async function setUpAuth(config: AuthConfig, db: Database): Promise<AuthSetup> {
  if (config.mode === 'supabase') {
    return {
      verifier: supabaseAccessTokens({ jwtSecret: config.jwtSecret, jwksUrl: config.jwksUrl }),
      accounts: undefined,
      signInRateLimit: { max: 10, timeWindow: '1 minute' },
    };
  }
  const secret =
    config.jwtSecret ??
    (await db.asService((tx) =>
      getOrCreateServerSecret(tx, 'jwt_secret', () => randomBytes(48).toString('base64url')),
    ));
  const tokens = ownAccessTokens(secret, config.accessTokenTtlSeconds);
  return {
    verifier: tokens,
    accounts: createAccounts({ db, tokens, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds }),
    signInRateLimit: config.signInRateLimit,
  };
}
