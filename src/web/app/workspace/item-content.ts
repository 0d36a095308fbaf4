import type { components } from '../../api/schema';

type WorkspaceItem = components['schemas']['WorkspaceItem'];

/** What an item holds, read defensively: its content is free-form JSON. */
export function itemContent(item: WorkspaceItem): { spec: unknown; text: string | null; other: string | null } {
  const { spec, text, ...rest } = item.content as { spec?: unknown; text?: unknown; [key: string]: unknown };
  return {
    spec: spec && typeof spec === 'object' ? spec : null,
    text: typeof text === 'string' && text.trim() ? text : null,
    // Whatever else an item holds (an analysis's findings, a file's details), shown as it is.
    other: Object.keys(rest).length > 0 ? JSON.stringify(rest, null, 2) : null,
  };
}
