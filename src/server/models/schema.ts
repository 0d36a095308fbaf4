import { z } from 'zod';

export const LlmModel = z
  .object({
    id: z.guid(),
    provider: z.string().describe('Who serves the model, e.g. anthropic, openai, ollama'),
    model_id: z.string().describe('The provider’s name for the model'),
    display_name: z.string(),
    description: z.string().nullable(),
    is_active: z.boolean().describe('Offered for new conversations'),
    capabilities: z.record(z.string(), z.unknown()),
    created_at: z.string().describe('ISO 8601 timestamp'),
  })
  .meta({ id: 'LlmModel' });

export const LlmModelList = z.object({ items: z.array(LlmModel) }).meta({ id: 'LlmModelList' });
