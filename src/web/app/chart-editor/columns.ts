import type { Column } from './spec-draft';

/** Options of a Select, in named groups. */
export interface OptionGroup {
  group: string;
  items: (string | { value: string; label: string })[];
}

const GROUPS: { label: string; kinds: string[] }[] = [
  { label: 'Dates and times', kinds: ['date', 'timestamp'] },
  { label: 'Text', kinds: ['string', 'boolean'] },
  { label: 'Numbers', kinds: ['number'] },
  { label: 'Other', kinds: ['other'] },
];

/**
 * Columns as the options of a Select, grouped by kind (dates, text, numbers). A value the list
 * lacks (a column the chart names that the data no longer has) stays visible, so it can be seen
 * and changed rather than silently blanked.
 */
export function columnOptions(columns: Column[], keep?: readonly (string | undefined)[]): OptionGroup[] {
  const groups: OptionGroup[] = GROUPS.map(({ label, kinds }) => ({
    group: label,
    items: columns.filter((c) => kinds.includes(c.kind)).map((c) => c.name),
  })).filter((g) => g.items.length > 0);
  const known = new Set(columns.map((c) => c.name));
  const missing = [...new Set((keep ?? []).filter((v): v is string => Boolean(v) && !known.has(v as string)))];
  if (missing.length) groups.push({ group: 'Not in the data', items: missing });
  // Names must be unique across groups for the combobox; a dataset's columns are.
  return groups;
}

export function kindOf(columns: Column[], name: string | undefined): Column['kind'] | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  return columns.find((c) => c.name.toLowerCase() === lower)?.kind;
}
