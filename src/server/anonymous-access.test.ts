import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/support/api.js';
import { generateOpenApiDocument } from './openapi.js';

const api = useTestApi();

// The only operations an anonymous caller may reach; everything else answers 401 first.
const PUBLIC_OPERATIONS = [
  'GET /api/charts/spec.schema.json',
  'GET /api/charts/{id}',
  'GET /api/dashboards/{id}',
  'GET /api/public/shared/{token}',
  'GET /api/public/shared/{token}/charts/{chart_id}/data',
  'GET /api/public/shared/{token}/charts/{chart_id}/render.png',
  'GET /api/public/shared/{token}/charts/{chart_id}/render.svg',
  'POST /api/auth/refresh',
  'POST /api/auth/signin',
  'POST /api/auth/signup',
  'POST /api/public/shared/{token}',
];

describe('an anonymous caller', () => {
  it('gets 401 from every API operation but the public ones, before any input is looked at', async () => {
    const document = (await generateOpenApiDocument()) as { paths: Record<string, Record<string, unknown>> };
    const reachable: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{[^}]+\}/g, crypto.randomUUID());
        // A body that no schema accepts: a route that validated before authenticating would say 422.
        const body = ['post', 'put', 'patch'].includes(method) ? { not: 'valid' } : undefined;
        const response = await api.request(method.toUpperCase(), url, { body });
        if (response.status !== 401) reachable.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(reachable.sort()).toEqual(PUBLIC_OPERATIONS);
  });
});
