import type { ChartStatus, TabStatus } from './compare-versions';

/** Which side of the comparison: the older ("from") version or the newer ("to"). */
export type Side = 'before' | 'after';

export interface Mark {
  label: string;
  color: string;
}

const MARKS: Record<Exclude<ChartStatus | TabStatus, 'unchanged'>, Mark> = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'orange' },
  renamed: { label: 'Renamed', color: 'orange' },
  moved: { label: 'Moved', color: 'blue' },
};

/** The mark a chart or tab gets on one side: "Added" only where it exists, and so on. */
export function markFor(status: ChartStatus | TabStatus | undefined, side: Side): Mark | null {
  if (!status || status === 'unchanged') return null;
  if (status === 'added' && side === 'before') return null;
  if (status === 'removed' && side === 'after') return null;
  return MARKS[status];
}

/** The coloured border of a marked chart: the colour is never the only sign (the badge says it). */
export function markBorder(mark: Mark | null): string | undefined {
  return mark ? `2px solid var(--mantine-color-${mark.color}-6)` : undefined;
}
