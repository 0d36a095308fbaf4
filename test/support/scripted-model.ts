import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import type { ConfiguredModel } from '../../src/ai/models/registry.js';

/** One model call: what it streams, given what it was asked (the prompt, the tools). */
export type ScriptStep = (options: LanguageModelV3CallOptions) => LanguageModelV3StreamPart[];

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** A tool call step: the model asks for one tool. */
export const callTool =
  (toolName: string, input: unknown | ((options: LanguageModelV3CallOptions) => unknown)): ScriptStep =>
  (options) => [
    { type: 'stream-start', warnings: [] },
    {
      type: 'tool-call',
      toolCallId: `call-${Math.random().toString(36).slice(2)}`,
      toolName,
      input: JSON.stringify(
        typeof input === 'function' ? (input as (o: LanguageModelV3CallOptions) => unknown)(options) : input,
      ),
    },
    { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
  ];

/** A text step: the model answers in words (in a few deltas, as a real model streams). */
export const say =
  (text: string): ScriptStep =>
  () => [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...text.split(/(?<= )/).map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];

export interface ScriptedModel {
  configured: ConfiguredModel;
  /** Every call's options, in order (prompts, tools offered, temperature). */
  calls: LanguageModelV3CallOptions[];
  /** Replace the script for the next turns. */
  script(steps: ScriptStep[], chunkDelayInMs?: number): void;
}

/**
 * The AI SDK's mock model, scripted step by step: the test says what the "LLM" streams and the
 * real tools run. Registered like a configured provider ('mock', 'scripted').
 */
export function scriptedModel(): ScriptedModel {
  let steps: ScriptStep[] = [];
  let delay: number | null = null;
  const calls: LanguageModelV3CallOptions[] = [];
  const model = new MockLanguageModelV3({
    provider: 'mock',
    modelId: 'scripted',
    doStream: async (options) => {
      calls.push(options);
      const step = steps.shift() ?? say('(script ended)');
      return {
        stream: simulateReadableStream({ chunks: step(options), chunkDelayInMs: delay, initialDelayInMs: null }),
      };
    },
  });
  return {
    calls,
    script(next, chunkDelayInMs) {
      steps = [...next];
      delay = chunkDelayInMs ?? null;
    },
    configured: {
      provider: 'mock',
      modelId: 'scripted',
      displayName: 'Scripted mock',
      description: 'Tests only',
      capabilities: { tool_calling: true, context_tokens: 100_000, streaming: true, usable: true },
      create: () => model,
    },
  };
}
