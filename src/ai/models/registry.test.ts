import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createModelRegistry, modelsFromEnv, syncModels } from './registry.js';

const db = useTestDatabase();
const offline = () => {
  throw new Error('not called');
};

describe('the model list', () => {
  it('offers the offline model, honestly labelled, when nothing is configured', () => {
    const registry = createModelRegistry(modelsFromEnv({}, offline));
    expect(registry.models.map((m) => `${m.provider}/${m.modelId}`)).toEqual(['ocp/rule-based']);
    expect(registry.defaultModel().capabilities).toMatchObject({ rule_based: true, usable: true });
    expect(registry.defaultModel().displayName).toMatch(/rule-based/);
  });

  it('lists configured providers first and prefers a real model by default', () => {
    const registry = createModelRegistry(
      modelsFromEnv(
        {
          ANTHROPIC_API_KEY: 'sk-ant-test',
          OPENAI_API_KEY: 'sk-openai-test',
          OPENAI_MODELS: 'gpt-4.1-mini',
          OPENAI_COMPATIBLE_BASE_URL: 'http://localhost:11434/v1',
          OPENAI_COMPATIBLE_NAME: 'Ollama',
          OPENAI_COMPATIBLE_MODELS: 'llama3.1,qwen2.5',
        },
        offline,
      ),
    );
    expect(registry.models.map((m) => `${m.provider}/${m.modelId}`)).toEqual([
      'anthropic/claude-sonnet-4-5',
      'anthropic/claude-haiku-4-5',
      'openai/gpt-4.1-mini',
      'ollama/llama3.1',
      'ollama/qwen2.5',
      'ocp/rule-based',
    ]);
    expect(registry.defaultModel().provider).toBe('anthropic');
    expect(createModelRegistry(registry.models, 'ollama/qwen2.5').defaultModel().modelId).toBe('qwen2.5');
  });

  it('keeps llm_models in step, marks models no longer configured unusable, and never stores a key', async () => {
    const secret = 'sk-ant-very-secret-key-123';
    await syncModels(
      db,
      createModelRegistry(modelsFromEnv({ ANTHROPIC_API_KEY: secret, ANTHROPIC_MODELS: 'claude-test-a' }, offline)),
    );
    await syncModels(db, createModelRegistry(modelsFromEnv({}, offline)));
    const rows = await db.asOwner(
      async (tx) => (await tx.query('select * from llm_models order by provider, model_id')).rows,
    );
    expect(JSON.stringify(rows)).not.toContain(secret);
    const claude = rows.find((r) => r.model_id === 'claude-test-a');
    expect(claude).toMatchObject({
      is_active: false,
      capabilities: expect.objectContaining({ usable: false, tool_calling: true }),
    });
    expect(rows.find((r) => r.model_id === 'rule-based')).toMatchObject({ is_active: true });
  });
});
