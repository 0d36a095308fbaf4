/** The ids with the one at `from` moved to index `to` (the others keep their order). */
export function moveId(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/**
 * The order after dropping tab `dragged` on the `side` of tab `target` (as the bar shows it while
 * dragging); null when nothing would change.
 */
export function dropOrder(
  ids: readonly string[],
  dragged: string,
  target: string,
  side: 'before' | 'after',
): string[] | null {
  const from = ids.indexOf(dragged);
  if (from < 0 || !ids.includes(target) || dragged === target) return null;
  const without = ids.filter((id) => id !== dragged);
  const at = without.indexOf(target) + (side === 'after' ? 1 : 0);
  const next = [...without.slice(0, at), dragged, ...without.slice(at)];
  return next.every((id, i) => id === ids[i]) ? null : next;
}
