import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../plugins/authenticate.js';
import { problemResponses } from '../problem-schema.js';
import { CurrentUser, RefreshBody, SessionResponse, SignInBody, SignOutBody, SignUpBody } from './schema.js';
import type { Accounts } from './service.js';

/** /api/auth: OCP's own accounts (absent when Supabase Auth issues the tokens). */
export function accountRoutes(
  accounts: Accounts,
  signInLimit: { max: number; timeWindow: string },
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/signup',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an account and sign in',
          body: SignUpBody,
          response: { 201: SessionResponse, ...problemResponses(409, 422, 429) },
        },
        config: { rateLimit: signInLimit, allowAnonymous: true },
      },
      async (request, reply) => {
        const { email, password, display_name } = request.body;
        return reply.code(201).send(await accounts.signUp({ email, password, displayName: display_name }));
      },
    );

    app.post(
      '/signin',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: SignInBody,
          response: { 200: SessionResponse, ...problemResponses(401, 422, 429) },
        },
        config: { rateLimit: signInLimit, allowAnonymous: true },
      },
      async (request) => accounts.signIn(request.body),
    );

    app.post(
      '/refresh',
      {
        schema: {
          tags: ['auth'],
          summary: 'Exchange a refresh token for a new session (the old token is used up)',
          body: RefreshBody,
          response: { 200: SessionResponse, ...problemResponses(401, 422, 429) },
        },
        config: { rateLimit: signInLimit, allowAnonymous: true },
      },
      async (request) => accounts.refresh(request.body.refresh_token),
    );

    app.post(
      '/signout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out: revoke this session’s refresh tokens, or every session’s',
          body: SignOutBody,
          response: { 204: z.null().describe('Signed out'), ...problemResponses(401) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const sessionId = typeof user.claims?.session_id === 'string' ? user.claims.session_id : undefined;
        await accounts.signOut(user.userId, sessionId, request.body.scope);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/user',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user',
          response: { 200: CurrentUser, ...problemResponses(401) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { id: user.userId, email: user.email ?? null };
      },
    );
  };
}
