import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { NextStep } from './next-step.js';
import { planNextStep } from './plan.js';
import { readConversation } from './read-conversation.js';

// OCP's built-in offline model: an AI SDK language model that follows rules instead of
// predicting text. It answers only by calling the same tools an LLM would (so the whole flow —
// datasets, charts, dashboards, workspace, search — works without any API key), then says in
// a sentence what it did. Deterministic, no network, a few milliseconds a call.

export const OFFLINE_PROVIDER_ID = 'ocp';
export const OFFLINE_MODEL_ID = 'rule-based';
export const OFFLINE_MODEL_NAME = 'OCP offline (rule-based)';

/** Characters per token, for the usage estimate (the usual rule of thumb for English). */
const CHARS_PER_TOKEN = 4;
const tokens = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);

/** The characters of the conversation the model was given (tool definitions are not read, so not counted). */
function promptChars(prompt: LanguageModelV3Prompt): number {
  let chars = 0;
  for (const message of prompt) {
    if (message.role === 'system') {
      chars += message.content.length;
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') chars += part.text.length;
      else if (part.type === 'tool-call') chars += part.toolName.length + JSON.stringify(part.input ?? null).length;
      else if (part.type === 'tool-result') chars += JSON.stringify(part.output).length;
    }
  }
  return chars;
}

/** The function tools this call may use: all offered, narrowed by toolChoice. */
function availableTools(options: LanguageModelV3CallOptions): Set<string> {
  const choice = options.toolChoice;
  if (choice?.type === 'none') return new Set();
  const offered = (options.tools ?? []).filter((t) => t.type === 'function').map((t) => t.name);
  return new Set(choice?.type === 'tool' ? offered.filter((name) => name === choice.toolName) : offered);
}

interface Decision {
  step: NextStep;
  toolCallId: string;
  responseId: string;
  usage: LanguageModelV3Usage;
  finishReason: LanguageModelV3FinishReason;
  warnings: SharedV3Warning[];
}

function decide(options: LanguageModelV3CallOptions): Decision {
  options.abortSignal?.throwIfAborted();
  const conversation = readConversation(options.prompt);
  const step = planNextStep(conversation, availableTools(options));
  const outputChars =
    step.kind === 'text' ? step.text.length : step.toolName.length + JSON.stringify(step.input).length;
  const input = tokens(promptChars(options.prompt));
  const output = tokens(outputChars);
  const warnings: SharedV3Warning[] =
    options.responseFormat?.type === 'json'
      ? [{ type: 'unsupported', feature: 'responseFormat', details: 'The offline model answers in text.' }]
      : [];
  return {
    step,
    // Numbered through the whole conversation, so ids never repeat across turns.
    toolCallId: `ocp-call-${conversation.toolCallCount + 1}`,
    responseId: `ocp-${options.prompt.length}-${conversation.toolCallCount}`,
    usage: {
      inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: output, text: step.kind === 'text' ? output : 0, reasoning: 0 },
    },
    finishReason:
      step.kind === 'tool' ? { unified: 'tool-calls', raw: 'tool-calls' } : { unified: 'stop', raw: 'stop' },
    warnings,
  };
}

/** Text in small pieces, as a model streams it: a few words a delta. */
function textDeltas(text: string): string[] {
  const pieces = text.match(/\S+\s*|\s+/g) ?? [];
  const deltas: string[] = [];
  for (let i = 0; i < pieces.length; i += 3) deltas.push(pieces.slice(i, i + 3).join(''));
  return deltas;
}

/**
 * The offline model. Each call reads the whole conversation and takes one step: one tool call
 * (finish reason tool-calls) or the final answer (stop). See plan.ts for how it decides.
 */
export class OfflineModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = OFFLINE_PROVIDER_ID;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly displayName = OFFLINE_MODEL_NAME;
  readonly supportedUrls: Record<string, RegExp[]> = {};

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const d = decide(options);
    const content: LanguageModelV3Content[] =
      d.step.kind === 'tool'
        ? [
            {
              type: 'tool-call',
              toolCallId: d.toolCallId,
              toolName: d.step.toolName,
              input: JSON.stringify(d.step.input),
            },
          ]
        : [{ type: 'text', text: d.step.text }];
    return {
      content,
      finishReason: d.finishReason,
      usage: d.usage,
      warnings: d.warnings,
      response: { id: d.responseId, modelId: this.modelId },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const d = decide(options);
    const parts: LanguageModelV3StreamPart[] = [
      { type: 'stream-start', warnings: d.warnings },
      { type: 'response-metadata', id: d.responseId, modelId: this.modelId },
    ];
    if (d.step.kind === 'tool') {
      parts.push({
        type: 'tool-call',
        toolCallId: d.toolCallId,
        toolName: d.step.toolName,
        input: JSON.stringify(d.step.input),
      });
    } else {
      const id = `${d.responseId}-text`;
      parts.push({ type: 'text-start', id });
      for (const delta of textDeltas(d.step.text)) parts.push({ type: 'text-delta', id, delta });
      parts.push({ type: 'text-end', id });
    }
    parts.push({ type: 'finish', usage: d.usage, finishReason: d.finishReason });
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
    return { stream };
  }
}

/** The built-in offline model (provider "ocp", model "rule-based"). */
export function createOfflineModel(): LanguageModelV3 {
  return new OfflineModel();
}
