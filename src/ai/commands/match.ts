import type { RE2JS } from 're2js';
import { ToolInputs, type ToolName } from '../tools/contracts.js';
import { type BuiltinCommand, type ListedCommand, matchBuiltin } from './builtins.js';
import { type HandlerConfig, validateHandlerConfig } from './handler-config.js';
import { compilePattern, type MatchGroups, matchPattern, PatternError } from './pattern.js';
import { fillJson, fillTemplate, type TemplateValues } from './template.js';
import { callWebhook, type WebhookBody } from './webhook.js';

// Which command a chat message calls, and what it does. Built-in commands come first; then the
// user's custom commands, whose patterns are matched by RE2 (see pattern.ts).
//
// Trust: the commands a user can see include public ones that anyone may have written. Those
// rank last (so nobody can shadow a user's own or team's command by publishing one), and they
// only ever match a message that starts with '/': a public pattern such as `.*` could otherwise
// capture every ordinary message of every user, and with a webhook, send it to its author.

/** What a matched command does. */
export type CommandOutcome =
  /** Send this text to the model (a prompt template, or routed to an agent). */
  | { kind: 'prompt'; text: string; commandId?: string; agentId?: string }
  /** Run one tool as the user, without the model. `useLastChart`: put the session's last chart in `input.spec`. */
  | { kind: 'tool'; tool: ToolName; input: Record<string, unknown>; useLastChart?: boolean; commandId?: string }
  /** Answer at once: /help, a webhook's answer, a usage line, or why the command could not run. */
  | { kind: 'reply'; text: string; commandId?: string }
  /** Switch the session's model or agent (by name: the chat layer resolves it), then send `text` if any. */
  | { kind: 'select'; model?: string; agent?: string; text?: string };

/** A custom command as stored (the API's Command has all of these fields). */
export interface CustomCommand {
  id: string;
  name: string;
  description: string | null;
  command_pattern: string;
  handler_config: unknown;
  /** Shared with every user. A public command the user neither owns nor may edit counts as someone else's. */
  is_public: boolean;
  owner?: { type: 'user'; user_id: string } | { type: 'team'; team_id: string } | undefined;
  abilities?: { can_edit: boolean } | undefined;
}

export interface MatchOptions {
  /** The user who sent the message (sent to webhooks as user_id). */
  userId: string;
  /** OCP_WEBHOOK_ALLOW_PRIVATE=true: webhooks may reach private addresses. */
  allowPrivateWebhooks?: boolean | undefined;
  /** Stops a webhook call (the user left). */
  signal?: AbortSignal | undefined;
}

/** The webhook call a command would make, before it is made. */
export interface PlannedWebhook {
  kind: 'webhook';
  commandId: string;
  url: string;
  headers?: Record<string, string> | undefined;
  timeoutMs?: number | undefined;
  maxBytes?: number | undefined;
  body: WebhookBody;
}

export type MatchedCommand =
  | { source: 'builtin'; name: string }
  | { source: 'custom'; id: string; name: string; groups: MatchGroups };

/** Which command a message calls and what it would do, without doing it. */
export interface CommandPlan {
  command: MatchedCommand;
  outcome: CommandOutcome | PlannedWebhook;
}

/** A stored command that cannot run: its pattern or its configuration is not valid (any more). */
export interface SkippedCommand {
  id: string;
  name: string;
  reason: string;
}

/** The longest text a command sends to the model (a template can repeat what it captured). */
export const MAX_COMMAND_TEXT = 100_000;

/**
 * The outcome of the command `message` calls, or null when it calls none (the message then goes
 * to the model as it is). Built-ins are checked first (a message starting with `/help`, `/chart`…),
 * then `commands` (the user's visible custom commands) in order of trust: his own, his teams’,
 * then public ones shared by others (those only for messages starting with '/'); within each,
 * in the order given. A command whose pattern or configuration is invalid is skipped. A custom
 * command that fails (webhook refused, timeout, bad tool input) answers with a `reply` saying why:
 * this never throws.
 */
export async function matchCommand(
  message: string,
  commands: readonly CustomCommand[],
  options: MatchOptions,
): Promise<CommandOutcome | null> {
  const plan = planCommand(message, commands, options);
  if (!plan) return null;
  const { command, outcome } = plan;
  if (outcome.kind !== 'webhook') return outcome;
  const { name } = command;
  try {
    const answer = await callWebhook({
      url: outcome.url,
      headers: outcome.headers,
      timeoutMs: outcome.timeoutMs,
      maxBytes: outcome.maxBytes,
      body: outcome.body,
      allowPrivate: options.allowPrivateWebhooks ?? false,
      signal: options.signal,
    });
    const text = answer.text.trim() ? answer.text : `The command “${name}” ran; its webhook answered nothing.`;
    return { kind: 'reply', text: answer.truncated ? `${text}…` : text, commandId: outcome.commandId };
  } catch (error) {
    return failed(name, outcome.commandId, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Which command `message` calls and what it would do, without calling any webhook: the same
 * choice as matchCommand (which runs it), also for the command editor's "test" button.
 */
export function planCommand(
  message: string,
  commands: readonly CustomCommand[],
  options: Pick<MatchOptions, 'userId'>,
): CommandPlan | null {
  const ranked = rank(commands, options.userId);
  const builtin = matchBuiltin(
    message,
    ranked.map(({ command, trusted }) => ({ ...listing(command), shared: !trusted })),
  );
  if (builtin) return { command: builtinRef(builtin.command), outcome: builtin.outcome };

  for (const { command, trusted } of ranked) {
    if (!trusted && !message.startsWith('/')) continue;
    const checked = checkCommand(command);
    if ('reason' in checked) continue;
    let groups: MatchGroups | null;
    try {
      groups = matchPattern(checked.regex, message);
    } catch {
      continue; // one user's command must not break everyone's chat
    }
    if (!groups) continue;
    const values: TemplateValues = { input: message, groups };
    return {
      command: { source: 'custom', id: command.id, name: command.name, groups },
      outcome: customOutcome(command, checked.config, values, options.userId),
    };
  }
  return null;
}

/** The stored commands that can never run, and why: what planCommand and matchCommand skip. */
export function invalidCommands(commands: readonly CustomCommand[]): SkippedCommand[] {
  return commands.flatMap((command) => {
    const checked = checkCommand(command);
    return 'reason' in checked ? [{ id: command.id, name: command.name, reason: checked.reason }] : [];
  });
}

/** The compiled pattern and the checked configuration, or why the command cannot run. */
function checkCommand(command: CustomCommand): { regex: RE2JS; config: HandlerConfig } | { reason: string } {
  let regex: RE2JS;
  try {
    regex = compilePattern(command.command_pattern);
  } catch (error) {
    return { reason: `command_pattern ${error instanceof PatternError ? error.message : 'could not be compiled'}` };
  }
  const checked = validateHandlerConfig(command.handler_config);
  if (!checked.ok) {
    const first = checked.issues[0];
    return { reason: `handler_config${first?.path ?? ''} ${first?.message ?? 'is not valid'}` };
  }
  return { regex, config: checked.config };
}

function customOutcome(
  command: CustomCommand,
  config: HandlerConfig,
  values: TemplateValues,
  userId: string,
): CommandOutcome | PlannedWebhook {
  const commandId = command.id;
  switch (config.type) {
    case 'prompt_template':
      return promptOutcome(command, fillTemplate(config.template, values), {});
    case 'agent':
      return promptOutcome(command, config.template ? fillTemplate(config.template, values) : values.input, {
        agentId: config.agent_id,
      });
    case 'tool': {
      const input = fillJson(config.input ?? {}, values);
      const parsed = ToolInputs[config.tool].safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `input.${issue.path.join('.')} ` : '';
        return failed(command.name, commandId, `${config.tool} does not accept it: ${where}${issue?.message ?? ''}`);
      }
      return { kind: 'tool', tool: config.tool, input: parsed.data as Record<string, unknown>, commandId };
    }
    case 'webhook':
      return {
        kind: 'webhook',
        commandId,
        url: config.url,
        headers: config.headers,
        timeoutMs: config.timeout_ms,
        maxBytes: config.max_bytes,
        body: { command: command.name, message: values.input, groups: values.groups, user_id: userId },
      };
  }
}

function promptOutcome(command: CustomCommand, text: string, extra: { agentId?: string }): CommandOutcome {
  if (text.length > MAX_COMMAND_TEXT)
    return failed(command.name, command.id, `its text would be over ${MAX_COMMAND_TEXT} characters`);
  if (!text.trim()) return failed(command.name, command.id, 'its text is empty for this message');
  return { kind: 'prompt', text, commandId: command.id, ...extra };
}

function failed(name: string, commandId: string, reason: string): CommandOutcome {
  return { kind: 'reply', text: `The command “${name}” could not run: ${reason}.`, commandId };
}

/**
 * Commands in order of trust, each marked trusted or not. Trusted: the user's own, one he may edit
 * (his team's, as editor or admin), or one that is not public (so he sees it as his team's).
 */
function rank(commands: readonly CustomCommand[], userId: string) {
  const tier = (c: CustomCommand) => {
    if (c.owner?.type === 'user' && c.owner.user_id === userId) return 0;
    if (!c.is_public || c.abilities?.can_edit) return 1;
    return 2;
  };
  return commands
    .map((command, index) => ({ command, index, tier: tier(command) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ command, tier }) => ({ command, trusted: tier < 2 }));
}

function listing(command: CustomCommand): ListedCommand {
  return { name: command.name, description: command.description, command_pattern: command.command_pattern };
}

function builtinRef(command: BuiltinCommand): MatchedCommand {
  return { source: 'builtin', name: command.name };
}
