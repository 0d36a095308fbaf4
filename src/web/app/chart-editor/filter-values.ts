import type { ColumnKind } from '../../../shared/chart-spec';
import type { DraftFilter } from './spec-draft';

type Op = DraftFilter['op'];
type Scalar = string | number | boolean;

export const OPERATOR_LABELS: Record<Op, string> = {
  '=': 'is',
  '!=': 'is not',
  '>': 'greater than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
  in: 'is one of',
  not_in: 'is none of',
  between: 'between',
  contains: 'contains',
  is_null: 'is empty',
  not_null: 'is not empty',
};

/** How many values an operator takes: one, a list, a pair (from, to), or none. */
export function operatorArity(op: Op): 'one' | 'list' | 'pair' | 'none' {
  if (op === 'in' || op === 'not_in') return 'list';
  if (op === 'between') return 'pair';
  if (op === 'is_null' || op === 'not_null') return 'none';
  return 'one';
}

/** The operators that make sense for a kind of column (order comparisons not for text). */
export function operatorsFor(kind: ColumnKind | undefined): Op[] {
  if (kind === 'boolean') return ['=', '!=', 'is_null', 'not_null'];
  if (kind === 'string') return ['=', '!=', 'in', 'not_in', 'contains', 'is_null', 'not_null'];
  return ['=', '!=', '>', '>=', '<', '<=', 'in', 'not_in', 'between', 'contains', 'is_null', 'not_null'];
}

/**
 * A value typed in a text box, as the column's kind wants it in the spec: a number for number
 * columns (text that is not one stays text, and the server says why), true/false for booleans,
 * else the text (dates as ISO text, e.g. 2026-01-31).
 */
export function typedValue(text: string, kind: ColumnKind | undefined): Scalar {
  if (kind === 'number') {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The filter with another operator, its values carried over where they fit (one value becomes
 * the first of a list or a pair, and back); operators without values drop them.
 */
export function withOperator(filter: DraftFilter, op: Op): DraftFilter {
  const first = filter.value ?? filter.values?.[0];
  const base: DraftFilter = { field: filter.field, op };
  switch (operatorArity(op)) {
    case 'none':
      return base;
    case 'one':
      return op === 'contains' && first !== undefined
        ? { ...base, value: String(first) }
        : first !== undefined
          ? { ...base, value: first }
          : base;
    case 'list':
      return { ...base, values: filter.values?.length ? filter.values : first !== undefined ? [first] : [] };
    case 'pair':
      return { ...base, values: [filter.values?.[0] ?? first ?? '', filter.values?.[1] ?? ''].slice(0, 2) };
  }
}

/** A new filter on a column: "is not empty" needs no value, so the chart stays valid. */
export function newFilter(field: string): DraftFilter {
  return { field, op: 'not_null' };
}
