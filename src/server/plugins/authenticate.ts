import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANON, type Caller } from '../../db/database.js';
import type { AccessTokenVerifier } from '../accounts/tokens.js';
import { ApiError } from '../errors/api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request speaks for: a verified user, or anon when no token was sent. */
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The route serves callers without a token too (public dashboards, share links, sign-in). */
    allowAnonymous?: boolean;
  }
}

/**
 * Reads `Authorization: Bearer <jwt>` on every request. A header with a bad or expired token is
 * refused outright, so that a client with a stale token learns it instead of silently seeing
 * public data only. Without a header the caller is anon, and secure by default: every /api route
 * answers 401 before looking at the input, unless it declares `config: { allowAnonymous: true }`.
 */
// The API's own description is public (its routes come from a plugin, without our config).
const PUBLIC_DOCUMENTATION = /^\/api\/(docs(\/|$|\?)|openapi\.json)/;

export function registerAuthentication(app: FastifyInstance, verifier: AccessTokenVerifier): void {
  // Fastify wants decorations declared up front and filled per request.
  app.decorateRequest('caller', null as never);
  app.addHook('onRequest', async (request) => {
    request.caller = ANON;
    const header = request.headers.authorization;
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ApiError('invalid_token', 'Send the access token as "Authorization: Bearer <token>"');
    request.caller = await verifier.verify(match[1]);
  });
  app.addHook('onRequest', async (request) => {
    if (
      request.caller.kind === 'anon' &&
      request.url.startsWith('/api/') &&
      !PUBLIC_DOCUMENTATION.test(request.url) &&
      !request.is404 &&
      !request.routeOptions.config.allowAnonymous
    ) {
      throw new ApiError('unauthenticated');
    }
  });
}

/** The signed-in caller, or 401. */
export function requireUser(request: FastifyRequest): Extract<Caller, { kind: 'user' }> {
  if (request.caller.kind !== 'user') throw new ApiError('unauthenticated');
  return request.caller;
}
