import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../../db/database.js';
import { ApiError } from '../errors/api-error.js';

/** Turns a bearer token into the caller it speaks for. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Caller>;
}

export interface AccessTokenIssuer {
  issue(user: { id: string; email: string }, sessionId: string): Promise<{ token: string; expiresIn: number }>;
}

const AUDIENCE = 'authenticated';

/**
 * OCP's own access tokens: HS256 JWTs shaped like Supabase's (sub, role, aud, email, exp, plus
 * session_id), so the same verifier code serves both.
 */
export function ownAccessTokens(secret: string, ttlSeconds: number): AccessTokenIssuer & AccessTokenVerifier {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(user, sessionId) {
      const token = await new SignJWT({ role: 'authenticated', email: user.email, session_id: sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setAudience(AUDIENCE)
        .setIssuer('ocp')
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    verify: (token) => verifyWith(token, (jwt) => jwtVerify(jwt, key, { audience: AUDIENCE, algorithms: ['HS256'] })),
  };
}

/** Tokens issued by a Supabase project, checked with its JWT secret or its JWKS endpoint. */
export function supabaseAccessTokens(options: {
  jwtSecret?: string | undefined;
  jwksUrl?: string | undefined;
}): AccessTokenVerifier {
  if (options.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
    return { verify: (token) => verifyWith(token, (jwt) => jwtVerify(jwt, jwks, { audience: AUDIENCE })) };
  }
  if (!options.jwtSecret) throw new Error('Supabase mode needs SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL');
  const key = new TextEncoder().encode(options.jwtSecret);
  return {
    verify: (token) => verifyWith(token, (jwt) => jwtVerify(jwt, key, { audience: AUDIENCE, algorithms: ['HS256'] })),
  };
}

async function verifyWith(token: string, check: (jwt: string) => Promise<{ payload: JWTPayload }>): Promise<Caller> {
  let payload: JWTPayload;
  try {
    ({ payload } = await check(token));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ApiError('token_expired');
    throw new ApiError('invalid_token');
  }
  if (payload.role !== 'authenticated' || typeof payload.sub !== 'string') throw new ApiError('invalid_token');
  const { sub, role: _role, aud: _aud, email, ...rest } = payload;
  return { kind: 'user', userId: sub, email: typeof email === 'string' ? email : undefined, claims: rest };
}

/** A new opaque refresh token (256 random bits) and the hash that is stored instead of it. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
