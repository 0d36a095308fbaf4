import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';
import type { ToolOutputs } from '../tools/contracts.js';
import type { DatasetInfo } from './match-columns.js';
import type { DatasetDescription } from './match-values.js';

// What the offline model reads from the prompt: the user's last words, the tool calls made since
// (with their results), and what earlier turns already found out (the datasets, their sample
// values, the last chart made). The prompt is the whole conversation, so this is its only memory.

/** A tool result as the model sees it: a value, or what went wrong. */
export type ToolOutcome = { ok: true; value: unknown } | { ok: false; error: string };

export interface ToolStep {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** Absent while the tool has not answered. */
  outcome?: ToolOutcome;
}

/** A chart make_chart made: what add_chart and save_to_workspace take. */
export interface MadeChart {
  title: string;
  spec: ToolOutputs['make_chart']['spec'];
  result?: ToolOutputs['make_chart'];
}

export interface Conversation {
  /** The text of the user's last message. */
  request: string;
  /** Tool calls since that message, in order. */
  turn: ToolStep[];
  /** The newest dataset list anywhere in the conversation. */
  datasets?: DatasetInfo[];
  /** The newest description of each dataset, by id. */
  descriptions: Map<string, DatasetDescription>;
  /** The newest chart made anywhere in the conversation. */
  lastChart?: MadeChart;
  /** The newest chart made before the user's last message: what "add it" refers to. */
  earlierChart?: MadeChart;
  /** The dashboard the user has open, as the chat's system prompt names it. */
  openDashboard?: { id: string; title: string; canEdit: boolean };
  /** Tool calls in the whole conversation (for unique call ids). */
  toolCallCount: number;
}

/** The line src/ai/chat/dashboard-context.ts writes into the system prompt when a dashboard is open. */
const OPEN_DASHBOARD = /dashboard "(.+?)" open \(id ([0-9a-f-]{36}); (they may edit it|read only for them)\)/i;

function readOpenDashboard(prompt: LanguageModelV3Prompt): Conversation['openDashboard'] {
  for (const message of prompt) {
    const found = message.role === 'system' ? OPEN_DASHBOARD.exec(message.content) : null;
    if (found) return { title: found[1] as string, id: found[2] as string, canEdit: found[3] === 'they may edit it' };
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A tool's answer: `{ error }` (how OCP's tools report failure) and SDK errors count as failures. */
export function readOutcome(output: LanguageModelV3ToolResultOutput): ToolOutcome {
  const fromValue = (value: unknown): ToolOutcome =>
    isRecord(value) && typeof value.error === 'string' ? { ok: false, error: value.error } : { ok: true, value };
  switch (output.type) {
    case 'json':
      return fromValue(output.value);
    case 'text':
      try {
        return fromValue(JSON.parse(output.value));
      } catch {
        return { ok: true, value: output.value };
      }
    case 'error-text':
      return { ok: false, error: output.value };
    case 'error-json':
      return {
        ok: false,
        error:
          isRecord(output.value) && typeof output.value.error === 'string'
            ? output.value.error
            : JSON.stringify(output.value),
      };
    case 'execution-denied':
      return { ok: false, error: output.reason ?? 'The action was declined.' };
    case 'content':
      return { ok: true, value: output.value.map((part) => (part.type === 'text' ? part.text : '')).join('\n') };
  }
}

function readSteps(prompt: LanguageModelV3Prompt): ToolStep[] {
  const steps: ToolStep[] = [];
  const byId = new Map<string, ToolStep>();
  for (const message of prompt) {
    if (message.role !== 'assistant' && message.role !== 'tool') continue;
    for (const part of message.content) {
      if (part.type === 'tool-call') {
        const step: ToolStep = { toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
        steps.push(step);
        byId.set(part.toolCallId, step);
      } else if (part.type === 'tool-result') {
        const step = byId.get(part.toolCallId);
        if (step) step.outcome = readOutcome(part.output);
      }
    }
  }
  return steps;
}

const succeeded = (step: ToolStep, name: string): unknown =>
  step.toolName === name && step.outcome?.ok ? step.outcome.value : undefined;

/** Reads the prompt the AI SDK passes to doGenerate/doStream. */
export function readConversation(prompt: LanguageModelV3Prompt): Conversation {
  let lastUser = -1;
  for (const [i, message] of prompt.entries()) if (message.role === 'user') lastUser = i;
  const userMessage = prompt[lastUser];
  const request =
    userMessage?.role === 'user'
      ? userMessage.content
          .map((part) => (part.type === 'text' ? part.text : ''))
          .join('\n')
          .trim()
      : '';

  const before = readSteps(prompt.slice(0, Math.max(lastUser, 0)));
  const turn = readSteps(lastUser < 0 ? prompt : prompt.slice(lastUser + 1));
  const conversation: Conversation = {
    request,
    turn,
    descriptions: new Map(),
    toolCallCount: before.length + turn.length,
  };
  const open = readOpenDashboard(prompt);
  if (open) conversation.openDashboard = open;
  for (const [i, step] of [...before, ...turn].entries()) {
    const listed = succeeded(step, 'list_datasets');
    if (isRecord(listed) && Array.isArray(listed.datasets)) conversation.datasets = listed.datasets as DatasetInfo[];
    const described = succeeded(step, 'describe_dataset');
    if (isRecord(described) && typeof described.id === 'string' && Array.isArray(described.columns))
      conversation.descriptions.set(described.id, described as unknown as DatasetDescription);
    const made = succeeded(step, 'make_chart');
    if (isRecord(made) && typeof made.title === 'string' && isRecord(made.spec))
      conversation.lastChart = {
        title: made.title,
        spec: made.spec as MadeChart['spec'],
        result: made as unknown as ToolOutputs['make_chart'],
      };
    if (i === before.length - 1 && conversation.lastChart) conversation.earlierChart = conversation.lastChart;
  }
  return conversation;
}
