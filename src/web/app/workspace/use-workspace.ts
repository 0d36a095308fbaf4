import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';

export type WorkspaceItem = components['schemas']['WorkspaceItem'];
export type WorkspaceItemType = WorkspaceItem['item_type'];

export interface WorkspaceFilter {
  itemType: WorkspaceItemType | undefined;
  tags: string[];
  q: string;
}

export const workspaceKeys = {
  all: ['workspace'] as const,
  list: (filter: WorkspaceFilter) => ['workspace', 'list', filter] as const,
  tags: ['workspace', 'tags'] as const,
};

const PAGE_SIZE = 24;

/** My workspace items matching the filter, newest first, a page at a time. */
export function useWorkspaceItems(filter: WorkspaceFilter) {
  return useInfiniteQuery({
    queryKey: workspaceKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/workspace/items', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filter.itemType ? { item_type: filter.itemType } : {}),
              ...(filter.tags.length ? { tags: filter.tags.join(',') } : {}),
              ...(filter.q ? { q: filter.q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** The tags in use on my latest items (the API has no tag list of its own), most used first. */
export function useWorkspaceTags() {
  return useQuery({
    queryKey: workspaceKeys.tags,
    queryFn: async ({ signal }) => {
      const page = unwrap(await api.GET('/api/workspace/items', { params: { query: { limit: 100 } }, signal }));
      const counts = new Map<string, number>();
      for (const item of page.items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
    },
  });
}

/** A new item, or changes to one: title, tags and, when given, its content. */
export type WorkspaceItemSave =
  | { kind: 'create'; itemType: WorkspaceItemType; title: string; tags: string[]; content: Record<string, unknown> }
  | { kind: 'update'; id: string; title: string; tags: string[]; content?: Record<string, unknown> };

export function useSaveWorkspaceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: WorkspaceItemSave) =>
      input.kind === 'create'
        ? unwrap(
            await api.POST('/api/workspace/items', {
              body: { item_type: input.itemType, title: input.title, tags: input.tags, content: input.content },
            }),
          )
        : unwrap(
            await api.PATCH('/api/workspace/items/{id}', {
              params: { path: { id: input.id } },
              body: { title: input.title, tags: input.tags, ...(input.content ? { content: input.content } : {}) },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all }),
  });
}

export function useDeleteWorkspaceItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      expectOk(await api.DELETE('/api/workspace/items/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all }),
  });
}
