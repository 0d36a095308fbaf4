import { datasetDescription, datasetList, helpText, searchHits, toolFailed } from './answer-text.js';
import type { DatasetInfo } from './match-columns.js';
import { answer, callTool, type NextStep, resultOf, type Turn } from './next-step.js';
import { planChart, progress } from './plan-chart.js';
import type { Conversation } from './read-conversation.js';
import { understand } from './understand.js';
import { isValueLookup } from './value-lookup.js';
import { terms } from './words.js';

// The offline model's decision for one call: given the conversation (the user's last words and
// the tool results since), the next tool call or the final answer. Pure and deterministic: the
// same conversation always gives the same step.

/**
 * At most this many tool calls answer one message, whatever happens: the model never loops. The
 * longest flow takes seven (list, describe, make, find, create, add, save), which with the answer
 * fits the chat's default of eight steps.
 */
export const MAX_TOOL_STEPS = 7;

/** The next step for this conversation, using only the tools in `available`. */
export function planNextStep(conversation: Conversation, available: ReadonlySet<string>): NextStep {
  const turn: Turn = { conversation, available };
  const ask = understand(conversation.request);

  const failed = conversation.turn.find((s) => s.outcome && !s.outcome.ok && !isValueLookup(s));
  if (failed?.outcome && !failed.outcome.ok)
    return answer([...progress(ask, turn, conversation.lastChart), toolFailed(failed, failed.outcome.error)].join(' '));
  if (conversation.turn.some((s) => !s.outcome)) return answer('A tool I called did not answer, so I stopped here.');
  if (conversation.turn.length >= MAX_TOOL_STEPS)
    return answer(
      [
        ...progress(ask, turn, conversation.lastChart),
        `I stopped after ${MAX_TOOL_STEPS} steps; ask again for the rest.`,
      ].join(' '),
    );

  if (ask.help || !conversation.request) return answer(helpText(conversation.datasets));
  if (ask.search) return planSearch(ask.search, turn);
  if (ask.listDatasets) return planList(turn);
  if (ask.describe) return planDescribe(ask.describe, turn);
  if (ask.chart || ask.placement || ask.save) return planChart(ask, turn);
  return answer(helpText(conversation.datasets));
}

function planSearch(query: string, turn: Turn): NextStep {
  const hits = resultOf(turn, 'search_chats');
  return hits ? answer(searchHits(query, hits)) : callTool(turn, 'search_chats', { query });
}

function planList(turn: Turn): NextStep {
  // Listed again even if an earlier turn did: the user asks what is there now.
  const listed = resultOf(turn, 'list_datasets');
  return listed ? answer(datasetList(listed.datasets)) : callTool(turn, 'list_datasets', {});
}

/** The dataset whose name holds most of the words, if any does. */
function datasetNamed(named: string[], datasets: DatasetInfo[]): DatasetInfo | undefined {
  let best: DatasetInfo | undefined;
  let bestScore = 0;
  for (const d of datasets) {
    const own = new Set([...terms(d.name), ...terms(d.table_name)]);
    const score = named.filter((t) => own.has(t)).length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function planDescribe(named: string[], turn: Turn): NextStep {
  const { datasets } = turn.conversation;
  if (!datasets) return callTool(turn, 'list_datasets', {});
  const described = resultOf(turn, 'describe_dataset');
  if (described) return answer(datasetDescription(described));
  const dataset = datasetNamed(named, datasets);
  if (!dataset) return answer(`I know no dataset called “${named.join(' ')}”. ${datasetList(datasets)}`);
  return callTool(turn, 'describe_dataset', { dataset_id: dataset.id });
}
