// Words as the offline model compares them: lower case, singular, a few synonyms. Everything the
// model understands goes through here, so "Sessions", "session" and "visits" meet one column.

/** The lower-case words of a text. Hyphens inside a word stay ("add-ons", "api-2"); underscores split. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replaceAll('’', "'")
      .match(/[a-z0-9%]+(?:[-'][a-z0-9%]+)*/g) ?? []
  );
}

/** The words of a text as typed (case kept), in the same places as `words` finds them. */
export function typedWords(text: string): string[] {
  return text.replaceAll('’', "'").match(/[a-z0-9%]+(?:[-'][a-z0-9%]+)*/gi) ?? [];
}

/** A word's singular form, by the common English endings (good enough for column names). */
export function singular(word: string): string {
  if (word.length <= 3 || /[\d']/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sses|ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** A word's plural, for titles and examples ("region" → "regions", "category" → "categories"). */
export function plural(word: string): string {
  if (/s$/i.test(word)) return word;
  return /[^aeiou]y$/i.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/** The singular words of a text: what phrases and column names are compared as. */
export const terms = (text: string): string[] => words(text).map(singular);

// Words people use for the same measure or attribute. Kept small and unambiguous: a wrong
// synonym silently charts the wrong column, which is worse than asking the user to rephrase.
const SYNONYM_GROUPS = [
  ['revenue', 'sale', 'amount', 'turnover', 'income', 'earning', 'gmv'],
  ['session', 'traffic', 'visit'],
  ['user', 'visitor', 'people', 'person'],
  ['latency', 'delay', 'duration', 'response'],
  ['order', 'purchase', 'transaction'],
  ['cost', 'spend', 'spending', 'expense'],
  ['error', 'failure', 'fault', 'exception'],
  ['cpu', 'processor'],
  ['memory', 'mem', 'ram'],
  ['conversion', 'signup'],
  ['request', 'hit'],
  ['host', 'server', 'machine', 'node', 'instance'],
  ['source', 'channel', 'referrer', 'medium'],
  ['device', 'platform'],
  ['product', 'item', 'sku', 'plan'],
  ['region', 'territory', 'geo'],
  ['pct', 'percent', 'percentage', '%'],
];

const SYNONYMS = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS)
  for (const word of group) SYNONYMS.set(word, new Set([...(SYNONYMS.get(word) ?? []), ...group]));

/** How well a word of the request stands for a word of a column name: 2 the same, 1 a synonym, 0 not. */
export function wordMatch(requestTerm: string, columnTerm: string): 0 | 1 | 2 {
  if (requestTerm === columnTerm) return 2;
  return SYNONYMS.get(requestTerm)?.has(columnTerm) ? 1 : 0;
}

/** Whether a word is one the synonym table knows: a sign that a message is about data. */
export const isKnownDataWord = (term: string): boolean => SYNONYMS.has(term);

/**
 * Words that carry no meaning for a chart once the structure words (by, per, top …) are read:
 * they are never taken for a column or a value.
 */
export const FILLER = new Set([
  'a',
  'an',
  'the',
  'as',
  'of',
  'me',
  'my',
  'our',
  'us',
  'i',
  'we',
  'you',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'them',
  'show',
  'give',
  'make',
  'draw',
  'plot',
  'chart',
  'graph',
  'visual',
  'visualize',
  'visualise',
  'visualization',
  'view',
  'display',
  'see',
  'get',
  'let',
  "let's",
  'please',
  'can',
  'could',
  'would',
  'will',
  'want',
  'need',
  'like',
  'what',
  "what's",
  'which',
  'how',
  'is',
  'are',
  'was',
  'were',
  'be',
  'do',
  'does',
  'did',
  'have',
  'has',
  'there',
  'their',
  'with',
  'using',
  'to',
  'and',
  'or',
  'also',
  'then',
  'now',
  'just',
  'some',
  'all',
  'value',
  'data',
  'dataset',
  'number',
  'figure',
  'metric',
  'compare',
  'comparison',
  'breakdown',
  'split',
  'over',
  'time',
  'each',
  'every',
  'so',
  'far',
  'thanks',
  'thank',
  'new',
  'one',
]);

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** A count written as digits or as an English word ("5", "five"); undefined when it is neither. */
export function parseCount(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  return NUMBER_WORDS[text.toLowerCase()];
}

/** The pattern parseCount reads, for use inside larger regular expressions. */
export const COUNT_PATTERN = `\\d+|${Object.keys(NUMBER_WORDS).join('|')}`;
