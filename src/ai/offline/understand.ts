import { type ChartAsk, understandChart } from './understand-chart.js';
import { terms } from './words.js';

// What the user asked, read from their last message without looking at any data: which actions
// (search, list, describe, chart, place, save) and, for a chart, its phrases. Which columns the
// phrases mean is decided later, against the datasets (match-columns.ts, resolve-chart.ts).

/** Where the user wants the chart: an existing dashboard found by words of its title, or a new one. */
export type Placement =
  | { kind: 'dashboard'; name: string; current?: boolean }
  | { kind: 'new_dashboard'; name: string | undefined };

/** The user's request, as the offline model understood it. */
export interface Ask {
  /** The user's words, trimmed. */
  text: string;
  /** "help", "what can you do": explain, call nothing. */
  help: boolean;
  /** Words to search earlier chats for. */
  search?: string;
  /** "what data do I have", "list datasets". */
  listDatasets: boolean;
  /** Words naming a dataset to describe ("describe sales"). */
  describe?: string[];
  /** The chart asked for; absent when the message only refers to an earlier chart. */
  chart?: ChartAsk;
  placement?: Placement;
  /** Keep the chart in the user's workspace. */
  save: boolean;
}

const SEARCH_PATTERNS = [
  /\b(?:search|look\s+(?:through|in))\s+(?:in\s+)?(?:(?:my|our|the|old|earlier|previous|past)\s+)*(?:chats?|conversations?|chat\s+history|history|messages)\s+(?:for|about)\s+(.+)/i,
  /\bfind\s+(?:where|when|the\s+chats?\s+where)\s+(?:we|i)\s+(?:talked|spoke|discussed|chatted|asked)\s+(?:about\s+)?(.+)/i,
  /\b(?:what|when)\s+did\s+(?:we|i)\s+(?:say|discuss|talk\s+about|ask)\s+(?:about\s+)?(.+)/i,
  /\bdid\s+(?:we|i)\s+(?:ever\s+)?(?:talk|discuss|chat|ask)\s+(?:about\s+)?(.+)/i,
];

const LIST_PATTERNS = [
  /\b(?:what|which)\s+(?:data|datasets?|data\s+sets?|tables?)\s*(?:$|[?.!]|(?:do|does|did|can|are|is|exist|have)\b)/i,
  /\blist\s+(?:(?:my|all|the|of)\s+)*(?:data|datasets?|data\s+sets?|tables?)\b/i,
  /\bshow\s+(?:me\s+)?(?:(?:my|all|the)\s+)+(?:datasets?|data\s+sets?|tables?)\b/i,
];

const DATASET_SUFFIX = String.raw`(?:\s+(?:data\s*set|table))?(?:\s+have)?\s*[?.!]*$`;
const DESCRIBE_PATTERNS = [
  new RegExp(String.raw`\b(?:describe|profile)\s+(?:the\s+|my\s+)?(.+?)${DATASET_SUFFIX}`, 'i'),
  new RegExp(String.raw`\bwhat(?:'s|’s|\s+is)\s+in\s+(?:the\s+|my\s+)?(.+?)${DATASET_SUFFIX}`, 'i'),
  new RegExp(
    String.raw`\b(?:what|which)\s+columns\s+(?:does|do|are\s+in|has)\s+(?:the\s+|my\s+)?(.+?)${DATASET_SUFFIX}`,
    'i',
  ),
  new RegExp(String.raw`\bcolumns\s+(?:of|in)\s+(?:the\s+|my\s+)?(.+?)${DATASET_SUFFIX}`, 'i'),
];

const HELP_PATTERN = /^\s*(?:help|\?+|what\s+can\s+you\s+do|how\s+does\s+(?:this|it)\s+work|who\s+are\s+you)\b/i;

const PREPOSITION = '(?:to|on|onto|into|in)';
/** "(on) a new dashboard (called) Y", "create a dashboard called Y". */
const NEW_DASHBOARD =
  /\b(?:(?:to|on|onto|into|in)\s+(?:a\s+)?new\s+dashboard|create\s+(?:a\s+)?(?:new\s+)?dashboard)(?:\s+(?:called|named|titled))?(?:\s+(?!(?:and|then|with)\b)["“']?([^"”'.!?,]+?)["”']?)?\s*(?=$|[.!?,]|\s+(?:and|then|with)\b)/i;
/** "to the Sales overview dashboard": up to five words between the preposition and "dashboard", none of them a preposition. */
const NAMED_DASHBOARD = new RegExp(
  String.raw`\b${PREPOSITION}\s+(?:(?:the|my|our)\s+)?["“']?((?:(?!${PREPOSITION}\b)[^\s.!?,"”']+\s+){0,5}?)["”']?dashboard\b`,
  'i',
);
/** "to the dashboard called Sales", "on dashboard Sales". */
const DASHBOARD_CALLED = new RegExp(
  String.raw`\b${PREPOSITION}\s+(?:the\s+|my\s+)?dashboard\s+(?:called\s+|named\s+|titled\s+)?["“']?([^"”'.!?,]+?)["”']?\s*(?=$|[.!?,]|\s+(?:and|then)\b)`,
  'i',
);
/** "to this dashboard", "add it here": the dashboard the user has open. */
const CURRENT_DASHBOARD =
  /\b(?:(?:to|on|onto|into|in)\s+(?:this|the\s+current|the\s+open|my\s+current)\s+dashboard|(?:add|put|pin|place)\s+(?:it|this|that)(?:\s+chart)?\s+(?:in\s+)?here)\b/i;
const WORKSPACE =
  /\b(?:(?:add|put|pin)\s+(?:it|this|that)?\s*)?(?:to|in|into|on)\s+(?:my|the)\s+(?:personal\s+)?workspace\b/i;
const SAVE_VERB = /\b(?:save|keep|store|bookmark)\b/i;
/** A save verb that is not the verb of a placement ("save it", but not "save it to the Sales dashboard"). */
const SAVE_ALONE =
  /\b(?:save|keep|store|bookmark)\b(?!\s+(?:(?:it|this|that|them|(?:the|this|that)\s+chart)\s+)?(?:to|on|onto|into|in)\b)/i;
/** "and add it", "put this chart", "pin the last chart": only the act of placing, nothing about the chart. */
const PLACING_VERBS =
  /\b(?:and\s+)?(?:then\s+)?(?:please\s+)?(?:add|put|pin|place|move|save|keep|store|bookmark|send)\b(?:\s+(?:it|this|that|them|(?:the|this|that)\s+(?:last\s+|previous\s+)?chart))?/gi;

const clean = (text: string) =>
  text
    .trim()
    .replace(/^["“']|["”']$/g, '')
    .replace(/[?.!]+$/, '')
    .trim();

/** Reads the user's last message into an Ask (no data needed: this is only about the words). */
export function understand(text: string): Ask {
  const ask: Ask = { text: text.trim(), help: false, listDatasets: false, save: false };
  if (HELP_PATTERN.test(text)) return { ...ask, help: true };

  for (const pattern of SEARCH_PATTERNS) {
    const query = clean(pattern.exec(text)?.[1] ?? '');
    if (query) return { ...ask, search: query.slice(0, 200) };
  }
  if (LIST_PATTERNS.some((p) => p.test(text))) return { ...ask, listDatasets: true };
  for (const pattern of DESCRIBE_PATTERNS) {
    const named = terms(pattern.exec(text)?.[1] ?? '');
    if (named.length > 0 && named.length <= 4) return { ...ask, describe: named };
  }

  let rest = text;
  const cut = (match: RegExpExecArray) => {
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
  };
  const workspace = WORKSPACE.exec(rest);
  if (workspace) cut(workspace);
  const current = CURRENT_DASHBOARD.exec(rest);
  const created = current ? null : NEW_DASHBOARD.exec(rest);
  const named = current || created ? null : (DASHBOARD_CALLED.exec(rest) ?? NAMED_DASHBOARD.exec(rest));
  if (current) {
    cut(current);
    ask.placement = { kind: 'dashboard', name: '', current: true };
  } else if (created) {
    cut(created);
    ask.placement = { kind: 'new_dashboard', name: created[1] ? clean(created[1]) : undefined };
  } else if (named) {
    cut(named);
    ask.placement = { kind: 'dashboard', name: clean(named[1] ?? '') };
  }
  // "save it to the Sales dashboard" is a placement; "save it" alone keeps it in the workspace.
  // (Checked on the whole message: the placement's words are already cut from `rest`.)
  ask.save = workspace !== null || (ask.placement ? SAVE_ALONE.test(text) : SAVE_VERB.test(rest));
  if (ask.placement || ask.save) rest = rest.replace(PLACING_VERBS, ' ');

  const chart = understandChart(rest);
  if (chart) ask.chart = chart;
  return ask;
}
