import { ZodError } from 'zod';
import type { DataServices } from '../../data/services.js';
import type { Caller, Database } from '../../db/database.js';
import { DbError } from '../../db/errors.js';
import type { Tx } from '../../db/types.js';
import { ApiError } from '../../server/errors/api-error.js';
import { apiErrorFromDb } from '../../server/errors/from-db.js';

export type UserCaller = Extract<Caller, { kind: 'user' }>;

/** Where the assistant's work came from; recorded on every dashboard version it saves. */
export interface Provenance {
  source: 'assistant';
  session_id: string;
  message_id: string;
  /** The user's words (capped). */
  prompt: string;
  agent: { id: string; name: string } | null;
  model: { id: string | null; provider: string; model_id: string };
}

/** Where each output of a turn went (chat_messages.output_routing). */
export interface OutputRoute {
  tool: string;
  target: 'chat' | 'dashboard' | 'workspace';
  dashboard_id?: string;
  tab_id?: string;
  chart_id?: string;
  item_id?: string;
  version_number?: number;
}

/**
 * What every tool gets: the user's unit-of-work runner and nothing more. Tools never see a
 * token or a key; the caller is fixed here, by the server, so nothing a model reads (a dataset
 * cell, a tool result) can change whom they act for.
 */
export interface ToolContext {
  db: Database;
  data: DataServices;
  caller: UserCaller;
  /** Send the model schemas and aggregates only, never rows. */
  privacy: boolean;
  provenance: Provenance;
  routes: OutputRoute[];
}

/** Runs work as the user, with the provenance set for any dashboard version it saves. */
export function asUserWithProvenance<T>(
  ctx: ToolContext,
  tool: string,
  extra: Record<string, unknown>,
  work: (tx: Tx) => Promise<T>,
) {
  return ctx.db.asCaller(ctx.caller, async (tx) => {
    await tx.query("select set_config('ocp.provenance', $1, true)", [
      JSON.stringify({ ...ctx.provenance, tool, ...extra }),
    ]);
    return work(tx);
  });
}

/** The most a tool answer may weigh when it reaches a model (characters of JSON). */
export const MAX_TOOL_OUTPUT_CHARS = 16_000;

/** A tool's answer, shrunk to the cap: rows are dropped from the end, then strings cut. */
export function capOutput<T>(output: T): T {
  let json = JSON.stringify(output);
  if (json.length <= MAX_TOOL_OUTPUT_CHARS) return output;
  const copy = JSON.parse(json) as Record<string, unknown>;
  const rows = copy.rows;
  if (Array.isArray(rows)) {
    while (rows.length > 1 && JSON.stringify(copy).length > MAX_TOOL_OUTPUT_CHARS) rows.pop();
    copy.truncated = true;
    json = JSON.stringify(copy);
    if (json.length <= MAX_TOOL_OUTPUT_CHARS) return copy as T;
  }
  return { truncated: true, preview: json.slice(0, MAX_TOOL_OUTPUT_CHARS - 200) } as unknown as T;
}

/** A tool's failure, as text the model can read and act on (never a stack or an internal detail). */
export function toolError(error: unknown): { error: string } {
  if (error instanceof DbError) return toolError(apiErrorFromDb(error));
  if (error instanceof ZodError)
    return { error: `Not valid: ${error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`).join('; ')}` };
  if (error instanceof ApiError) {
    const fields = error.fieldErrors?.map((f) => `${f.path}: ${f.message}`).join('; ');
    return { error: fields ? `${error.message} (${fields})` : error.message };
  }
  return { error: 'The tool failed unexpectedly.' };
}
