import type { z } from 'zod';
import type { Tx } from '../../db/types.js';
import type { LlmModel } from './schema.js';

// The model list is the server's (written as service_role); every signed-in user reads all of it.

const MODEL_JSON = `json_build_object(
  'id', m.id, 'provider', m.provider, 'model_id', m.model_id, 'display_name', m.display_name,
  'description', m.description, 'is_active', m.is_active, 'capabilities', m.capabilities,
  'created_at', m.created_at)`;

export type LlmModelJson = z.infer<typeof LlmModel>;

/** Every model, grouped by provider and by name within it (id last, so the order is stable). */
export async function listModels(tx: Tx): Promise<LlmModelJson[]> {
  const { rows } = await tx.query<{ model: LlmModelJson }>(
    `select ${MODEL_JSON} as model from public.llm_models m order by m.provider, m.display_name, m.id`,
  );
  return rows.map((r) => r.model);
}
