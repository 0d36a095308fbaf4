import { encodeCursor } from './cursor.js';

/**
 * One page of a keyset listing ordered newest first by (updated_at, id). The query asks for
 * limit + 1 rows: the extra one only says whether a next page exists.
 */
export function keysetPage<T extends { id: string; updated_at: string }>(
  rows: T[],
  limit: number,
): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null,
  };
}
