import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { WEBHOOK_DEFAULTS } from './handler-config.js';
import type { MatchGroups } from './pattern.js';

// A webhook URL is chosen by a user and called by the server, so it is a request forgery risk:
// it must not reach the server's own network (databases, cloud metadata at 169.254.169.254,
// admin ports on localhost). request-filtering-agent checks the address the connection actually
// goes to, after DNS resolution, so a public name that resolves to a private address (DNS
// rebinding, 127.0.0.1.nip.io) is refused too. Redirects are never followed: a public URL could
// otherwise send the request on to a private one.
//
// What is sent is exactly the documented body and the configured headers: no cookie, no
// credential and nothing of the server's environment.

/** The administrator's switch that lets webhooks reach private addresses (read by the caller). */
export const ALLOW_PRIVATE_ENV = 'OCP_WEBHOOK_ALLOW_PRIVATE';

/** The JSON body of every webhook call. */
export interface WebhookBody {
  /** The command's name. */
  command: string;
  /** The user's whole message. */
  message: string;
  /** What the pattern captured: '0' the whole match, '1'… the groups, and named groups by name. */
  groups: MatchGroups;
  /** The user who sent the message. */
  user_id: string;
}

export interface WebhookCall {
  url: string;
  headers?: Record<string, string> | undefined;
  /** How long the whole exchange may take, connection included (default 5000). */
  timeoutMs?: number | undefined;
  /** The most of the answer that is read (default 100,000 bytes). */
  maxBytes?: number | undefined;
  body: WebhookBody;
  /** Let the call reach private, loopback and link-local addresses: OCP_WEBHOOK_ALLOW_PRIVATE=true. */
  allowPrivate: boolean;
  /** Stops the call (the user left). */
  signal?: AbortSignal | undefined;
}

/** The webhook's answer: the text of a JSON `{ text }`, or the plain text, cut at maxBytes. */
export interface WebhookAnswer {
  text: string;
  /** The plain-text answer was longer than maxBytes and was cut there. */
  truncated: boolean;
}

export type WebhookRefusal =
  | 'private_address'
  | 'timeout'
  | 'redirect'
  | 'http_status'
  | 'unreachable'
  | 'bad_answer'
  | 'aborted';

/** Why a webhook gave no answer, in words that can be shown to the user. */
export class WebhookError extends Error {
  override name = 'WebhookError';
  constructor(
    readonly reason: WebhookRefusal,
    message: string,
  ) {
    super(message);
  }
}

// One agent per setting, without keep-alive: each call connects (and so is checked) afresh.
const agents = {
  public: { http: new RequestFilteringHttpAgent(), https: new RequestFilteringHttpsAgent() },
  private: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: true }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true }),
  },
};

/**
 * POSTs the body as JSON and reads the answer. Throws a WebhookError when the address is private
 * (unless allowed), the call takes longer than its timeout, the answer is a redirect or not a
 * 2xx, or cannot be read.
 */
export function callWebhook(call: WebhookCall): Promise<WebhookAnswer> {
  const timeoutMs = call.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  const maxBytes = call.maxBytes ?? WEBHOOK_DEFAULTS.maxBytes;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(call.url);
    } catch {
      throw new WebhookError('unreachable', "the webhook's URL is not valid");
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new WebhookError('unreachable', "the webhook's URL must be http or https");
    const payload = Buffer.from(JSON.stringify(call.body));
    const agent = agents[call.allowPrivate ? 'private' : 'public'];

    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (error: Error | undefined, answer?: WebhookAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      request?.destroy();
      if (error) reject(error);
      else resolve(answer as WebhookAnswer);
    };
    const timer = setTimeout(
      () => finish(new WebhookError('timeout', `the webhook did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onAbort = () => finish(new WebhookError('aborted', 'the webhook call was stopped'));
    if (call.signal?.aborted) return onAbort();
    call.signal?.addEventListener('abort', onAbort, { once: true });

    try {
      request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        agent: url.protocol === 'https:' ? agent.https : agent.http,
        headers: {
          ...call.headers,
          'content-type': 'application/json',
          'content-length': payload.length,
          accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
          'user-agent': 'OCP-webhook',
        },
      });
    } catch (error) {
      // A header value Node refuses (configurations are checked, but stored rows may predate that).
      return finish(new WebhookError('unreachable', `the webhook call could not be made (${messageOf(error)})`));
    }
    request.on('error', (error) => finish(describeFailure(error, call.url)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        const location = response.headers.location;
        return finish(
          new WebhookError(
            'redirect',
            `the webhook answered with a redirect (HTTP ${status}${location ? ` to ${location.slice(0, 200)}` : ''}); redirects are not followed`,
          ),
        );
      }
      if (status < 200 || status >= 300)
        return finish(new WebhookError('http_status', `the webhook answered HTTP ${status}`));
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) => {
        try {
          finish(undefined, readAnswer(Buffer.concat(chunks), truncated, response.headers['content-type'], maxBytes));
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      };
      response.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = maxBytes - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        // Stop reading (and close the connection) as soon as the limit is passed.
        if (chunk.length > room) done(true);
      });
      response.on('end', () => done(false));
      response.on('error', (error) => finish(describeFailure(error, call.url)));
    });
    request.end(payload);
  });
}

function readAnswer(body: Buffer, truncated: boolean, contentType: string | undefined, maxBytes: number) {
  if (/[/+]json\b/i.test(contentType ?? '')) {
    if (truncated) throw new WebhookError('bad_answer', `the webhook's JSON answer is larger than ${maxBytes} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new WebhookError('bad_answer', "the webhook's answer is not valid JSON");
    }
    const text = (parsed as { text?: unknown } | null)?.text;
    if (typeof text !== 'string')
      throw new WebhookError('bad_answer', `the webhook's JSON answer has no "text" string`);
    return { text, truncated: false };
  }
  let text = new TextDecoder().decode(body);
  // A cut can split a character: drop its remains rather than show a replacement mark.
  if (truncated) text = text.replace(/\uFFFD+$/, '');
  return { text, truncated };
}

/** The refusal in words: which address was refused and why, or why the host could not be reached. */
function describeFailure(error: Error, url: string): WebhookError {
  if (error instanceof WebhookError) return error;
  // request-filtering-agent: "DNS lookup 10.0.0.1(family:4, host:internal.example) is not allowed.
  // Because, It is private IP address." (family and host are undefined for a literal address)
  const refused = /^DNS lookup (.+?)\(family:[^,]*, host:(.*)\) is not allowed\. Because,? It is (private|meta)/i.exec(
    error.message,
  );
  if (refused) {
    const [, address, host, kind] = refused;
    const where = host && host !== 'undefined' && host !== address ? `${host} → ${address}` : address;
    if (kind?.toLowerCase() === 'meta')
      return new WebhookError('private_address', `the webhook's address is not a destination (${where})`);
    return new WebhookError(
      'private_address',
      `the webhook's address is private (${where}); an administrator can allow private addresses with ${ALLOW_PRIVATE_ENV}=true`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  const host = hostOf(url);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new WebhookError('unreachable', `the webhook's host was not found (${host})`);
  if (code === 'ECONNREFUSED')
    return new WebhookError('unreachable', `the webhook's host refused the connection (${host})`);
  return new WebhookError('unreachable', `the webhook could not be reached (${code ?? messageOf(error)})`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
