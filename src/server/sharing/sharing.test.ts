import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, signUpTeam, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();
// A server of its own, so that exhausting its rate limit leaves the other tests alone.
const guarded = useTestApi();

let owner: TestSession;
let viewer: TestSession;
let outsider: TestSession;
let teamId: string;

beforeAll(async () => {
  ({ owner, viewer, outsider, teamId } = await signUpTeam(api, 'Sharing'));
});

async function sharedDashboard(linkBody: Json = {}) {
  const dashboard = (
    await api.request<Json>('POST', '/api/dashboards', {
      token: owner.token,
      body: {
        title: 'Quarterly',
        team_id: teamId,
        tabs: [{ title: 'Q1', charts: [{ title: 'Revenue', chart_type: 'kpi' }] }],
      },
    })
  ).body;
  const link = await api.request<Json>('POST', `/api/dashboards/${dashboard.id}/share-links`, {
    token: owner.token,
    body: linkBody,
  });
  expect(link.status).toBe(201);
  return { dashboard, link: link.body };
}

const open = (token: string, password?: string) =>
  api.request<Json>('GET', `/api/public/shared/${token}`, {
    headers: password ? { 'x-share-password': password } : {},
  });

describe('creating and listing share links', () => {
  it('shows the token once, with the page to share, and never again', async () => {
    const { dashboard, link } = await sharedDashboard();
    expect(link.token).toMatch(/^[\w-]{43}$/);
    expect(link.url).toBe(`${api.baseUrl}/s/${link.token}`);
    const list = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}/share-links`, { token: owner.token });
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(link.token);
    expect(list.body.items[0]).not.toHaveProperty('token');
  });

  it('a team viewer may not create or list links (403); an outsider is told 404; anon 401', async () => {
    const { dashboard } = await sharedDashboard();
    for (const [session, status] of [
      [viewer, 403],
      [outsider, 404],
    ] as const) {
      expect(
        (await api.request('POST', `/api/dashboards/${dashboard.id}/share-links`, { token: session.token, body: {} }))
          .status,
      ).toBe(status);
      expect(
        (await api.request('GET', `/api/dashboards/${dashboard.id}/share-links`, { token: session.token })).status,
      ).toBe(status);
    }
    expect((await api.request('POST', `/api/dashboards/${dashboard.id}/share-links`, { body: {} })).status).toBe(401);
  });

  it('refuses an expiry in the past and a too-short password, naming the fields', async () => {
    const { dashboard } = await sharedDashboard();
    const response = await api.request<Json>('POST', `/api/dashboards/${dashboard.id}/share-links`, {
      token: owner.token,
      body: { expires_at: '2020-01-01T00:00:00Z', password: 'x' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual(['/body/expires_at', '/body/password']);
  });
});

describe('opening a shared dashboard', () => {
  it('works signed out, shows tabs and charts, and reveals no owner data', async () => {
    const { dashboard, link } = await sharedDashboard();
    const response = await open(link.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: 'Quarterly',
      tabs: [{ title: 'Q1', charts: [{ title: 'Revenue' }] }],
      permissions: { view: true },
    });
    const text = JSON.stringify(response.body);
    for (const secret of [owner.userId, owner.email, teamId]) expect(text).not.toContain(secret);
    expect(response.body.id).toBe(dashboard.id);
  });

  it('stamps when the link was last used', async () => {
    const { dashboard, link } = await sharedDashboard();
    await open(link.token);
    const list = await api.request<Json>('GET', `/api/dashboards/${dashboard.id}/share-links`, { token: owner.token });
    expect(list.body.items[0].last_accessed_at).not.toBeNull();
  });

  it('answers 404 for a token that does not exist', async () => {
    const response = await open('no-such-token');
    expect(response.status).toBe(404);
  });

  it('answers 410 once the link has expired', async () => {
    const { link } = await sharedDashboard({ expires_at: new Date(Date.now() + 60_000).toISOString() });
    expect((await open(link.token)).status).toBe(200);
    await api.db.asOwner((tx) =>
      tx.query("update sharing_links set expires_at = now() - interval '1 second' where id = $1", [link.id]),
    );
    const response = await open(link.token);
    expect(response.status).toBe(410);
    expect(response.body.code).toBe('share_link_expired');
  });

  it('asks for the password where one is set, refuses a wrong one, and opens with the right one', async () => {
    const { link } = await sharedDashboard({ password: 'open sesame' });
    expect(link.has_password).toBe(true);
    expect((await open(link.token)).body).toMatchObject({ status: 401, code: 'share_link_password_required' });
    expect((await open(link.token, 'guess')).body).toMatchObject({ status: 403, code: 'share_link_password_wrong' });
    expect((await open(link.token, 'open sesame')).status).toBe(200);
    const viaPost = await api.request('POST', `/api/public/shared/${link.token}`, {
      body: { password: 'open sesame' },
    });
    expect(viaPost.status).toBe(200);
  });

  it('can drop the password later', async () => {
    const { link } = await sharedDashboard({ password: 'open sesame' });
    const updated = await api.request<Json>('PATCH', `/api/share-links/${link.id}`, {
      token: owner.token,
      body: { password: null },
    });
    expect(updated.body.has_password).toBe(false);
    expect((await open(link.token)).status).toBe(200);
  });
});

describe('guessing a link’s password', () => {
  it('is slowed down: after 30 tries in a minute the server answers 429', async () => {
    const { link } = await sharedDashboard({ password: 'open sesame' });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await guarded.request('GET', `/api/public/shared/${link.token}`, {
        headers: { 'x-share-password': `guess ${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});

describe('rotating and revoking', () => {
  it('rotation gives a new token and kills the old one at once', async () => {
    const { link } = await sharedDashboard();
    const rotated = await api.request<Json>('POST', `/api/share-links/${link.id}/rotate`, { token: owner.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(link.token);
    expect((await open(link.token)).status).toBe(404);
    expect((await open(rotated.body.token)).status).toBe(200);
  });

  it('revoking ends the link', async () => {
    const { link } = await sharedDashboard();
    expect((await api.request('DELETE', `/api/share-links/${link.id}`, { token: owner.token })).status).toBe(204);
    expect((await open(link.token)).status).toBe(404);
  });

  it('a team viewer and an outsider can neither rotate nor revoke (404), and the link keeps working', async () => {
    const { link } = await sharedDashboard();
    for (const session of [viewer, outsider]) {
      expect((await api.request('POST', `/api/share-links/${link.id}/rotate`, { token: session.token })).status).toBe(
        404,
      );
      expect((await api.request('DELETE', `/api/share-links/${link.id}`, { token: session.token })).status).toBe(404);
      expect(
        (
          await api.request('PATCH', `/api/share-links/${link.id}`, {
            token: session.token,
            body: { expires_at: null },
          })
        ).status,
      ).toBe(404);
    }
    expect((await open(link.token)).status).toBe(200);
  });
});
