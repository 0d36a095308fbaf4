import type { ToolName, ToolOutputs } from '../tools/contracts.js';
import type { Conversation } from './read-conversation.js';

// The offline model's next move, and the small helpers the planners share to read the turn.

/** Call one tool, or answer in words (which ends the turn). */
export type NextStep =
  | { kind: 'tool'; toolName: ToolName; input: Record<string, unknown> }
  | { kind: 'text'; text: string };

/** The final answer, in words. */
export const answer = (text: string): NextStep => ({ kind: 'text', text });

/** What the planners know besides the conversation: the tools this call may use. */
export interface Turn {
  conversation: Conversation;
  available: ReadonlySet<string>;
}

/** The newest successful answer of a tool in this turn. */
export function resultOf<N extends ToolName>(turn: Turn, name: N): ToolOutputs[N] | undefined {
  const step = turn.conversation.turn.findLast((s) => s.toolName === name && s.outcome?.ok);
  return step?.outcome?.ok ? (step.outcome.value as ToolOutputs[N]) : undefined;
}

/** The input the model gave a tool in this turn (its newest call). */
export function inputOf(turn: Turn, name: ToolName): Record<string, unknown> | undefined {
  const step = turn.conversation.turn.findLast((s) => s.toolName === name);
  return step && typeof step.input === 'object' && step.input !== null
    ? (step.input as Record<string, unknown>)
    : undefined;
}

/** A tool call, or (when this call may not use the tool) a sentence saying so after what is done. */
export function callTool(
  turn: Turn,
  toolName: ToolName,
  input: Record<string, unknown>,
  done: string[] = [],
): NextStep {
  if (turn.available.has(toolName)) return { kind: 'tool', toolName, input };
  return answer([...done, `I cannot do the rest here: this assistant may not use the ${toolName} tool.`].join(' '));
}
