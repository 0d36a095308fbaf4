import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

/**
 * The typed API client for the browser (and for tests): every path, parameter, body and response
 * type comes from the generated schema.
 */
export function createApiClient(options: { baseUrl: string; accessToken?: () => string | undefined }) {
  const client = createClient<paths>({ baseUrl: options.baseUrl });
  client.use({
    onRequest({ request }) {
      const token = options.accessToken?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
