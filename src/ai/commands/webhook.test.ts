import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callWebhook, type WebhookBody, WebhookError } from './webhook.js';

// A local server stands in for the webhook's receiver. By default the webhook client must refuse
// to reach it (it is on 127.0.0.1); with allowPrivate it is reachable, and tells what it got.

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let port: number;
let received: Received[] = [];

const BODY: WebhookBody = {
  command: 'Weather',
  message: '/weather Paris',
  groups: { '0': '/weather Paris', '1': 'Paris', city: 'Paris' },
  user_id: '00000000-0000-4000-8000-000000000001',
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ method: request.method ?? '', path, headers: request.headers, body });
      if (path === '/json')
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Sunny"}');
      if (path === '/text') return response.writeHead(200, { 'content-type': 'text/plain' }).end('Rain, 12 °C');
      if (path === '/no-text') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"t":1}');
      if (path === '/big') return response.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(1_000_000));
      if (path === '/big-json')
        return response.writeHead(200, { 'content-type': 'application/json' }).end(`{"text":"${'x'.repeat(1000)}"}`);
      if (path === '/redirect') return response.writeHead(302, { location: '/json' }).end();
      if (path === '/fail') return response.writeHead(500).end('boom');
      if (path === '/slow') return; // never answers
      response.writeHead(404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  received = [];
});

const local = (path: string) => `http://127.0.0.1:${port}${path}`;

async function refusal(promise: Promise<unknown>): Promise<WebhookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookError);
  return error as WebhookError;
}

describe('by default, a webhook cannot reach the server’s own network', () => {
  it('refuses 127.0.0.1, and says how an administrator allows it; nothing is sent', async () => {
    const error = await refusal(callWebhook({ url: local('/json'), body: BODY, allowPrivate: false }));
    expect(error.reason).toBe('private_address');
    expect(error.message).toBe(
      "the webhook's address is private (127.0.0.1); an administrator can allow private addresses with OCP_WEBHOOK_ALLOW_PRIVATE=true",
    );
    expect(received).toEqual([]);
  });

  it('refuses localhost after resolving it, and the other spellings of loopback', async () => {
    for (const url of [
      `http://localhost:${port}/json`,
      `http://[::1]:${port}/json`,
      `http://[::ffff:127.0.0.1]:${port}/json`,
      `http://2130706433:${port}/json`, // 127.0.0.1 as one number
      `http://127.1:${port}/json`,
    ]) {
      const error = await refusal(callWebhook({ url, body: BODY, allowPrivate: false }));
      expect([url, error.reason]).toEqual([url, 'private_address']);
    }
    const named = await refusal(callWebhook({ url: `http://localhost:${port}/json`, body: BODY, allowPrivate: false }));
    expect(named.message).toMatch(/^the webhook's address is private \(localhost → (127\.0\.0\.1|::1)\)/);
    expect(received).toEqual([]);
  });

  it('refuses private networks and the cloud metadata address', async () => {
    for (const url of [
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://172.16.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'https://[fd00::1]/hook',
    ]) {
      const error = await refusal(callWebhook({ url, body: BODY, allowPrivate: false }));
      expect(error.message).toMatch(/^the webhook's address is private \(.+\); an administrator can allow/);
    }
  });

  it('refuses 0.0.0.0 even when private addresses are allowed', async () => {
    const error = await refusal(callWebhook({ url: `http://0.0.0.0:${port}/json`, body: BODY, allowPrivate: true }));
    expect(error.message).toBe("the webhook's address is not a destination (0.0.0.0)");
    expect(received).toEqual([]);
  });
});

describe('when an administrator allows private addresses', () => {
  it('POSTs exactly the documented JSON and the configured headers, and reads a JSON {text} answer', async () => {
    const answer = await callWebhook({
      url: local('/json'),
      headers: { 'X-Team': 'sales' },
      body: BODY,
      allowPrivate: true,
    });
    expect(answer).toEqual({ text: 'Sunny', truncated: false });
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual(BODY);
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'accept',
      'connection',
      'content-length',
      'content-type',
      'host',
      'user-agent',
      'x-team',
    ]);
    expect(request?.headers['x-team']).toBe('sales');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('takes a plain-text answer as it is', async () => {
    expect(await callWebhook({ url: local('/text'), body: BODY, allowPrivate: true })).toEqual({
      text: 'Rain, 12 °C',
      truncated: false,
    });
  });

  it('stops waiting after the timeout', async () => {
    const error = await refusal(callWebhook({ url: local('/slow'), timeoutMs: 100, body: BODY, allowPrivate: true }));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('the webhook did not answer within 100 ms');
  });

  it('reads no more than max_bytes: plain text is cut there, JSON over the limit is refused', async () => {
    expect(await callWebhook({ url: local('/big'), maxBytes: 10, body: BODY, allowPrivate: true })).toEqual({
      text: 'xxxxxxxxxx',
      truncated: true,
    });
    const error = await refusal(
      callWebhook({ url: local('/big-json'), maxBytes: 100, body: BODY, allowPrivate: true }),
    );
    expect(error.message).toBe("the webhook's JSON answer is larger than 100 bytes");
  });

  it('does not follow a redirect', async () => {
    const error = await refusal(callWebhook({ url: local('/redirect'), body: BODY, allowPrivate: true }));
    expect(error.reason).toBe('redirect');
    expect(error.message).toBe('the webhook answered with a redirect (HTTP 302 to /json); redirects are not followed');
    expect(received.map((r) => r.path)).toEqual(['/redirect']);
  });

  it('reports an error status and a JSON answer without text', async () => {
    const failed = await refusal(callWebhook({ url: local('/fail'), body: BODY, allowPrivate: true }));
    expect(failed.message).toBe('the webhook answered HTTP 500');
    const empty = await refusal(callWebhook({ url: local('/no-text'), body: BODY, allowPrivate: true }));
    expect(empty.message).toBe(`the webhook's JSON answer has no "text" string`);
  });

  it('stops when the caller aborts', async () => {
    const stop = new AbortController();
    const call = callWebhook({ url: local('/slow'), body: BODY, allowPrivate: true, signal: stop.signal });
    stop.abort();
    expect((await refusal(call)).reason).toBe('aborted');
  });
});
