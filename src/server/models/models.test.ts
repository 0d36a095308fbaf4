import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestSession, useTestApi } from '../../../test/support/api.js';

const api = useTestApi();

let user: TestSession;
/** Providers of this file's own models: other test files add models to the same database. */
const tag = randomUUID().slice(0, 8);
const providerA = `test-${tag}-a`;
const providerB = `test-${tag}-b`;

beforeAll(async () => {
  user = await api.signUp('model-reader');
  // The server keeps the list, as service_role; inserted out of order on purpose.
  await api.db.asService((tx) =>
    tx.query(
      `insert into llm_models (provider, model_id, display_name, description, is_active, capabilities) values
         ($2, 'b-2', 'Beta', null, true, '{}'),
         ($1, 'a-2', 'Beta', null, false, '{}'),
         ($1, 'a-1', 'Alpha', 'Fast and small', true, '{"tools": true, "context_window": 200000}')`,
      [providerA, providerB],
    ),
  );
});

async function myModels(session: TestSession) {
  const response = await api.request<Json>('GET', '/api/models', { token: session.token });
  expect(response.status).toBe(200);
  return (response.body.items as Json[]).filter((m) => m.provider.startsWith(`test-${tag}-`));
}

describe('the model list', () => {
  it('requires authentication', async () => {
    const response = await api.request<Json>('GET', '/api/models');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('is read by any signed-in user, ordered by provider and then by name', async () => {
    const models = await myModels(user);
    expect(models.map((m) => [m.provider, m.display_name])).toEqual([
      [providerA, 'Alpha'],
      [providerA, 'Beta'],
      [providerB, 'Beta'],
    ]);
    expect(models[0]).toEqual({
      id: expect.any(String),
      provider: providerA,
      model_id: 'a-1',
      display_name: 'Alpha',
      description: 'Fast and small',
      is_active: true,
      capabilities: { tools: true, context_window: 200000 },
      created_at: expect.any(String),
    });
    expect(await myModels(await api.signUp('another-reader'))).toEqual(models);
  });

  it('includes inactive models, marked so', async () => {
    const models = await myModels(user);
    expect(models.find((m) => m.model_id === 'a-2')?.is_active).toBe(false);
  });

  it('cannot be written over HTTP, and an attempt changes nothing', async () => {
    const [model] = await myModels(user);
    const attempts = [
      api.request('POST', '/api/models', { token: user.token, body: { provider: 'evil', model_id: 'x' } }),
      api.request('PATCH', `/api/models/${model?.id}`, { token: user.token, body: { is_active: false } }),
      api.request('DELETE', `/api/models/${model?.id}`, { token: user.token }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect((await myModels(user))[0]).toEqual(model);
  });
});

it('documents the model list in the OpenAPI description', async () => {
  const spec = await api.request<Json>('GET', '/api/openapi.json');
  expect(Object.keys(spec.body.paths)).toContain('/api/models');
  expect(spec.body.components.schemas).toHaveProperty('LlmModel');
});
