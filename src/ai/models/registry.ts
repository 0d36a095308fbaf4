import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Database } from '../../db/database.js';

// The models OCP can talk to, from the environment, and llm_models kept in step with them. Keys
// stay in this module's closures: they are never written to the database, a prompt, a response
// or a log line.

export interface ModelCapabilities {
  tool_calling: boolean;
  context_tokens: number;
  streaming: boolean;
  /** Usable now: configured with what it needs (a key, a base URL). */
  usable: boolean;
  /** The built-in offline model: rules, not a language model. */
  rule_based?: boolean;
}

export interface ConfiguredModel {
  provider: string;
  modelId: string;
  displayName: string;
  description: string;
  capabilities: ModelCapabilities;
  /** Makes the AI SDK model; only for usable models. */
  create(): LanguageModelV3;
}

export interface ModelRegistry {
  models: ConfiguredModel[];
  /** The model to use when neither the prompt nor the agent names one. */
  defaultModel(): ConfiguredModel;
  find(provider: string, modelId: string): ConfiguredModel | undefined;
}

const list = (value: string | undefined, fallback: string[]) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : fallback;

/** The models the environment configures, the offline one always last (see the README's table). */
export function modelsFromEnv(env: NodeJS.ProcessEnv, offline: () => LanguageModelV3): ConfiguredModel[] {
  const models: ConfiguredModel[] = [];
  if (env.ANTHROPIC_API_KEY) {
    const anthropic = createAnthropic({
      apiKey: env.ANTHROPIC_API_KEY,
      ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    });
    for (const id of list(env.ANTHROPIC_MODELS, ['claude-sonnet-4-5', 'claude-haiku-4-5']))
      models.push({
        provider: 'anthropic',
        modelId: id,
        displayName: `Claude ${id.replace(/^claude-/, '')}`,
        description: 'Anthropic',
        capabilities: { tool_calling: true, context_tokens: 200_000, streaming: true, usable: true },
        create: () => anthropic(id),
      });
  }
  if (env.OPENAI_API_KEY) {
    const openai = createOpenAI({
      apiKey: env.OPENAI_API_KEY,
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    });
    for (const id of list(env.OPENAI_MODELS, ['gpt-4.1', 'gpt-4.1-mini']))
      models.push({
        provider: 'openai',
        modelId: id,
        displayName: id,
        description: 'OpenAI',
        capabilities: { tool_calling: true, context_tokens: 128_000, streaming: true, usable: true },
        create: () => openai(id),
      });
  }
  if (env.OPENAI_COMPATIBLE_BASE_URL) {
    const name = env.OPENAI_COMPATIBLE_NAME || 'openai-compatible';
    const compatible = createOpenAICompatible({
      name,
      baseURL: env.OPENAI_COMPATIBLE_BASE_URL,
      ...(env.OPENAI_COMPATIBLE_API_KEY ? { apiKey: env.OPENAI_COMPATIBLE_API_KEY } : {}),
    });
    for (const id of list(env.OPENAI_COMPATIBLE_MODELS, ['llama3.1']))
      models.push({
        provider: name.toLowerCase(),
        modelId: id,
        displayName: id,
        description: `OpenAI-compatible server at ${new URL(env.OPENAI_COMPATIBLE_BASE_URL).host}`,
        capabilities: {
          tool_calling: env.OPENAI_COMPATIBLE_TOOLS !== 'false',
          context_tokens: Number(env.OPENAI_COMPATIBLE_CONTEXT_TOKENS ?? 32_768),
          streaming: true,
          usable: true,
        },
        create: () => compatible(id),
      });
  }
  models.push({
    provider: 'ocp',
    modelId: 'rule-based',
    displayName: 'OCP offline (rule-based)',
    description:
      'Built in, no key needed: understands plain requests over your datasets’ columns by rules, not a language model',
    capabilities: { tool_calling: true, context_tokens: 1_000_000, streaming: true, usable: true, rule_based: true },
    create: offline,
  });
  return models;
}

export function createModelRegistry(models: ConfiguredModel[], preferred?: string): ModelRegistry {
  return {
    models,
    defaultModel() {
      const named = preferred ? models.find((m) => `${m.provider}/${m.modelId}` === preferred) : undefined;
      return (
        named ??
        (models.find((m) => !m.capabilities.rule_based) as ConfiguredModel) ??
        (models.at(-1) as ConfiguredModel)
      );
    },
    find: (provider, modelId) => models.find((m) => m.provider === provider && m.modelId === modelId),
  };
}

/**
 * Makes llm_models what the registry says: configured models active with their capabilities,
 * models configured before but not now kept (chat history names them) and marked inactive.
 */
export async function syncModels(db: Database, registry: ModelRegistry): Promise<void> {
  await db.asService(async (tx) => {
    for (const m of registry.models)
      await tx.query(
        `insert into public.llm_models (provider, model_id, display_name, description, is_active, capabilities)
         values ($1, $2, $3, $4, true, $5)
         on conflict (provider, model_id) do update
           set display_name = excluded.display_name, description = excluded.description,
               is_active = true, capabilities = excluded.capabilities`,
        [m.provider, m.modelId, m.displayName, m.description, m.capabilities],
      );
    const keys = registry.models.map((m) => `${m.provider}/${m.modelId}`);
    await tx.query(
      `update public.llm_models set is_active = false,
         capabilities = capabilities || '{"usable": false}'
       where not ((provider || '/' || model_id) = any($1::text[]))`,
      [keys],
    );
  });
}
