import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Database } from '../db/database.js';
import type { AssistantServices } from './chat/turn.js';
import { type ConfiguredModel, createModelRegistry, modelsFromEnv, syncModels } from './models/registry.js';

/** The offline model, loaded the first time someone uses it. */
function lazyOfflineModel(): LanguageModelV3 {
  const load = async () => (await import('./offline/offline-model.js')).createOfflineModel();
  return {
    specificationVersion: 'v3',
    provider: 'ocp',
    modelId: 'rule-based',
    supportedUrls: {},
    doGenerate: async (options) => (await load()).doGenerate(options),
    doStream: async (options) => (await load()).doStream(options),
  };
}

/** Tool steps a turn may take (each a model call and a tool run) before it must answer. */
const DEFAULT_MAX_STEPS = 8;

/**
 * The assistant's services from the environment (see the README): the configured models plus the
 * built-in offline one, kept in llm_models. `models` replaces the environment's list (tests use
 * the AI SDK's mock models this way).
 */
export async function createAssistantServices(
  db: Database,
  options: { env?: NodeJS.ProcessEnv; models?: ConfiguredModel[]; offline?: () => LanguageModelV3 } = {},
): Promise<AssistantServices> {
  const env = options.env ?? process.env;
  const models = options.models ?? modelsFromEnv(env, options.offline ?? lazyOfflineModel);
  const registry = createModelRegistry(models, env.OCP_DEFAULT_MODEL);
  await syncModels(db, registry);
  return {
    registry,
    maxSteps: Number(env.OCP_ASSISTANT_MAX_STEPS ?? DEFAULT_MAX_STEPS),
    allowPrivateWebhooks: env.OCP_WEBHOOK_ALLOW_PRIVATE === 'true',
    running: new Map(),
    saving: new Map(),
  };
}
