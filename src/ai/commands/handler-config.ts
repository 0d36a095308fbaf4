import { z } from 'zod';
import { TOOL_NAMES, ToolInputs } from '../tools/contracts.js';
import { isTemplate } from './template.js';

// What a custom command does when its pattern matches (custom_commands.handler_config). The API
// checks a configuration with this schema before storing it, and the matcher checks it again
// before running it, so a row that does not fit (an older one) is skipped, never run half-way.
//
// A configuration is readable by everyone who may use the command (a whole team, or every user
// when public), so it must never hold a secret: keys named like credentials are refused at any
// depth, in headers, and in the webhook URL's query.

const TEMPLATE_NOTE =
  '{{input}} is the whole message, {{0}} what the pattern matched, {{1}}, {{2}}… its groups, {{name}} a named group';

const Template = z
  .string()
  .min(1, 'must not be empty')
  .max(10_000)
  .describe(`The text, filled from the match: ${TEMPLATE_NOTE}`);

export const PromptTemplateHandler = z
  .strictObject({
    type: z.literal('prompt_template'),
    template: Template.describe(`The text sent to the model, filled from the match: ${TEMPLATE_NOTE}`),
  })
  .describe('Send a text made from the message to the model');

export const ToolHandler = z
  .strictObject({
    type: z.literal('tool'),
    tool: z.enum(TOOL_NAMES).describe('The assistant tool to run'),
    input: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(`The tool's input (default {}); every string in it is a template: ${TEMPLATE_NOTE}`),
  })
  .describe('Run one assistant tool at once, as the user, without the model');

export const AgentHandler = z
  .strictObject({
    type: z.literal('agent'),
    agent_id: z.guid().describe('The agent that answers (the user must be able to use it)'),
    template: Template.optional().describe(`The text sent to the agent (default: the whole message): ${TEMPLATE_NOTE}`),
  })
  .describe('Send the message, or a text made from it, to one agent');

// Framing and routing headers are OCP's to set: a configured Host or Content-Length would
// change where or what is sent, not just decorate it.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
]);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

const HeaderValue = z
  .string()
  .max(2000)
  .regex(/^[^\r\n\0]*$/, 'must not contain line breaks');

const MAX_HEADERS = 20;

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2000)
  .superRefine((href, ctx) => {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return; // z.url has said so
    }
    if (url.username || url.password)
      ctx.addIssue({ code: 'custom', message: 'must not hold credentials (user:password@)' });
    for (const key of url.searchParams.keys())
      if (isSecretKey(key))
        ctx.addIssue({ code: 'custom', message: `must not hold a secret (the query parameter "${key}")` });
  })
  .describe('Where OCP POSTs the call; private and local addresses are refused unless the administrator allows them');

export const WebhookHandler = z
  .strictObject({
    type: z.literal('webhook'),
    url: WebhookUrl,
    headers: z
      .record(z.string(), HeaderValue)
      .refine((headers) => Object.keys(headers).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`)
      .optional()
      .describe('Extra request headers (no credentials: handler_config is readable by the command’s users)'),
    timeout_ms: z
      .int()
      .min(100)
      .max(30_000)
      .optional()
      .describe('How long to wait for the whole answer (default 5000)'),
    max_bytes: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('The most of the answer that is read (default 100000); plain text beyond it is cut off'),
  })
  .describe(
    'POST {command, message, groups, user_id} as JSON to a URL; the answer (JSON {text} or plain text) is the reply',
  );

export const HANDLER_TYPES = ['prompt_template', 'tool', 'agent', 'webhook'] as const;

/** Defaults of the webhook settings left out of a configuration. */
export const WEBHOOK_DEFAULTS = { timeoutMs: 5000, maxBytes: 100_000 } as const;

const VARIANTS = [PromptTemplateHandler, ToolHandler, AgentHandler, WebhookHandler];

/** A variant checked open (unknownKeys names each extra key), documented closed as it is. */
function open<T extends (typeof VARIANTS)[number]>(variant: T) {
  return variant.loose().meta({ description: variant.description, additionalProperties: false });
}

/**
 * How a custom command runs: custom_commands.handler_config. The variants are checked open and
 * their unknown keys refused one by one, so that a 422 names each (`/body/handler_config/max_tokens`)
 * instead of the object that holds them.
 */
export const HandlerConfig = z
  .discriminatedUnion(
    'type',
    [open(PromptTemplateHandler), open(ToolHandler), open(AgentHandler), open(WebhookHandler)],
    {
      error: (issue) =>
        issue.code === 'invalid_union' ? `must be one of ${HANDLER_TYPES.join(', ')}` : 'must be an object',
    },
  )
  .superRefine(
    (value, ctx) => {
      // Runs even when the rest failed, so nothing here may assume a field has its type.
      const config = value as Record<string, unknown>;
      for (const problem of [...unknownKeys(config), ...configProblems(config), ...headerProblems(config)])
        ctx.addIssue({ code: 'custom', ...problem });
      if (config.type === 'tool') for (const problem of toolInputProblems(config)) ctx.addIssue(problem);
    },
    // Also when the rest is wrong, so that one answer names every field at fault.
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  )
  .describe(
    'How the command runs: prompt_template (a text to the model), tool (one tool, no model), agent (to an agent), webhook (an HTTP call). Never secrets',
  );

export type PromptTemplateHandler = z.infer<typeof PromptTemplateHandler>;
export type ToolHandler = z.infer<typeof ToolHandler>;
export type AgentHandler = z.infer<typeof AgentHandler>;
export type WebhookHandler = z.infer<typeof WebhookHandler>;
/** A checked configuration: exactly the fields of its type. */
export type HandlerConfig = PromptTemplateHandler | ToolHandler | AgentHandler | WebhookHandler;

/** A field at fault: a JSON Pointer (RFC 6901) into the configuration, '' for the whole of it. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Checks a stored or submitted configuration. On failure, each issue names its field by JSON
 * Pointer (`/headers/Authorization`), the way the API's 422 does below `/body/handler_config`.
 */
export function validateHandlerConfig(
  value: unknown,
): { ok: true; config: HandlerConfig } | { ok: false; issues: ConfigIssue[] } {
  const parsed = HandlerConfig.safeParse(value);
  // Unknown keys were refused, so what passed has exactly the fields of its type.
  if (parsed.success) return { ok: true, config: parsed.data as HandlerConfig };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: jsonPointer(issue.path), message: issue.message })),
  };
}

function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

// Key names that say "credential", compared case-insensitively without separators, so that "apiKey",
// "X-API-Key", "client_secret", "Proxy-Authorization" and "privateKey" are all caught. "token"
// only at the end: "access_token" and "githubToken" are credentials; "max_tokens" and
// "token_limit" are model settings.
const SECRET_PARTS = ['secret', 'password', 'passwd', 'authorization', 'apikey', 'privatekey', 'credential'];

export function isSecretKey(key: string): boolean {
  const bare = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_PARTS.some((part) => bare.includes(part)) || bare.endsWith('token');
}

// A configuration is a few levels deep. The limits keep a hostile body (up to 1 MB of nesting or
// of keys) from costing more than a linear walk, or from filling the answer with repeated errors;
// the depth limit also bounds the recursion that fills a tool's input.
const MAX_DEPTH = 32;
const MAX_REPORTED = 100;

type Path = (string | number)[];

/** Where, below the object, the configuration breaks a rule: keys named like secrets, nesting too deep. */
function configProblems(root: unknown): Problem[] {
  const found: Problem[] = [];
  // Iterative, so that no nesting can exhaust the stack.
  const pending: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next && found.length < MAX_REPORTED; next = pending.pop()) {
    const { value, path } = next;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      found.push({ path, message: `must not nest deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (found.length >= MAX_REPORTED) break;
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (!Array.isArray(value) && isSecretKey(key))
        found.push({ path: at, message: 'must not hold a secret: credentials never belong in handler_config' });
      else pending.push({ value: item, path: at });
    }
  }
  return found;
}

type Problem = { path: Path; message: string };

/** Keys the configuration's type does not have (typos such as `timeout` for `timeout_ms`). */
function unknownKeys(config: { type?: unknown }): Problem[] {
  const variant = VARIANTS.find((v) => v.shape.type.value === config.type);
  if (!variant) return [];
  const known = Object.keys(variant.shape);
  return Object.keys(config)
    .filter((key) => !known.includes(key) && !isSecretKey(key)) // a secret's key is refused as such
    .slice(0, MAX_REPORTED)
    .map((key) => ({ path: [key], message: `is not a setting of a ${variant.shape.type.value} handler` }));
}

/** Webhook header names: HTTP tokens, and none that OCP sets itself. */
function headerProblems(config: { type?: unknown; headers?: unknown }): Problem[] {
  if (config.type !== 'webhook' || config.headers === null || typeof config.headers !== 'object') return [];
  const problems: Problem[] = [];
  for (const name of Object.keys(config.headers).slice(0, MAX_REPORTED)) {
    if (!HEADER_NAME.test(name)) problems.push({ path: ['headers', name], message: 'must be an HTTP header name' });
    else if (RESERVED_HEADERS.has(name.toLowerCase()))
      problems.push({ path: ['headers', name], message: 'is set by OCP and cannot be configured' });
  }
  return problems;
}

/**
 * A tool's input, checked as far as it can be before a message fills it: every key must be one
 * the tool takes, and the tool's schema must accept every value that is not a template.
 */
function toolInputProblems(config: { tool?: unknown; input?: unknown }) {
  const tool = TOOL_NAMES.find((name) => name === config.tool);
  const input = config.input ?? {};
  if (!tool || input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const schema = ToolInputs[tool];
  const known = Object.keys(schema.shape);
  const problems: { code: 'custom'; path: Path; message: string }[] = [];
  for (const key of Object.keys(input))
    if (!known.includes(key))
      problems.push({
        code: 'custom',
        path: ['input', key],
        message: `is not an input of ${tool} (${known.length ? `it takes ${known.join(', ')}` : 'it takes none'})`,
      });
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      if (!filledLater(input, path))
        problems.push({ code: 'custom', path: ['input', ...path], message: issue.message });
    }
  return problems.slice(0, MAX_REPORTED);
}

/** Whether the value at `path` (or one above it) is a template string, so only a message can tell if it fits. */
function filledLater(root: unknown, path: Path): boolean {
  let value = root;
  for (const key of path) {
    if (typeof value === 'string') return isTemplate(value);
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return typeof value === 'string' && isTemplate(value);
}
