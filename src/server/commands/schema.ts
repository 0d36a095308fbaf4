import { z } from 'zod';
import { Owner } from '../dashboards/schema.js';
import { ListOwnedQuery, OwnedAbilities } from '../ownership.js';

export const HANDLER_TYPES = ['prompt_template', 'tool_call', 'agent', 'webhook'] as const;

const Name = z.string().trim().min(1, 'must not be empty').max(120);
const Description = z.string().max(2000).nullable();
const Timestamp = z.string().describe('ISO 8601 timestamp');

/**
 * Whether `pattern` compiles, and if not, why. For now JavaScript's engine judges the syntax; the
 * runtime matcher will be RE2 (linear time, no backreferences or lookaround), brought in with the
 * assistant issue, which must then judge here too: JavaScript accepts some patterns RE2 refuses.
 */
function regexSyntaxError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /(/: Unterminated group" → "Unterminated group"
    const message = error instanceof Error ? error.message : String(error);
    return message.slice(message.lastIndexOf(': ') + 2) || message;
  }
}

const CommandPattern = z
  .string()
  .min(1, 'must not be empty')
  .max(1000)
  .superRefine((pattern, ctx) => {
    const error = regexSyntaxError(pattern);
    if (error) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression (${error})` });
  })
  .describe('A regular expression the prompt must match for the command to run');

// Key names that say "credential", compared case-insensitively without separators, so that "apiKey",
// "X-API-Key", "client_secret", "Proxy-Authorization" and "privateKey" are all caught. "token"
// only at the end: "access_token" and "githubToken" are credentials; "max_tokens" and
// "token_limit" are model settings.
const SECRET_PARTS = ['secret', 'password', 'passwd', 'authorization', 'apikey', 'privatekey', 'credential'];

function isSecretKey(key: string): boolean {
  const bare = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_PARTS.some((part) => bare.includes(part)) || bare.endsWith('token');
}

// A configuration is a few levels deep. The limits keep a hostile body (up to 1 MB of nesting or
// of keys) from costing more than a linear walk, or from filling the answer with repeated errors.
const MAX_DEPTH = 32;
const MAX_REPORTED = 100;

/** Where, below the object, the configuration breaks a rule: keys named like secrets, nesting too deep. */
function configProblems(root: unknown): { path: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; message: string }[] = [];
  // Iterative, so that no nesting can exhaust the stack.
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
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

const HandlerConfig = z
  .looseObject({ type: z.enum(HANDLER_TYPES).describe('How the command runs') })
  .superRefine(
    (config, ctx) => {
      for (const { path, message } of configProblems(config)) ctx.addIssue({ code: 'custom', path, message });
    },
    // Also when `type` is wrong, so that one answer names every field at fault.
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  )
  .describe('How the command runs: a type, and settings free-form for now. Never secrets');

export const Command = z
  .object({
    id: z.guid(),
    name: z.string(),
    description: z.string().nullable(),
    command_pattern: z.string(),
    handler_config: z.record(z.string(), z.unknown()),
    owner: Owner,
    is_public: z.boolean().describe('Every signed-in user may use it (but not change it)'),
    abilities: OwnedAbilities,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Command' });

export const CommandList = z
  .object({
    items: z.array(Command),
    next_cursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
  })
  .meta({ id: 'CommandList' });

export const ListCommandsQuery = ListOwnedQuery;

export const CreateCommandBody = z.object({
  name: Name,
  description: Description.optional(),
  command_pattern: CommandPattern,
  handler_config: HandlerConfig,
  team_id: z.guid().optional().describe('Create it for this team (you must be editor or admin); else it is yours'),
  is_public: z.boolean().default(false),
});

export const UpdateCommandBody = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    command_pattern: CommandPattern.optional(),
    handler_config: HandlerConfig.optional(),
    is_public: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
