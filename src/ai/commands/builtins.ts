import { ToolInputs } from '../tools/contracts.js';
import type { CommandOutcome } from './match.js';

// The built-in slash commands. They are checked before any custom command, so a custom pattern
// can never take `/help` or `/save` away from a user. Each answers with the same outcomes as a
// custom command; none calls the model by itself except /chart, which asks it for a chart.

/** A custom command as /help lists it. */
export interface ListedCommand {
  name: string;
  description: string | null;
  command_pattern: string;
  /** Shared with every user by someone else (listed apart). */
  shared?: boolean | undefined;
}

export interface BuiltinCommand {
  /** The slash name, e.g. `/chart`. */
  name: string;
  /** How to call it, for /help and for the usage reply. */
  usage: string;
  description: string;
  /** The outcome for the text after the name (trimmed; '' when there is none). */
  run(argument: string, context: { commands: readonly ListedCommand[] }): CommandOutcome;
}

export const DEFAULT_SAVE_TITLE = 'Saved chart';

/** How many custom commands /help lists before it says how many more there are. */
const HELP_LIST_LIMIT = 50;

const usage = (command: { usage: string; description: string }): CommandOutcome => ({
  kind: 'reply',
  text: `Usage: \`${command.usage}\` — ${command.description}`,
});

/** A tool outcome whose input the tool accepts, or a reply saying what is wrong with it. */
function toolOutcome<T extends 'find_dashboards' | 'search_chats' | 'save_to_workspace'>(
  tool: T,
  input: Record<string, unknown>,
  extra: { useLastChart?: true } = {},
): CommandOutcome {
  const parsed = ToolInputs[tool].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'reply',
      text: `That does not work: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim(),
    };
  }
  return { kind: 'tool', tool, input: parsed.data, ...extra };
}

/** `/model <name>` and `/agent <name>`: the name on the first line; any further lines are sent after switching. */
function selection(argument: string, what: 'model' | 'agent'): CommandOutcome {
  const [first = '', ...rest] = argument.split('\n');
  const name = first.trim();
  const text = rest.join('\n').trim();
  return { kind: 'select', [what]: name, ...(text ? { text } : {}) };
}

export const BUILTIN_COMMANDS: readonly BuiltinCommand[] = [
  {
    name: '/help',
    usage: '/help',
    description: 'list the commands you can use',
    run: (_argument, { commands }) => ({ kind: 'reply', text: helpText(commands) }),
  },
  {
    name: '/chart',
    usage: '/chart <what to chart>',
    description: 'ask the assistant for a chart',
    run(argument) {
      if (!argument) return usage(this);
      return {
        kind: 'prompt',
        text: `Make a chart of the following, with the make_chart tool, choosing the dataset and the chart type that fit best:\n\n${argument}`,
      };
    },
  },
  {
    name: '/dashboard',
    usage: '/dashboard <name>',
    description: 'find a dashboard by words of its title',
    run(argument) {
      return argument ? toolOutcome('find_dashboards', { query: argument }) : usage(this);
    },
  },
  {
    name: '/save',
    usage: '/save [title]',
    description: `keep the last chart of this chat in your workspace (titled “${DEFAULT_SAVE_TITLE}” unless you name it)`,
    run: (argument) =>
      toolOutcome('save_to_workspace', { title: argument || DEFAULT_SAVE_TITLE }, { useLastChart: true }),
  },
  {
    name: '/search',
    usage: '/search <words>',
    description: 'search your earlier chats',
    run(argument) {
      return argument ? toolOutcome('search_chats', { query: argument }) : usage(this);
    },
  },
  {
    name: '/model',
    usage: '/model <name>',
    description: 'answer with this model from now on in this chat',
    run(argument) {
      return argument ? selection(argument, 'model') : usage(this);
    },
  },
  {
    name: '/agent',
    usage: '/agent <name>',
    description: 'answer as this agent from now on in this chat',
    run(argument) {
      return argument ? selection(argument, 'agent') : usage(this);
    },
  },
];

/**
 * The built-in command a message calls: it starts with a built-in name (in any case) followed by
 * a space, a line break or nothing (`/helpme` is not `/help`). Null when it calls none.
 */
export function matchBuiltin(
  message: string,
  commands: readonly ListedCommand[],
): { command: BuiltinCommand; outcome: CommandOutcome } | null {
  const head = /^\/[A-Za-z]+/.exec(message);
  if (!head) return null;
  const rest = message.slice(head[0].length);
  if (rest && !/^\s/.test(rest)) return null;
  const name = head[0].toLowerCase();
  const command = BUILTIN_COMMANDS.find((c) => c.name === name);
  if (!command) return null;
  return { command, outcome: command.run(rest.trim(), { commands }) };
}

/** /help: the built-ins, then the user's custom commands (his and his teams’), then those others share. */
export function helpText(commands: readonly ListedCommand[]): string {
  const lines = ['**Built-in commands**', ...BUILTIN_COMMANDS.map((c) => `- ${code(c.usage)}: ${c.description}`)];
  const own = commands.filter((c) => !c.shared);
  const shared = commands.filter((c) => c.shared);
  const section = (title: string, list: readonly ListedCommand[]) => {
    if (list.length === 0) return;
    lines.push('', title);
    for (const c of list.slice(0, HELP_LIST_LIMIT)) lines.push(`- ${listed(c)}`);
    if (list.length > HELP_LIST_LIMIT) lines.push(`- …and ${list.length - HELP_LIST_LIMIT} more`);
  };
  section('**Your custom commands**', own);
  section('**Custom commands shared with everyone**', shared);
  if (commands.length === 0) lines.push('', 'You have no custom commands yet.');
  return lines.join('\n');
}

function listed(command: ListedCommand): string {
  // One line each: a description is cut at its first line and 200 characters.
  const description = command.description?.split('\n')[0]?.trim().slice(0, 200);
  return `**${command.name.replace(/[*_`]/g, '')}**${description ? `: ${description}` : ''} (matches ${code(command.command_pattern)})`;
}

/** A markdown code span that holds any text, backticks included. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
