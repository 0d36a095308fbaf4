import type { AGGREGATIONS, ChartType, TIME_GRAINS } from '../../shared/chart-spec.js';
import { COUNT_PATTERN, FILLER, parseCount, singular, typedWords } from './words.js';

// The words of a chart request, sorted into phrases by the structure words around them:
// "<measures> by <dimensions> in <values>", "top N <dimension> by <measure>", "X vs Y", a chart
// type, a time grain, a relative period. Still no data: "regions" is only a phrase here.

export type Aggregate = (typeof AGGREGATIONS)[number];
export type TimeGrain = (typeof TIME_GRAINS)[number];
export type PeriodUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** One word of the request: as typed (for values and names) and as compared (lower case, singular). */
export interface Word {
  /** As typed. */
  text: string;
  /** Lower case. */
  raw: string;
  /** Lower case and singular: what column names are compared with. */
  term: string;
}

/** Words that should name something to measure ("average latency"). */
export interface MeasurePhrase {
  words: Word[];
  aggregate?: Aggregate;
}

/** Words that should name something to group by: a column, or a time grain ("by month"). */
export interface DimensionPhrase {
  words: Word[];
  grain?: TimeGrain;
  /** "over time", "trend", "by date": time, at a grain chosen from the data. */
  time?: boolean;
}

/** Words that may be a value to filter on ("in North", "excluding Mobile"). */
export interface ValuePhrase {
  /** Alternatives ("North or South"), each a run of words. */
  options: Word[][];
  negate: boolean;
  /** Said after a preposition (a clear filter), rather than left over next to a measure. */
  explicit: boolean;
}

/** The chart part of a request. */
export interface ChartAsk {
  measures: MeasurePhrase[];
  dimensions: DimensionPhrase[];
  values: ValuePhrase[];
  type?: ChartType;
  stacked?: boolean;
  horizontal?: boolean;
  /** "X vs Y": two measures against each other. */
  versus: boolean;
  top?: { n: number; direction: 'asc' | 'desc' };
  /** "last 7 days": relative to the newest row. */
  period?: { n: number; unit: PeriodUnit };
  /** "in 2025". */
  year?: number;
  /** Anything beyond bare nouns was said (a structure word, a type, a grain, an aggregate, a period). */
  structured: boolean;
}

const CHART_TYPES: { pattern: RegExp; type: ChartType; stacked?: boolean; horizontal?: boolean }[] = [
  { pattern: /\bstacked\s+areas?(?:\s+(?:charts?|graphs?))?\b/i, type: 'area', stacked: true },
  { pattern: /\bstacked(?:\s+(?:bars?|columns?))?(?:\s+(?:charts?|graphs?))?\b/i, type: 'stacked_bar' },
  { pattern: /\b(?:donut|doughnut|ring)s?(?:\s+(?:charts?|graphs?))?\b/i, type: 'donut' },
  { pattern: /\bpies?(?:\s+(?:charts?|graphs?))?\b/i, type: 'pie' },
  { pattern: /\bheat\s*-?\s*maps?(?:\s+charts?)?\b/i, type: 'heatmap' },
  { pattern: /\b(?:histograms?|distributions?)(?:\s+of)?\b/i, type: 'histogram' },
  { pattern: /\bscatter(?:\s*-?\s*plots?|\s+(?:charts?|graphs?))?\b|\bscatterplots?\b/i, type: 'scatter' },
  { pattern: /\bcombo(?:\s+(?:charts?|graphs?))?\b/i, type: 'combo' },
  { pattern: /\bareas?\s+(?:charts?|graphs?)\b|\bas\s+(?:an\s+)?area\b/i, type: 'area' },
  { pattern: /\blines?(?:\s+(?:charts?|graphs?))?\b|\btrend\s*lines?\b/i, type: 'line' },
  { pattern: /\bhorizontal\s+bars?(?:\s+(?:charts?|graphs?))?\b/i, type: 'bar', horizontal: true },
  { pattern: /\b(?:bars?|columns?)(?:\s+(?:charts?|graphs?))?\b/i, type: 'bar' },
  { pattern: /\btables?\b|\bas\s+a\s+list\b/i, type: 'table' },
  { pattern: /\bkpis?\b|\b(?:big|single|headline)\s+numbers?\b|\bscorecards?\b|\bas\s+a\s+number\b/i, type: 'kpi' },
];

const GRAINS: Record<string, TimeGrain> = {
  minute: 'minute',
  hour: 'hour',
  hourly: 'hour',
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
};
const GRAIN_ADVERBS = /\b(hourly|daily|weekly|monthly|quarterly|yearly|annually|annual)\b/i;
const TIME_WORDS = new Set(['date', 'time', 'timestamp', 'timeline', 'period']);

const AGGREGATE_WORDS: Record<string, Aggregate> = {
  average: 'avg',
  avg: 'avg',
  mean: 'avg',
  median: 'median',
  max: 'max',
  maximum: 'max',
  peak: 'max',
  highest: 'max',
  min: 'min',
  minimum: 'min',
  lowest: 'min',
  total: 'sum',
  sum: 'sum',
  count: 'count',
  distinct: 'count_distinct',
  unique: 'count_distinct',
};

const PERIOD = new RegExp(
  String.raw`\b(?:(?:in|over|during|for|from|within)\s+)?(?:the\s+)?(?:last|past|previous|recent)\s+(?:(${COUNT_PATTERN})\s+)?(hours?|days?|weeks?|months?|quarters?|years?)\b`,
  'i',
);
const YEAR = /\b(?:(?:in|for|during|of)\s+)?((?:19|20)\d{2})\b/i;
const TOP = new RegExp(String.raw`\b(top|bottom)(?:\s+(${COUNT_PATTERN}))?\b`, 'i');
const OVER_TIME = /\bover\s+time\b|\btrends?\b|\btimeline\b|\bevolution\b/i;

const WHICH_HIGHEST =
  /\b(?:which|what)\s+([a-z_]+(?:\s+[a-z_]+)?)\s+(has|have|had|gets?|got|brings?|made)\s+(?:the\s+)?(highest|most|largest|biggest|greatest|lowest|least|fewest|smallest)\s+([^?.!]+)/i;
const LOWEST = /^(?:lowest|least|fewest|smallest)$/i;

/** Structure words that start a group-by phrase. */
const GROUP_WORDS = new Set(['by', 'per', 'across', 'each']);
/** Words that introduce a value to filter on; the last ones exclude it. */
const FILTER_WORDS = new Set(['in', 'for', 'from', 'on', 'only', 'where', 'excluding', 'except', 'without', 'not']);
const NEGATING = new Set(['excluding', 'except', 'without', 'not']);
const MEASURE_SEPARATORS = new Set(['and', 'vs', 'versus', 'against']);
const VERSUS = new Set(['vs', 'versus', 'against']);

const toWords = (text: string): Word[] =>
  typedWords(text).map((typed) => {
    const raw = typed.toLowerCase();
    return { text: typed, raw, term: singular(raw) };
  });
const meaningful = (w: Word) => !FILLER.has(w.raw) && !FILLER.has(w.term);

/** Reads the chart part of a request; undefined when nothing in it could be about a chart. */
export function understandChart(text: string): ChartAsk | undefined {
  let rest = ` ${text} `
    // "which region has the highest revenue" is a ranking: revenue by region, largest first.
    .replace(WHICH_HIGHEST, (_, group: string, _verb: string, highest: string, measure: string) =>
      LOWEST.test(highest) ? ` bottom ${group} by ${measure} ` : ` ${measure} by ${group} `,
    )
    .replace(/\b(?:with|having)\s+(?:the\s+)?(?:highest|most|largest|biggest|greatest)\b/gi, ' by ')
    .replace(/\bcompared\s+(?:to|with)\b/gi, ' vs ')
    .replace(/\b(?:the\s+)?(?:total\s+)?number\s+of\b|\bhow\s+many\b|\bcount\s+of\b/gi, ' count ')
    .replace(/\b(?:broken\s+down|split|grouped|group|segmented)\s+by\b|\bfor\s+(?:each|every)\b/gi, ' by ')
    .replace(/[,&+]/g, ' and ');
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match;
  };

  const ask: ChartAsk = { measures: [], dimensions: [], values: [], versus: false, structured: false };
  const period = take(PERIOD);
  if (period) {
    const unit = singular((period[2] as string).toLowerCase()) as PeriodUnit;
    ask.period = { n: parseCount(period[1]) ?? 1, unit };
  }
  const year = take(YEAR);
  if (year) ask.year = Number(year[1]);
  const top = take(TOP);
  if (top) ask.top = { n: parseCount(top[2]) ?? 10, direction: top[1]?.toLowerCase() === 'bottom' ? 'asc' : 'desc' };
  for (const candidate of CHART_TYPES) {
    if (!take(candidate.pattern)) continue;
    ask.type = candidate.type;
    if (candidate.stacked) ask.stacked = true;
    if (candidate.horizontal) ask.horizontal = true;
    break;
  }
  const overTime = take(OVER_TIME) !== null;
  const adverb = take(GRAIN_ADVERBS);

  readPhrases(toWords(rest), ask);
  if (adverb) ask.dimensions.unshift({ words: [], grain: GRAINS[adverb[1]?.toLowerCase() ?? ''] as TimeGrain });
  if (!ask.dimensions.some((d) => d.grain || d.time) && (overTime || wantsTimeAxis(ask)))
    ask.dimensions.unshift({ words: [], time: true });

  ask.structured =
    ask.type !== undefined ||
    ask.top !== undefined ||
    ask.period !== undefined ||
    ask.year !== undefined ||
    ask.versus ||
    ask.dimensions.length > 0 ||
    ask.measures.some((m) => m.aggregate !== undefined);
  const empty = ask.measures.length === 0 && ask.dimensions.length === 0 && ask.values.length === 0;
  return empty && !ask.structured ? undefined : ask;
}

/**
 * A line or an area without a group-by, or a period without one ("sessions last 30 days"), is a
 * trend; "total revenue last 30 days", "how many orders last week" and the one-number or
 * one-distribution types are not.
 */
function wantsTimeAxis(ask: ChartAsk): boolean {
  if (ask.dimensions.length > 0) return false;
  if (ask.type === 'line' || ask.type === 'area') return true;
  const single = ['kpi', 'pie', 'donut', 'histogram', 'scatter', 'table'];
  const total = ask.measures.some((m) => m.aggregate === 'sum' || m.aggregate === 'count');
  return ask.period !== undefined && !total && (ask.type === undefined || !single.includes(ask.type));
}

/** Splits the words into measure, dimension and value phrases at the structure words. */
function readPhrases(all: Word[], ask: ChartAsk): void {
  // Segments start at a group-by word: the first holds the measures (for "top N", the dimension).
  const segments: Word[][] = [[]];
  for (const w of all) {
    if (GROUP_WORDS.has(w.raw)) segments.push([]);
    else segments.at(-1)?.push(w);
  }
  const [first = [], ...rest] = segments.map((segment) => splitValues(segment, ask));
  const measureParts = ask.top ? rest : [first];
  const dimensionParts = ask.top ? [first] : rest;
  for (const part of measureParts) readMeasures(part, ask);
  for (const part of dimensionParts) readDimensions(part, ask);
}

/** Takes "in North", "excluding Mobile", "where region is West" off the end of a segment. */
function splitValues(segment: Word[], ask: ChartAsk): Word[] {
  const at = segment.findIndex((w) => FILTER_WORDS.has(w.raw));
  if (at < 0) return segment;
  let negate = false;
  let current: Word[] = [];
  let options: Word[][] = [];
  const flush = () => {
    if (current.length) options.push(current);
    current = [];
  };
  const push = () => {
    flush();
    if (options.length) ask.values.push({ options, negate, explicit: true });
    options = [];
  };
  for (const w of segment.slice(at)) {
    if (FILTER_WORDS.has(w.raw)) {
      push();
      negate = NEGATING.has(w.raw);
    } else if (w.raw === 'or' || w.raw === 'and') flush();
    else if (meaningful(w)) current.push(w);
  }
  push();
  return segment.slice(0, at);
}

function readMeasures(part: Word[], ask: ChartAsk): void {
  // One aggregate word serves the measures after it too: "average cpu and memory".
  let aggregate: Aggregate | undefined;
  let saidHere = false;
  let current: Word[] = [];
  const flush = () => {
    if (current.length || saidHere) ask.measures.push(aggregate ? { words: current, aggregate } : { words: current });
    current = [];
    saidHere = false;
  };
  for (const w of part) {
    const said = AGGREGATE_WORDS[w.raw];
    if (MEASURE_SEPARATORS.has(w.raw)) {
      if (VERSUS.has(w.raw)) ask.versus = true;
      flush();
    } else if (said) {
      aggregate = said;
      saidHere = true;
    } else if (meaningful(w)) current.push(w);
  }
  flush();
}

function readDimensions(part: Word[], ask: ChartAsk): void {
  let current: Word[] = [];
  const flush = () => {
    const grain = current.length === 1 ? GRAINS[current[0]?.term ?? ''] : undefined;
    if (grain) ask.dimensions.push({ words: [], grain });
    else if (current.length === 1 && TIME_WORDS.has(current[0]?.term ?? ''))
      ask.dimensions.push({ words: current, time: true });
    else if (current.length) ask.dimensions.push({ words: current });
    current = [];
  };
  for (const w of part) {
    if (w.raw === 'and' || w.raw === 'then') flush();
    else if (meaningful(w) || TIME_WORDS.has(w.term)) current.push(w);
  }
  flush();
}
