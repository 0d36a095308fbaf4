import type { ToolSet } from 'ai';
import type { ToolContext } from './context.js';
import type { ToolName } from './contracts.js';
import { dashboardTools } from './dashboard-tools.js';
import { dataTools } from './data-tools.js';
import { workspaceTools } from './workspace-tools.js';

/**
 * The assistant's tools for one turn, bound to the user (a factory: nothing is shared between
 * users or turns). An agent may allow only some of them.
 */
export function createTools(ctx: ToolContext, allowed?: readonly ToolName[]): ToolSet {
  const all: Record<ToolName, ToolSet[string]> = { ...dataTools(ctx), ...dashboardTools(ctx), ...workspaceTools(ctx) };
  if (!allowed) return all;
  return Object.fromEntries(Object.entries(all).filter(([name]) => allowed.includes(name as ToolName)));
}
