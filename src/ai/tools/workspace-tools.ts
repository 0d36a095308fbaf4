import { tool } from 'ai';
import { searchMessages } from '../../server/chat/service.js';
import { createWorkspaceItem } from '../../server/workspace/service.js';
import { ChartSpec } from '../../shared/chart-spec.js';
import { capOutput, type ToolContext, toolError } from './context.js';
import { TOOL_SCHEMAS, type ToolOutputs, toolDescription } from './contracts.js';

export function workspaceTools(ctx: ToolContext) {
  return {
    save_to_workspace: tool({
      description: toolDescription('save_to_workspace'),
      inputSchema: TOOL_SCHEMAS.save_to_workspace,
      execute: async ({ title, spec, note, tags }): Promise<ToolOutputs['save_to_workspace'] | { error: string }> => {
        try {
          if (!spec && !note) return { error: 'Give a spec (a chart) or a note to save.' };
          const item = await ctx.db.asCaller(ctx.caller, (tx) =>
            createWorkspaceItem(tx, ctx.caller.userId, {
              item_type: spec ? 'chart' : 'note',
              title,
              content: spec ? { spec: ChartSpec.parse(spec), ...(note ? { text: note } : {}) } : { text: note },
              tags: tags ?? [],
              created_from_message_id: ctx.provenance.message_id,
            }),
          );
          ctx.routes.push({ tool: 'save_to_workspace', target: 'workspace', item_id: item.id });
          return { item_id: item.id };
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    search_chats: tool({
      description: toolDescription('search_chats'),
      inputSchema: TOOL_SCHEMAS.search_chats,
      execute: async ({ query }): Promise<ToolOutputs['search_chats'] | { error: string }> => {
        try {
          const found = await ctx.db.asCaller(ctx.caller, (tx) => searchMessages(tx, query, 10));
          return capOutput({
            hits: found.items.map((h) => ({
              message_id: h.message_id,
              session_id: h.session_id,
              session_title: h.session_title,
              // The model reads text; the <mark> tags are for browsers.
              snippet: h.snippet_html
                .replace(/<\/?mark>/g, '')
                .replace(/&lt;/g, '<')
                .replace(/&gt;/g, '>')
                .replace(/&quot;/g, '"')
                .replace(/&#39;/g, "'")
                .replace(/&amp;/g, '&'),
            })),
          });
        } catch (error) {
          return toolError(error);
        }
      },
    }),
  };
}
