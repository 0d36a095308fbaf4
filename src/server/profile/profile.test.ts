import { describe, expect, it } from 'vitest';
import { type Json, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

describe('profile', () => {
  it('requires authentication', async () => {
    expect((await api.request('GET', '/api/profile')).status).toBe(401);
    expect((await api.request('PATCH', '/api/profile', { body: { display_name: 'x' } })).status).toBe(401);
  });

  it('shows the signed-in user his own profile', async () => {
    const me = await api.signUp('ada');
    const profile = await api.request<Json>('GET', '/api/profile', { token: me.token });
    expect(profile.body).toMatchObject({
      id: me.userId,
      email: me.email,
      display_name: 'ada',
      timezone: 'UTC',
      preferences: {},
    });
  });

  it('changes name, time zone and preferences, merging preferences key by key', async () => {
    const me = await api.signUp('ada');
    await api.request('PATCH', '/api/profile', {
      token: me.token,
      body: { preferences: { theme: 'dark', language: 'en' } },
    });
    const updated = await api.request<Json>('PATCH', '/api/profile', {
      token: me.token,
      body: { display_name: 'Ada L.', timezone: 'Europe/Paris', preferences: { language: null, density: 'compact' } },
    });
    expect(updated.body).toMatchObject({
      display_name: 'Ada L.',
      timezone: 'Europe/Paris',
      preferences: { theme: 'dark', density: 'compact' },
    });
    expect(updated.body.preferences).not.toHaveProperty('language');
  });

  it('names a bad time zone and an empty name, and changes nothing', async () => {
    const me = await api.signUp('ada');
    const response = await api.request<Json>('PATCH', '/api/profile', {
      token: me.token,
      body: { display_name: '', timezone: 'Mars/Olympus' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: Json) => e.path).sort()).toEqual(['/body/display_name', '/body/timezone']);
    expect((await api.request<Json>('GET', '/api/profile', { token: me.token })).body.display_name).toBe('ada');
  });
});
