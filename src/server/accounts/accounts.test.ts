import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();
const limited = useTestApi({ signInRateLimit: 3 });

const decodeClaims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

describe('requires authentication', () => {
  it('answers 401 problem+json without a token', async () => {
    const response = await api.request('GET', '/api/auth/user');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('refuses a token signed with another key', async () => {
    const forged = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(crypto.randomUUID())
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not the server secret, but long enough'));
    const response = await api.request('GET', '/api/auth/user', { token: forged });
    expect(response.body).toMatchObject({ code: 'invalid_token', status: 401 });
  });

  it('refuses an expired token and says so', async () => {
    const expired = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(crypto.randomUUID())
      .setAudience('authenticated')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const response = await api.request('GET', '/api/auth/user', { token: expired });
    expect(response.body).toMatchObject({ code: 'token_expired', status: 401 });
  });
});

describe('sign-up', () => {
  it('creates the account and a session with a Supabase-shaped access token', async () => {
    const session = await api.signUp('ada');
    const claims = decodeClaims(session.token);
    expect(claims).toMatchObject({
      sub: session.userId,
      role: 'authenticated',
      aud: 'authenticated',
      email: session.email,
    });
    expect(claims.exp - claims.iat).toBe(900);
    const me = await api.request('GET', '/api/auth/user', { token: session.token });
    expect(me.body).toEqual({ id: session.userId, email: session.email });
  });

  it('gives the new user a profile with the chosen display name', async () => {
    const session = await api.signUp('grace');
    const { rows } = await api.db.asUser(session.userId, (tx) => tx.query('select display_name from user_profiles'));
    expect(rows).toEqual([{ display_name: 'grace' }]);
  });

  it('refuses an email that is already registered, whatever its case', async () => {
    const session = await api.signUp('dup');
    const response = await api.request('POST', '/api/auth/signup', {
      body: { email: session.email.toUpperCase(), password: 'another long password' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'email_taken', errors: [{ path: '/body/email' }] });
  });

  it('names every bad field and creates nothing', async () => {
    const response = await api.request('POST', '/api/auth/signup', {
      body: { email: 'not-an-email', password: 'short' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['/body/email', '/body/password']);
    const { rows } = await api.db.asOwner((tx) => tx.query("select 1 from auth.users where email = 'not-an-email'"));
    expect(rows).toHaveLength(0);
  });

  it('answers malformed JSON with a clear 400', async () => {
    const response = await api.request('POST', '/api/auth/signup', { body: '{"email": ' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_request' });
  });

  it('never returns or stores the password in the clear', async () => {
    const response = await api.request('POST', '/api/auth/signup', {
      body: { email: `secret-${crypto.randomUUID()}@example.test`, password: 'a very secret password' },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/a very secret password|argon2/);
    const { rows } = await api.db.asOwner((tx) =>
      tx.query<{ password_hash: string }>('select password_hash from private.user_credentials where user_id = $1', [
        (response.body.user as { id: string }).id,
      ]),
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('sign-in', () => {
  it('signs in with the right password, in any email case', async () => {
    const session = await api.signUp('lin');
    const response = await api.request('POST', '/api/auth/signin', {
      body: { email: session.email.toUpperCase(), password: session.password },
    });
    expect(response.status).toBe(200);
    expect(decodeClaims(response.body.access_token as string).sub).toBe(session.userId);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const session = await api.signUp('lin');
    const wrong = await api.request('POST', '/api/auth/signin', {
      body: { email: session.email, password: 'wrong password' },
    });
    const unknown = await api.request('POST', '/api/auth/signin', {
      body: { email: 'nobody@example.test', password: 'wrong password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('is rate-limited', async () => {
    const attempts = [];
    for (let i = 0; i < 5; i++) {
      attempts.push(
        (
          await limited.request('POST', '/api/auth/signin', {
            body: { email: 'x@example.test', password: 'wrong password' },
          })
        ).status,
      );
    }
    expect(attempts.slice(0, 3)).toEqual([401, 401, 401]);
    expect(attempts.slice(3)).toEqual([429, 429]);
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new pair and uses up the old refresh token', async () => {
    const session = await api.signUp('rot');
    const first = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: session.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(session.refreshToken);
    const second = await api.request('POST', '/api/auth/refresh', {
      body: { refresh_token: first.body.refresh_token },
    });
    expect(second.status).toBe(200);
  });

  it('a reused refresh token revokes the whole session, thief and owner alike', async () => {
    const session = await api.signUp('victim');
    const owner = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: session.refreshToken } });
    const thief = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: session.refreshToken } });
    expect(thief.status).toBe(401);
    expect(thief.body.code).toBe('refresh_token_reused');
    const ownerNext = await api.request('POST', '/api/auth/refresh', {
      body: { refresh_token: owner.body.refresh_token },
    });
    expect(ownerNext.status).toBe(401);
  });

  it('an expired refresh token is refused and says so', async () => {
    const session = await api.signUp('late');
    await api.db.asOwner((tx) =>
      tx.query("update private.refresh_tokens set expires_at = now() - interval '1 second' where user_id = $1", [
        session.userId,
      ]),
    );
    const response = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: session.refreshToken } });
    expect(response.body).toMatchObject({ status: 401, code: 'token_expired' });
  });

  it('an unknown refresh token is refused', async () => {
    const response = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: 'made-up' } });
    expect(response.body).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('are stored only as hashes', async () => {
    const session = await api.signUp('hash');
    const { rows } = await api.db.asOwner((tx) =>
      tx.query('select 1 from private.refresh_tokens where token_hash = $1', [session.refreshToken]),
    );
    expect(rows).toHaveLength(0);
  });
});

describe('sign-out', () => {
  it('revokes the session’s refresh token', async () => {
    const session = await api.signUp('bye');
    const out = await api.request('POST', '/api/auth/signout', { token: session.token, body: {} });
    expect(out.status).toBe(204);
    const refresh = await api.request('POST', '/api/auth/refresh', { body: { refresh_token: session.refreshToken } });
    expect(refresh.status).toBe(401);
  });

  it('global sign-out ends every session of the user, and only his', async () => {
    const session = await api.signUp('many');
    const other = await api.signUp('other');
    const second = await api.request('POST', '/api/auth/signin', {
      body: { email: session.email, password: session.password },
    });
    await api.request('POST', '/api/auth/signout', { token: session.token, body: { scope: 'global' } });
    const refreshSecond = await api.request('POST', '/api/auth/refresh', {
      body: { refresh_token: second.body.refresh_token },
    });
    const refreshOther = await api.request('POST', '/api/auth/refresh', {
      body: { refresh_token: other.refreshToken },
    });
    expect(refreshSecond.status).toBe(401);
    expect(refreshOther.status).toBe(200);
  });

  it('needs a signed-in caller', async () => {
    const response = await api.request('POST', '/api/auth/signout', { body: {} });
    expect(response.status).toBe(401);
  });
});

describe('the server', () => {
  it('returns a request id and security headers on every response', async () => {
    const response = await api.request('GET', '/healthz');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an unknown route with a problem', async () => {
    const response = await api.request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'not_found' });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await api.request('POST', '/api/auth/signin', {
      body: { email: 'x@example.test', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'payload_too_large' });
  });

  it('publishes its OpenAPI 3.1 description and a reference page', async () => {
    const spec = await api.request('GET', '/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths as object)).toContain('/api/auth/signup');
    const docs = await api.request('GET', '/api/docs/');
    expect(docs.status).toBe(200);
  });
});
