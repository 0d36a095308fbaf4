import type { components } from '../../api/schema';

export type CommandTestResult = components['schemas']['CommandTestResult'];

/** The id the API gives a draft that has none yet (a new command). */
export const DRAFT_ID = '00000000-0000-0000-0000-000000000000';

export type TestVerdict =
  | { kind: 'matched'; groups: [string, string | null][]; outcome: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'other'; name: string }
  | { kind: 'none' };

/** What a command's outcome does, in words. */
export function describeOutcome(outcome: CommandTestResult['outcome']): string {
  if (!outcome) return '';
  switch (outcome.kind) {
    case 'prompt':
      return `Sends to the ${outcome.agent_id ? 'agent' : 'model'}: ${outcome.text}`;
    case 'tool':
      return `Runs ${outcome.tool} with ${JSON.stringify(outcome.input)}`;
    case 'reply':
      return `Answers: ${outcome.text}`;
    case 'select':
      return `Switches to ${outcome.agent ?? outcome.model ?? 'another model'}`;
    case 'webhook':
      return `Calls ${outcome.url} (not called in a test)`;
  }
}

/**
 * The editor's reading of a test: did the draft (`draftId`) take the message, or a built-in, or
 * another of the user's commands, or none (the message goes to the model as it is)?
 */
export function verdict(result: CommandTestResult, draftId: string): TestVerdict {
  const { command } = result;
  if (!command) return { kind: 'none' };
  if (command.source === 'builtin') return { kind: 'builtin', name: command.name };
  if (command.id !== draftId) return { kind: 'other', name: command.name };
  return {
    kind: 'matched',
    groups: Object.entries(command.groups),
    outcome: describeOutcome(result.outcome),
  };
}
