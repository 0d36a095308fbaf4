import { describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

async function teamOf(admin: TestSession, name = 'Analytics') {
  const response = await api.request<Json>('POST', '/api/teams', { token: admin.token, body: { name } });
  expect(response.status).toBe(201);
  return response.body;
}

/** Invites a user by email and has him accept: the only way into a team. */
async function join(admin: TestSession, teamId: string, member: TestSession, role: 'admin' | 'editor' | 'viewer') {
  const invitation = await api.request<Json>('POST', `/api/teams/${teamId}/invitations`, {
    token: admin.token,
    body: { email: member.email, role },
  });
  expect(invitation.status).toBe(201);
  expect(invitation.body).toMatchObject({ email: member.email, role, team_name: expect.any(String) });
  const accepted = await api.request<Json>('POST', `/api/invitations/${invitation.body.id}/accept`, {
    token: member.token,
  });
  expect(accepted.status).toBe(200);
  return accepted.body;
}

describe('requires authentication', () => {
  it('for every team route', async () => {
    const id = crypto.randomUUID();
    for (const [method, path] of [
      ['GET', '/api/teams'],
      ['POST', '/api/teams'],
      ['GET', `/api/teams/${id}`],
      ['GET', '/api/invitations'],
      ['POST', `/api/invitations/${id}/accept`],
    ] as const) {
      expect((await api.request(method, path, method === 'POST' ? { body: { name: 'x' } } : {})).status).toBe(401);
    }
  });
});

describe('teams', () => {
  it('a new team has its creator as admin, and shows in his list', async () => {
    const founder = await api.signUp('founder');
    const team = await teamOf(founder);
    expect(team).toMatchObject({
      name: 'Analytics',
      my_role: 'admin',
      member_count: 1,
      members: [{ user_id: founder.userId, display_name: 'founder', role: 'admin' }],
    });
    const list = await api.request<Json>('GET', '/api/teams', { token: founder.token });
    expect(list.body.items.map((t: Json) => t.id)).toEqual([team.id]);
  });

  it('is invisible to outsiders: 404 to read, change or delete, and nothing changes', async () => {
    const [founder, outsider] = await Promise.all([api.signUp('founder'), api.signUp('outsider')]);
    const team = await teamOf(founder, 'Secret');
    expect((await api.request('GET', `/api/teams/${team.id}`, { token: outsider.token })).status).toBe(404);
    expect(
      (await api.request('PATCH', `/api/teams/${team.id}`, { token: outsider.token, body: { name: 'Taken' } })).status,
    ).toBe(404);
    expect((await api.request('DELETE', `/api/teams/${team.id}`, { token: outsider.token })).status).toBe(404);
    expect((await api.request<Json>('GET', `/api/teams/${team.id}`, { token: founder.token })).body.name).toBe(
      'Secret',
    );
  });

  it('members see each other’s names; only admins rename or delete', async () => {
    const [founder, editor] = await Promise.all([api.signUp('founder'), api.signUp('editor')]);
    const team = await teamOf(founder);
    const joined = await join(founder, team.id, editor, 'editor');
    expect(joined.members.map((m: Json) => [m.display_name, m.role])).toEqual([
      ['founder', 'admin'],
      ['editor', 'editor'],
    ]);
    expect(
      (await api.request('PATCH', `/api/teams/${team.id}`, { token: editor.token, body: { name: 'Mine now' } })).status,
    ).toBe(403);
    expect((await api.request('DELETE', `/api/teams/${team.id}`, { token: editor.token })).status).toBe(403);
    expect(
      (await api.request<Json>('PATCH', `/api/teams/${team.id}`, { token: founder.token, body: { name: 'Renamed' } }))
        .body.name,
    ).toBe('Renamed');
    expect((await api.request('DELETE', `/api/teams/${team.id}`, { token: founder.token })).status).toBe(204);
  });

  it('names an empty team name as the field at fault', async () => {
    const founder = await api.signUp('founder');
    const response = await api.request<Json>('POST', '/api/teams', { token: founder.token, body: { name: '   ' } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/body/name');
  });
});

describe('members and roles', () => {
  it('an admin changes roles; an editor cannot, not even his own', async () => {
    const [founder, editor, viewer] = await Promise.all([
      api.signUp('founder'),
      api.signUp('editor'),
      api.signUp('viewer'),
    ]);
    const team = await teamOf(founder);
    await join(founder, team.id, editor, 'editor');
    await join(founder, team.id, viewer, 'viewer');
    expect(
      (
        await api.request('PATCH', `/api/teams/${team.id}/members/${editor.userId}`, {
          token: editor.token,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(403);
    const promoted = await api.request<Json>('PATCH', `/api/teams/${team.id}/members/${viewer.userId}`, {
      token: founder.token,
      body: { role: 'editor' },
    });
    expect(promoted.body.members.find((m: Json) => m.user_id === viewer.userId).role).toBe('editor');
  });

  it('the last admin can neither step down nor leave (409), and says why', async () => {
    const founder = await api.signUp('founder');
    const team = await teamOf(founder);
    const demote = await api.request<Json>('PATCH', `/api/teams/${team.id}/members/${founder.userId}`, {
      token: founder.token,
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_admin');
    expect(
      (await api.request('DELETE', `/api/teams/${team.id}/members/${founder.userId}`, { token: founder.token })).status,
    ).toBe(409);
  });

  it('a member may leave; a non-admin cannot remove someone else', async () => {
    const [founder, editor, viewer] = await Promise.all([
      api.signUp('founder'),
      api.signUp('editor'),
      api.signUp('viewer'),
    ]);
    const team = await teamOf(founder);
    await join(founder, team.id, editor, 'editor');
    await join(founder, team.id, viewer, 'viewer');
    expect(
      (await api.request('DELETE', `/api/teams/${team.id}/members/${viewer.userId}`, { token: editor.token })).status,
    ).toBe(403);
    expect(
      (await api.request('DELETE', `/api/teams/${team.id}/members/${viewer.userId}`, { token: viewer.token })).status,
    ).toBe(204);
    expect((await api.request('GET', `/api/teams/${team.id}`, { token: viewer.token })).status).toBe(404);
  });
});

describe('invitations by email', () => {
  it('the invitee sees the invitation, with the team’s name, and joins with the invited role', async () => {
    const [founder, invitee] = await Promise.all([api.signUp('founder'), api.signUp('invitee')]);
    const team = await teamOf(founder, 'Growth');
    await api.request('POST', `/api/teams/${team.id}/invitations`, {
      token: founder.token,
      body: { email: invitee.email.toUpperCase(), role: 'editor' },
    });
    const mine = await api.request<Json>('GET', '/api/invitations', { token: invitee.token });
    expect(mine.body.items).toMatchObject([{ team_name: 'Growth', role: 'editor', email: invitee.email }]);
    const joined = await api.request<Json>('POST', `/api/invitations/${mine.body.items[0].id}/accept`, {
      token: invitee.token,
    });
    expect(joined.body.my_role).toBe('editor');
    expect((await api.request<Json>('GET', '/api/invitations', { token: invitee.token })).body.items).toEqual([]);
  });

  it('nobody else can accept an invitation: someone with another email gets 404', async () => {
    const [founder, invitee, intruder] = await Promise.all([
      api.signUp('founder'),
      api.signUp('invitee'),
      api.signUp('intruder'),
    ]);
    const team = await teamOf(founder);
    const invitation = await api.request<Json>('POST', `/api/teams/${team.id}/invitations`, {
      token: founder.token,
      body: { email: invitee.email },
    });
    expect(
      (await api.request('POST', `/api/invitations/${invitation.body.id}/accept`, { token: intruder.token })).status,
    ).toBe(404);
    expect((await api.request('GET', `/api/teams/${team.id}`, { token: intruder.token })).status).toBe(404);
    expect((await api.request<Json>('GET', '/api/invitations', { token: intruder.token })).body.items).toEqual([]);
  });

  it('only admins invite: an editor gets 403, an outsider 404', async () => {
    const [founder, editor, outsider] = await Promise.all([
      api.signUp('founder'),
      api.signUp('editor'),
      api.signUp('outsider'),
    ]);
    const team = await teamOf(founder);
    await join(founder, team.id, editor, 'editor');
    const body = { email: 'friend@example.test', role: 'admin' };
    expect((await api.request('POST', `/api/teams/${team.id}/invitations`, { token: editor.token, body })).status).toBe(
      403,
    );
    expect(
      (await api.request('POST', `/api/teams/${team.id}/invitations`, { token: outsider.token, body })).status,
    ).toBe(404);
    expect((await api.request('GET', `/api/teams/${team.id}/invitations`, { token: editor.token })).status).toBe(403);
  });

  it('an expired invitation answers 410', async () => {
    const [founder, invitee] = await Promise.all([api.signUp('founder'), api.signUp('invitee')]);
    const team = await teamOf(founder);
    const invitation = await api.request<Json>('POST', `/api/teams/${team.id}/invitations`, {
      token: founder.token,
      body: { email: invitee.email },
    });
    await api.db.asOwner((tx) =>
      tx.query("update team_invitations set expires_at = now() - interval '1 minute' where id = $1", [
        invitation.body.id,
      ]),
    );
    const response = await api.request<Json>('POST', `/api/invitations/${invitation.body.id}/accept`, {
      token: invitee.token,
    });
    expect(response.status).toBe(410);
  });

  it('the admin revokes and the invitee declines; others cannot delete it', async () => {
    const [founder, invitee, outsider] = await Promise.all([
      api.signUp('founder'),
      api.signUp('invitee'),
      api.signUp('outsider'),
    ]);
    const team = await teamOf(founder);
    const first = await api.request<Json>('POST', `/api/teams/${team.id}/invitations`, {
      token: founder.token,
      body: { email: invitee.email },
    });
    expect((await api.request('DELETE', `/api/invitations/${first.body.id}`, { token: outsider.token })).status).toBe(
      404,
    );
    expect((await api.request('DELETE', `/api/invitations/${first.body.id}`, { token: invitee.token })).status).toBe(
      204,
    );
    const second = await api.request<Json>('POST', `/api/teams/${team.id}/invitations`, {
      token: founder.token,
      body: { email: invitee.email },
    });
    expect((await api.request('DELETE', `/api/invitations/${second.body.id}`, { token: founder.token })).status).toBe(
      204,
    );
    expect(
      (await api.request('POST', `/api/invitations/${second.body.id}/accept`, { token: invitee.token })).status,
    ).toBe(404);
  });
});
