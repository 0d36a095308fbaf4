import { PassThrough } from 'node:stream';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuthConfig } from '../../../test/support/api.js';
import { createUser, useTestDatabase } from '../../../test/support/db.js';
import { buildApp } from '../app.js';
import { setUpAuth } from './setup.js';

const db = useTestDatabase();
const SUPABASE_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

let supabaseUrl: string;
let ownUrl: string;
const logLines: string[] = [];
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const supabaseApp = await buildApp({
    db,
    auth: await setUpAuth({ mode: 'supabase', jwtSecret: SUPABASE_SECRET, jwksUrl: undefined }, db),
  });
  supabaseUrl = await supabaseApp.listen({ host: '127.0.0.1', port: 0 });
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(chunk.toString()));
  const ownApp = await buildApp({
    db,
    logLevel: 'trace',
    logStream: stream,
    auth: await setUpAuth(testAuthConfig(), db),
  });
  ownUrl = await ownApp.listen({ host: '127.0.0.1', port: 0 });
  closers.push(
    () => supabaseApp.close(),
    () => ownApp.close(),
  );
});
afterAll(async () => {
  for (const close of closers) await close();
});

/** A token as a Supabase project issues it (GoTrue: HS256 with the project's JWT secret). */
const supabaseToken = (userId: string, email: string) =>
  new SignJWT({ role: 'authenticated', email, aal: 'aal1', session_id: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setAudience('authenticated')
    .setIssuer('https://project.supabase.co/auth/v1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SUPABASE_SECRET));

describe('with Supabase Auth', () => {
  it('accepts a Supabase-issued token and acts as that user under row-level security', async () => {
    const user = await createUser(db, 'supa');
    const token = await supabaseToken(user.id, user.email);
    const created = await fetch(`${supabaseUrl}/api/dashboards`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'From Supabase' }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { owner: unknown }).owner).toEqual({ type: 'user', user_id: user.id });
  });

  it('refuses a token signed with another secret', async () => {
    const user = await createUser(db, 'supa');
    const forged = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('someone else’s secret, long enough to sign'));
    const response = await fetch(`${supabaseUrl}/api/dashboards`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
  });

  it('leaves account management to Supabase: OCP’s own sign-up is not served', async () => {
    const response = await fetch(`${supabaseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.test', password: 'long enough password' }),
    });
    expect(response.status).toBe(404);
  });
});

describe('logs', () => {
  it('never contain a password, a token or a hash, even at trace level', async () => {
    const email = `logged-${crypto.randomUUID()}@example.test`;
    const password = 'a password that must never be logged';
    const signUp = await fetch(`${ownUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const session = (await signUp.json()) as { access_token: string; refresh_token: string };
    await fetch(`${ownUrl}/api/auth/user`, { headers: { authorization: `Bearer ${session.access_token}` } });
    await fetch(`${ownUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    });
    const logs = logLines.join('');
    expect(logs).toContain('/api/auth/refresh');
    for (const secret of [password, session.access_token, session.refresh_token, '$argon2id$'])
      expect(logs).not.toContain(secret);
  });
});
