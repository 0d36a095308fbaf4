import { expect } from 'vitest';
import type { Json, TestApi, TestSession } from '../../../test/support/api.js';

export type { Json };

/** The sorted JSON paths of the fields a 422 answer names. */
export const pathsOf = (response: { body: Json }): string[] => response.body.errors.map((e: Json) => e.path).sort();

/** Small factories for the chat API tests, each going through the API as the given user. */
export function chatFixtures(api: TestApi) {
  async function createSession(session: TestSession, body: Json = {}): Promise<Json> {
    const response = await api.request<Json>('POST', '/api/chat/sessions', {
      token: session.token,
      body: { title: 'Revenue questions', ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function addMessage(session: TestSession, sessionId: string, body: Json = {}): Promise<Json> {
    const response = await api.request<Json>('POST', `/api/chat/sessions/${sessionId}/messages`, {
      token: session.token,
      body: { role: 'user', content: { text: 'How did revenue do?' }, ...body },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function createDashboard(session: TestSession, body: Json = {}): Promise<string> {
    const response = await api.request<Json>('POST', '/api/dashboards', {
      token: session.token,
      body: { title: 'Sales', ...body },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  return { createSession, addMessage, createDashboard };
}
