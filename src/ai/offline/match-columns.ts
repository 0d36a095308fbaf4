import type { ToolOutputs } from '../tools/contracts.js';
import type { Word } from './understand-chart.js';
import { terms, wordMatch } from './words.js';

// Words of the request → a dataset's columns. A column matches when the request says one of the
// meaningful words of its name, or a synonym ("sales" → revenue, "p95 latency" →
// latency_p95_ms); the more of its words are said, the better.

/** A dataset as list_datasets describes it. */
export type DatasetInfo = ToolOutputs['list_datasets']['datasets'][number];
export type ColumnInfo = DatasetInfo['columns'][number];

/** A column picked for some words, how well it fits, and which of the words it used. */
export interface ColumnMatch {
  column: ColumnInfo;
  score: number;
  /** Indexes of the words that named it. */
  used: Set<number>;
  /** Other columns that fit exactly as well (the pick was the first of them). */
  alsoFits: ColumnInfo[];
}

/** Words of column names that only qualify (a unit, a kind): never enough alone to pick a column. */
const QUALIFIERS = new Set(['ms', 'sec', 'second', 'pct', 'percent', 'rate', 'ratio', 'num', 'count', 'total', 'id']);

/** Numbers are measured; everything else is grouped by or counted. */
export const isNumeric = (column: ColumnInfo) => column.kind === 'number';
export const isTime = (column: ColumnInfo) => column.kind === 'date' || column.kind === 'timestamp';

/** The column these words name best among `columns`, or undefined when none of its name is said. */
export function matchColumn(phrase: Word[], columns: ColumnInfo[]): ColumnMatch | undefined {
  let best: ColumnMatch | undefined;
  let bestMissing = 0;
  for (const column of columns) {
    const nameTerms = terms(column.name);
    const used = new Set<number>();
    let score = 0;
    let significant = false;
    let missing = 0;
    for (const nameTerm of nameTerms) {
      let fit = 0;
      for (const [i, w] of phrase.entries()) {
        const m = wordMatch(w.term, nameTerm);
        if (m > 0) used.add(i);
        fit = Math.max(fit, m);
      }
      if (fit === 0) missing++;
      else if (!QUALIFIERS.has(nameTerm)) significant = true;
      score += fit;
    }
    if (!significant) continue;
    // Every word of the name said ("bounce rate") beats a part of a longer name.
    if (missing === 0) score += 1;
    const candidate: ColumnMatch = { column, score, used, alsoFits: [] };
    if (!best || score > best.score || (score === best.score && missing < bestMissing)) {
      best = candidate;
      bestMissing = missing;
    } else if (score === best.score && missing === bestMissing) best.alsoFits.push(column);
  }
  return best;
}

/** Indexes of the words that name the dataset itself ("sales", "web traffic"). */
export function datasetMention(phrase: Word[], dataset: DatasetInfo): Set<number> {
  const names = new Set([...terms(dataset.name), ...terms(dataset.table_name)]);
  const used = new Set<number>();
  for (const [i, w] of phrase.entries()) if (names.has(w.term)) used.add(i);
  return used;
}

/** The dataset's date or time column these words name, else its first one. */
export function timeColumn(dataset: DatasetInfo, phrase: Word[] = []): ColumnInfo | undefined {
  const times = dataset.columns.filter(isTime);
  return matchColumn(phrase, times)?.column ?? times[0];
}
