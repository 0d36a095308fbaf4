import type { ChartType } from '../../shared/chart-spec.js';
import {
  type ColumnInfo,
  type ColumnMatch,
  type DatasetInfo,
  datasetMention,
  isNumeric,
  isTime,
  matchColumn,
  timeColumn,
} from './match-columns.js';
import { type DatasetDescription, matchValues, type ValueFilter } from './match-values.js';
import { defaultGrain } from './time-grain.js';
import type {
  Aggregate,
  ChartAsk,
  DimensionPhrase,
  MeasurePhrase,
  PeriodUnit,
  TimeGrain,
  ValuePhrase,
  Word,
} from './understand-chart.js';

// A chart request (phrases) + the datasets → one dataset and its columns: what to measure, what
// to group by, which filters, which chart type. Every dataset is tried; the one whose columns
// the words name best wins. build-spec.ts turns the result into a chart spec.

export interface ResolvedDimension {
  column: ColumnInfo;
  grain?: TimeGrain;
}

/** A measure; no column: count the rows. */
export interface ResolvedMeasure {
  column?: ColumnInfo;
  aggregate: Aggregate;
}

/** A chart request tied to one dataset's columns. */
export interface ResolvedChart {
  dataset: DatasetInfo;
  type: ChartType;
  dimensions: ResolvedDimension[];
  measures: ResolvedMeasure[];
  /** Scatter or histogram of the rows themselves: the measures' columns are read unaggregated. */
  raw: boolean;
  filters: ValueFilter[];
  /** Order by the first measure. */
  sort?: 'asc' | 'desc';
  limit?: number;
  top?: { n: number; direction: 'asc' | 'desc' };
  /** Only the newest rows: within n units of the latest value of `column`. */
  period?: { n: number; unit: PeriodUnit; column: ColumnInfo };
  stacked?: boolean;
  horizontal?: boolean;
  /** Words that may be values but match no value known so far (see value-lookup.ts). */
  unmatchedValues: ValuePhrase[];
  /** What the user should know about how the words were read. */
  notes: string[];
}

export type Resolution = { chart: ResolvedChart } | { problem: string };

/** The values the conversation knows for a dataset (sample and looked-up values), if any. */
export type KnownValues = (datasetId: string) => DatasetDescription | undefined;

/** Words meaning "rows" when counting. */
const ROW_WORDS = new Set(['row', 'record', 'entry', 'event', 'line', 'item', 'observation']);
/** Column-name words of quantities that are averaged, not added up. */
const INTENSIVE = new Set([
  'pct',
  'percent',
  'percentage',
  'rate',
  'ratio',
  'ms',
  'latency',
  'avg',
  'mean',
  'score',
  'temperature',
  'price',
  'duration',
  'p50',
  'p90',
  'p95',
  'p99',
]);

const AGGREGATE_WORDS: Record<Aggregate, string> = {
  count: 'count',
  count_distinct: 'distinct count',
  sum: 'total',
  avg: 'average',
  min: 'minimum',
  max: 'maximum',
  median: 'median',
};

const INTEGER_TYPE = /^(?:TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)$/i;
const quoted = (ws: Word[]) => `“${ws.map((w) => w.text).join(' ')}”`;

interface Attempt {
  dataset: DatasetInfo;
  score: number;
  problem?: string;
  dimensions: ResolvedDimension[];
  measures: ResolvedMeasure[];
  /** Words next to a measure or a dimension that named neither: maybe values ("mobile sessions"). */
  leftovers: ValuePhrase[];
  notes: string[];
}

/** The dataset and columns a chart request names best, or what stopped it. */
export function resolveChart(ask: ChartAsk, datasets: DatasetInfo[], values: KnownValues): Resolution {
  if (datasets.length === 0) return { problem: 'There are no datasets yet: upload a CSV file first.' };
  const attempts = datasets.map((dataset) => attempt(ask, dataset));
  const ok = attempts.filter((a) => !a.problem);
  const best = ok.reduce<Attempt | undefined>((b, a) => (!b || a.score > b.score ? a : b), undefined);
  if (!best) {
    const closest = attempts.reduce((b, a) => (a.score > b.score ? a : b));
    return { problem: closest.problem ?? 'I could not tell which columns you mean.' };
  }
  return { chart: finish(ask, best, values) };
}

function attempt(ask: ChartAsk, dataset: DatasetInfo): Attempt {
  const a: Attempt = { dataset, score: 0, dimensions: [], measures: [], leftovers: [], notes: [] };
  const mentioned = [...ask.measures.map((m) => m.words), ...ask.dimensions.map((d) => d.words)].some(
    (ws) => datasetMention(ws, dataset).size > 0,
  );
  if (mentioned) a.score += 2;
  for (const phrase of ask.dimensions) {
    if (a.problem) break;
    resolveDimension(phrase, ask, a);
  }
  for (const phrase of ask.measures) {
    if (a.problem) break;
    resolveMeasure(phrase, a);
  }
  if (!a.problem && a.measures.length === 0) a.measures.push({ aggregate: 'count' });
  return a;
}

function resolveDimension(phrase: DimensionPhrase, ask: ChartAsk, a: Attempt): void {
  const { dataset } = a;
  if (phrase.grain || phrase.time) {
    const column = timeColumn(dataset, phrase.words);
    if (!column) {
      a.problem = `${dataset.name} has no date or time column to chart over time.`;
      return;
    }
    a.score += 2;
    a.dimensions.push({ column, grain: phrase.grain ?? defaultGrain(column, ask.period) });
    return;
  }
  const match =
    matchColumn(
      phrase.words,
      dataset.columns.filter((c) => !isNumeric(c)),
    ) ?? matchColumn(phrase.words, dataset.columns.filter(isNumeric));
  if (!match) {
    a.problem = `I found no column for ${quoted(phrase.words)} in ${dataset.name}.`;
    return;
  }
  a.score += match.score;
  noteAlternatives(phrase.words, match, a);
  keepLeftovers(phrase.words, match, a);
  const grain = isTime(match.column) ? defaultGrain(match.column, ask.period) : undefined;
  a.dimensions.push(grain ? { column: match.column, grain } : { column: match.column });
}

function resolveMeasure(phrase: MeasurePhrase, a: Attempt): void {
  const { dataset } = a;
  const said = phrase.aggregate;
  const mention = datasetMention(phrase.words, dataset);
  const rest = phrase.words.filter((w, i) => !mention.has(i) && !ROW_WORDS.has(w.term));
  const match =
    matchColumn(phrase.words, dataset.columns.filter(isNumeric)) ??
    matchColumn(
      phrase.words,
      dataset.columns.filter((c) => !isNumeric(c)),
    );
  // "count", "number of rows", "how many sales": the rows themselves. A column the words name
  // wins over the dataset's name, though ("top regions by sales" sums revenue).
  const onlyRows = rest.length === 0 && (said === 'count' || (said === undefined && !match));
  if (onlyRows || phrase.words.length === 0) {
    if (said && said !== 'count') {
      a.problem = `Which column should I take the ${AGGREGATE_WORDS[said]} of?`;
      return;
    }
    a.measures.push({ aggregate: 'count' });
    a.score += mention.size > 0 ? 1 : 0;
    return;
  }
  if (!match) {
    a.problem = `I found no column for ${quoted(phrase.words)} in ${dataset.name}.`;
    return;
  }
  a.score += match.score;
  noteAlternatives(phrase.words, match, a);
  keepLeftovers(phrase.words, match, a, mention);
  const { column } = match;
  if (!isNumeric(column)) {
    if (said && !['count', 'count_distinct', 'min', 'max'].includes(said)) {
      a.problem = `${column.name} is not a number, so I cannot take its ${AGGREGATE_WORDS[said]}.`;
      return;
    }
    a.measures.push({ column, aggregate: said === 'min' || said === 'max' ? said : 'count_distinct' });
    return;
  }
  a.measures.push({ column, aggregate: numericAggregate(column, said) });
}

/**
 * Sum by default, but an average for rates, percentages and latencies (a sum of percentages means
 * nothing); "number of orders" over an integer column that already counts orders is its sum.
 */
function numericAggregate(column: ColumnInfo, said: Aggregate | undefined): Aggregate {
  if (said === 'count') return INTEGER_TYPE.test(column.type) ? 'sum' : 'count';
  if (said) return said;
  const nameWords = column.name.toLowerCase().split(/[^a-z0-9]+/);
  return nameWords.some((w) => INTENSIVE.has(w)) ? 'avg' : 'sum';
}

function noteAlternatives(phrase: Word[], match: ColumnMatch, a: Attempt): void {
  if (match.alsoFits.length === 0) return;
  const others = match.alsoFits.map((c) => c.name).join(', ');
  a.notes.push(`For ${quoted(phrase)} I used ${match.column.name} (${others} would fit too).`);
}

function keepLeftovers(phrase: Word[], match: ColumnMatch, a: Attempt, also: Set<number> = new Set()): void {
  const left = phrase.filter((_, i) => !match.used.has(i) && !also.has(i));
  if (left.length) a.leftovers.push({ options: [left], negate: false, explicit: false });
}

/** Picks the chart type, the order and the filters of the winning attempt. */
function finish(ask: ChartAsk, a: Attempt, values: KnownValues): ResolvedChart {
  const chart: ResolvedChart = {
    dataset: a.dataset,
    type: 'bar',
    // Time first: it is the x axis, and the category becomes the series ("by region and month").
    dimensions: [...a.dimensions.filter((d) => d.grain), ...a.dimensions.filter((d) => !d.grain)].slice(0, 3),
    measures: a.measures.slice(0, 10),
    raw: false,
    filters: [],
    unmatchedValues: [],
    notes: [...a.notes],
  };
  if (ask.stacked) chart.stacked = true;
  if (ask.horizontal) chart.horizontal = true;
  chooseType(ask, chart);
  orderAndLimit(ask, chart);
  timeFilters(ask, chart);
  valueFilters(ask, a, chart, values);
  return chart;
}

function chooseType(ask: ChartAsk, chart: ResolvedChart): void {
  const time = chart.dimensions.some((d) => d.grain);
  const numericMeasures = chart.measures.filter((m) => m.column && isNumeric(m.column));
  if (ask.type === 'histogram') {
    const values = numericMeasures[0]?.column ?? chart.dimensions.find((d) => isNumeric(d.column))?.column;
    if (values) {
      Object.assign(chart, {
        type: 'histogram',
        raw: true,
        dimensions: [],
        measures: [{ column: values, aggregate: 'sum' }],
      });
      return;
    }
    chart.notes.push('A histogram needs a number column; I drew a bar chart instead.');
  }
  const wantsScatter = ask.type === 'scatter' || (ask.type === undefined && ask.versus);
  if (wantsScatter && numericMeasures.length >= 2) {
    chart.type = 'scatter';
    // Without a group-by, a scatter shows the rows themselves (each row a point).
    chart.raw = chart.dimensions.length === 0;
    if (chart.raw) chart.measures = numericMeasures.slice(0, 2);
    return;
  }
  if (ask.type === 'scatter') chart.notes.push('A scatter plot needs two number columns; I drew another chart.');
  let type: ChartType =
    ask.type ?? (time ? 'line' : chart.dimensions.length ? 'bar' : chart.measures.length > 1 ? 'table' : 'kpi');
  if (type === 'combo' && chart.measures.length < 2) {
    chart.notes.push('A combo chart needs two measures; I drew a single one.');
    type = time ? 'line' : 'bar';
  }
  if (type === 'scatter' || type === 'histogram') type = time ? 'line' : 'bar';
  chart.type = type;
}

function orderAndLimit(ask: ChartAsk, chart: ResolvedChart): void {
  if (chart.raw) {
    chart.limit = chart.type === 'histogram' ? 10_000 : 5_000;
    return;
  }
  const time = chart.dimensions.some((d) => d.grain);
  if (ask.top) {
    chart.top = ask.top;
    chart.sort = ask.top.direction;
    chart.limit = ask.top.n;
    return;
  }
  // A breakdown reads best largest first; a time axis keeps its order.
  const categories = chart.dimensions.length === 1 && !time;
  if (categories && ['bar', 'pie', 'donut'].includes(chart.type)) chart.sort = 'desc';
}

function timeFilters(ask: ChartAsk, chart: ResolvedChart): void {
  if (!ask.period && ask.year === undefined) return;
  const column = chart.dimensions.find((d) => d.grain)?.column ?? timeColumn(chart.dataset);
  if (!column) {
    chart.notes.push(`${chart.dataset.name} has no date column, so I could not limit it to a period.`);
    return;
  }
  if (ask.period) chart.period = { ...ask.period, column };
  if (ask.year !== undefined)
    chart.filters.push(
      { column, op: '>=', values: [`${ask.year}-01-01`] },
      { column, op: '<', values: [`${ask.year + 1}-01-01`] },
    );
}

function valueFilters(ask: ChartAsk, a: Attempt, chart: ResolvedChart, values: KnownValues): void {
  // Words that name the dataset ("in sales") are not values.
  const explicit = ask.values
    .map((v) => ({ ...v, options: v.options.filter((o) => datasetMention(o, chart.dataset).size < o.length) }))
    .filter((v) => v.options.length > 0);
  const phrases = [...explicit, ...a.leftovers];
  if (phrases.length === 0) return;
  const { filters, unmatched } = matchValues(phrases, chart.dataset, values(chart.dataset.id));
  chart.filters.push(...filters);
  chart.unmatchedValues = unmatched;
}

/** What to tell the user about words that matched no value, once nothing more can be looked up. */
export function unmatchedValueNotes(chart: ResolvedChart): string[] {
  return chart.unmatchedValues.map((phrase) => {
    const said = phrase.options.map(quoted).join(' or ');
    return phrase.explicit
      ? `I found no value ${said} in ${chart.dataset.name}, so the chart is not filtered by it.`
      : `I did not use the word${phrase.options.flat().length > 1 ? 's' : ''} ${said}.`;
  });
}
