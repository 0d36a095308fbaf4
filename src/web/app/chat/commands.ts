/** A command the composer offers as the user types "/". */
export interface CommandSuggestion {
  /** What is inserted: "/chart " for a built-in; a custom command's name is shown, not inserted. */
  name: string;
  usage: string;
  description: string;
  source: 'builtin' | 'custom';
  /** A custom command's RE2 pattern (what a message must match). */
  pattern?: string;
}

/** The built-in slash commands, as src/ai/commands/builtins.ts defines them (test/e2e/chat.test.ts checks the two agree). */
export const BUILTIN_SUGGESTIONS: readonly CommandSuggestion[] = [
  { name: '/help', usage: '/help', description: 'list the commands you can use', source: 'builtin' },
  { name: '/chart', usage: '/chart <what to chart>', description: 'ask the assistant for a chart', source: 'builtin' },
  {
    name: '/dashboard',
    usage: '/dashboard <name>',
    description: 'find a dashboard by words of its title',
    source: 'builtin',
  },
  {
    name: '/save',
    usage: '/save [title]',
    description: 'keep the last chart of this chat in your workspace (titled “Saved chart” unless you name it)',
    source: 'builtin',
  },
  { name: '/search', usage: '/search <words>', description: 'search your earlier chats', source: 'builtin' },
  {
    name: '/model',
    usage: '/model <name>',
    description: 'answer with this model from now on in this chat',
    source: 'builtin',
  },
  {
    name: '/agent',
    usage: '/agent <name>',
    description: 'answer as this agent from now on in this chat',
    source: 'builtin',
  },
];

/**
 * The commands to offer for what is typed so far: only while the prompt is a single "/word" (no
 * space yet); built-ins whose name starts with it, then custom commands whose name contains it.
 */
export function matchingCommands(text: string, custom: readonly CommandSuggestion[]): CommandSuggestion[] {
  const typed = /^\/([\w-]*)$/.exec(text);
  if (!typed) return [];
  const word = (typed[1] ?? '').toLowerCase();
  const builtins = BUILTIN_SUGGESTIONS.filter((c) => c.name.slice(1).startsWith(word));
  const customs = custom.filter((c) => c.name.toLowerCase().replace(/^\//, '').includes(word));
  return [...builtins, ...customs];
}

/** The text the composer holds after a suggestion is chosen. */
export function applySuggestion(suggestion: CommandSuggestion): string {
  if (suggestion.source === 'builtin') return suggestion.usage.includes(' ') ? `${suggestion.name} ` : suggestion.name;
  // A custom command is called by a message its pattern matches; a literal "/name" prefix is the common case.
  const literal = /^\^?(\/[\w-]+)/.exec(suggestion.pattern ?? '');
  return literal?.[1] ? `${literal[1]} ` : suggestion.name.startsWith('/') ? `${suggestion.name} ` : '';
}
