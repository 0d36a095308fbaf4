import type { ToolOutputs } from '../tools/contracts.js';
import { type ColumnInfo, type DatasetInfo, matchColumn } from './match-columns.js';
import type { ValuePhrase, Word } from './understand-chart.js';
import { terms } from './words.js';

// Words that may be values ("in North", "mobile sessions") → filters, by finding them among the
// sample values describe_dataset returned. The model never knows a value it has not seen, so a
// word that matches no sample is left out (and said so), rather than guessed into a filter.

export type DatasetDescription = ToolOutputs['describe_dataset'];

/** A filter on one column, before it is written as a spec filter or as SQL. */
export interface ValueFilter {
  column: ColumnInfo;
  op: '=' | '!=' | 'in' | 'not_in' | '>=' | '<';
  values: (string | number | boolean)[];
}

const normalize = (text: string) => terms(text).join(' ');

/** The sample of `column` that these words say, if any. */
function sampleFor(valueWords: Word[], column: string, described: DatasetDescription): string | undefined {
  const samples = described.columns.find((c) => c.name === column)?.samples ?? [];
  const wanted = normalize(valueWords.map((w) => w.text).join(' '));
  return samples.find((s): s is string => typeof s === 'string' && normalize(s) === wanted);
}

/** Runs of consecutive words, longest first: "paid search traffic" tries itself, then "paid search" … */
export function* runs(phrase: Word[]): Generator<Word[]> {
  for (let length = phrase.length; length > 0; length--)
    for (let start = 0; start + length <= phrase.length; start++) yield phrase.slice(start, start + length);
}

/** The column and value one option names: a sample value, or a literal after an explicit column ("region West"). */
function findValue(option: Word[], dataset: DatasetInfo, described: DatasetDescription | undefined) {
  const textColumns = dataset.columns.filter((c) => c.kind === 'string');
  const named = matchColumn(option, textColumns);
  const rest = named ? option.filter((_, i) => !named.used.has(i)) : option;
  const columns = named && rest.length > 0 ? [named.column] : textColumns;
  const words = named && rest.length > 0 ? rest : option;
  if (described)
    for (const run of runs(words))
      for (const column of columns) {
        const sample = sampleFor(run, column.name, described);
        if (sample !== undefined) return { column, value: sample };
      }
  // "where region is West": the user named the column, so their word is the value even unseen.
  if (named && rest.length > 0) return { column: named.column, value: rest.map((w) => w.text).join(' ') };
  return undefined;
}

/**
 * Filters for the value phrases that name a value; the phrases that name none come back
 * unmatched. Options of one phrase on the same column become one `in` filter ("North or South").
 */
export function matchValues(
  phrases: ValuePhrase[],
  dataset: DatasetInfo,
  described: DatasetDescription | undefined,
): { filters: ValueFilter[]; unmatched: ValuePhrase[] } {
  const filters: ValueFilter[] = [];
  const unmatched: ValuePhrase[] = [];
  for (const phrase of phrases) {
    const found = phrase.options.map((option) => findValue(option, dataset, described));
    const byColumn = new Map<ColumnInfo, string[]>();
    for (const hit of found) if (hit) byColumn.set(hit.column, [...(byColumn.get(hit.column) ?? []), hit.value]);
    if (byColumn.size === 0) {
      unmatched.push(phrase);
      continue;
    }
    for (const [column, said] of byColumn) {
      const values = [...new Set(said)];
      const single = values.length === 1;
      const op = phrase.negate ? (single ? '!=' : 'not_in') : single ? '=' : 'in';
      filters.push({ column, op, values });
    }
  }
  return { filters, unmatched };
}
