import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/support/api.js';
import { generateOpenApiDocument } from '../../server/openapi.js';
import { createApiClient } from './client.js';
import { renderApiTypes } from './render-types.js';

const api = useTestApi();

describe('the generated API client', () => {
  it('is current: regenerating from the server’s schemas changes nothing (run npm run api:client)', async () => {
    const document = await generateOpenApiDocument();
    expect(JSON.parse(await readFile('src/web/api/openapi.json', 'utf8'))).toEqual(document);
    expect(await readFile('src/web/api/schema.ts', 'utf8')).toBe(await renderApiTypes(document));
  });

  it('signs up, creates a dashboard and reads it back, fully typed', async () => {
    let token: string | undefined;
    const client = createApiClient({ baseUrl: api.baseUrl, accessToken: () => token });
    const signUp = await client.POST('/api/auth/signup', {
      body: { email: `client-${crypto.randomUUID()}@example.test`, password: 'correct horse battery' },
    });
    token = signUp.data?.access_token;
    const created = await client.POST('/api/dashboards', {
      body: {
        title: 'From the client',
        is_public: false,
        settings: {},
        tabs: [{ title: 'Main', charts: [{ title: 'KPI', chart_type: 'kpi', configuration: {} }] }],
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.id as string;
    const read = await client.GET('/api/dashboards/{id}', { params: { path: { id } } });
    expect(read.data?.tabs[0]?.charts[0]?.title).toBe('KPI');
  });

  it('gets problem details back as typed errors', async () => {
    const client = createApiClient({ baseUrl: api.baseUrl });
    const response = await client.GET('/api/dashboards/{id}', { params: { path: { id: crypto.randomUUID() } } });
    expect(response.error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
