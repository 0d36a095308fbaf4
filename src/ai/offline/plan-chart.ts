import type { ToolOutputs } from '../tools/contracts.js';
import { chartMade, chartPlaced, helpText, queryRows } from './answer-text.js';
import { buildChart, type DraftChart } from './build-spec.js';
import { datasetMention, matchColumn } from './match-columns.js';
import { answer, callTool, inputOf, type NextStep, resultOf, type Turn } from './next-step.js';
import { pickDashboard, readOnlyMatch } from './pick-dashboard.js';
import { type ResolvedChart, resolveChart, unmatchedValueNotes } from './resolve-chart.js';
import type { Ask } from './understand.js';
import type { ChartAsk } from './understand-chart.js';
import { isValueLookup, knownValues, valueLookup } from './value-lookup.js';
import { isKnownDataWord } from './words.js';

// The chart flow: datasets → (sample values) → make_chart → (find or create a dashboard →
// add_chart) → (save_to_workspace) → a sentence about each. Every call re-reads the turn and
// takes the first step not yet done, so the flow survives any number of model calls.

/** A chart to place or keep: one made this turn, or the conversation's last one. */
interface Target {
  title: string;
  spec: Record<string, unknown>;
}

/** Whether any word of the request could be about data (else: explain, call nothing). */
function looksLikeData(chart: ChartAsk, turn: Turn): boolean {
  if (chart.structured) return true;
  const words = [...chart.measures.flatMap((m) => m.words), ...chart.values.flatMap((v) => v.options.flat())];
  if (words.some((w) => isKnownDataWord(w.term))) return true;
  const datasets = turn.conversation.datasets ?? [];
  return datasets.some((d) => datasetMention(words, d).size > 0 || matchColumn(words, d.columns) !== undefined);
}

/** A request that only names the chart ("add the revenue chart to …") means the chart already made. */
const namesEarlierChart = (ask: Ask, turn: Turn) =>
  (ask.placement !== undefined || ask.save) &&
  turn.conversation.earlierChart !== undefined &&
  (!ask.chart || (!ask.chart.structured && ask.chart.values.length === 0));

/** The next step of a request for a chart, a placement, a save, or any of them together. */
export function planChart(ask: Ask, turn: Turn): NextStep {
  const { conversation } = turn;
  const made = resultOf(turn, 'make_chart');
  let target: Target | undefined = made;
  let notes: string[] = [];

  if (ask.chart && !namesEarlierChart(ask, turn)) {
    if (!ask.placement && !ask.save && !looksLikeData(ask.chart, turn)) return answer(helpText(conversation.datasets));
    if (!conversation.datasets) return callTool(turn, 'list_datasets', {});
    const { datasets } = conversation;
    const resolution = resolveChart(ask.chart, datasets, (id) => {
      const dataset = datasets.find((d) => d.id === id);
      return dataset && knownValues(dataset, conversation.descriptions.get(id), conversation.turn);
    });
    if ('problem' in resolution) return answer(helpText(datasets, resolution.problem));
    const { chart } = resolution;
    if (chart.unmatchedValues.length && !made) {
      const lookUp = lookUpValues(turn, chart);
      if (lookUp) return lookUp;
    }
    notes = [...chart.notes, ...unmatchedValueNotes(chart)];
    const draft = buildChart(chart);
    if (!made) {
      if (turn.available.has('make_chart')) return callTool(turn, 'make_chart', { ...draft });
      if (!ask.placement && !ask.save) return answerWithoutCharts(turn, draft);
      target = { title: draft.title, spec: draft.spec as Record<string, unknown> };
    }
  } else target ??= conversation.earlierChart;

  const done = progress(ask, turn, target, notes);
  if (!target) {
    const what = ask.placement ? 'add to a dashboard' : 'save';
    return answer(`There is no chart in this conversation yet to ${what}. ${helpText(conversation.datasets)}`);
  }
  const reason = `Asked: ${conversation.request}`.slice(0, 500);

  if (ask.placement && !resultOf(turn, 'add_chart')) {
    const created = resultOf(turn, 'create_dashboard');
    const name = ask.placement.name ?? '';
    let dashboard: { dashboard_id: string; tab_id?: string } | undefined = created;
    const open = conversation.openDashboard;
    if (!dashboard && ask.placement.kind === 'dashboard' && ask.placement.current) {
      // "here" is the open dashboard or nothing: never some other dashboard the user did not mean.
      if (!open)
        return answer(
          [...done, 'I do not know which dashboard you have open; name it, e.g. “add it to the Sales dashboard”.'].join(
            ' ',
          ),
        );
      if (!open.canEdit)
        return answer([...done, `You can only view “${open.title}”, so I cannot add it there.`].join(' '));
      dashboard = { dashboard_id: open.id };
    }
    if (!dashboard && ask.placement.kind === 'dashboard') {
      const found = resultOf(turn, 'find_dashboards');
      if (!found) return callTool(turn, 'find_dashboards', name ? { query: name.slice(0, 200) } : {}, done);
      const pick = pickDashboard(found.dashboards, name);
      if (pick) dashboard = { dashboard_id: pick.id };
    }
    if (!dashboard)
      return callTool(turn, 'create_dashboard', { title: (name || target.title).slice(0, 200), reason }, done);
    return callTool(turn, 'add_chart', { ...dashboard, title: target.title, spec: target.spec, reason }, done);
  }
  if (ask.save && !resultOf(turn, 'save_to_workspace'))
    return callTool(turn, 'save_to_workspace', { title: target.title, spec: target.spec }, done);
  return answer(done.join(' '));
}

/**
 * One step to learn the values the user may have said: a lookup query when the agent may run
 * queries (it finds any value), else describe_dataset's samples; each at most once a turn.
 */
function lookUpValues(turn: Turn, chart: ResolvedChart): NextStep | undefined {
  const steps = turn.conversation.turn;
  if (steps.some(isValueLookup) || inputOf(turn, 'describe_dataset')) return undefined;
  const lookup = valueLookup(chart.dataset, chart.unmatchedValues);
  if (lookup && turn.available.has('run_query')) return callTool(turn, 'run_query', lookup);
  if (turn.available.has('describe_dataset') && !turn.conversation.descriptions.has(chart.dataset.id))
    return callTool(turn, 'describe_dataset', { dataset_id: chart.dataset.id });
  return undefined;
}

/** Sentences for what this turn did so far: the chart, its notes, where it went. */
export function progress(ask: Ask, turn: Turn, target: Target | undefined, notes: string[] = []): string[] {
  const said: string[] = [];
  const made = resultOf(turn, 'make_chart');
  if (made) said.push(chartMade(made), ...notes);
  const added = resultOf(turn, 'add_chart');
  if (added) said.push(chartPlaced(placement(ask, turn, added), added, made ? undefined : target?.title));
  if (resultOf(turn, 'save_to_workspace'))
    said.push(made || !target ? 'I saved it to your workspace.' : `I saved “${target.title}” to your workspace.`);
  return said;
}

/** Which dashboard add_chart used, in words: its title, and whether this turn created it. */
function placement(ask: Ask, turn: Turn, added: ToolOutputs['add_chart']) {
  const created = resultOf(turn, 'create_dashboard');
  const found = resultOf(turn, 'find_dashboards')?.dashboards ?? [];
  const name = ask.placement?.name ?? '';
  if (created && created.dashboard_id === added.dashboard_id) {
    const title = String(inputOf(turn, 'create_dashboard')?.title ?? name);
    const searched = resultOf(turn, 'find_dashboards') !== undefined;
    return { dashboardTitle: title, created: true, searched, readOnlyMatch: readOnlyMatch(found, name)?.title };
  }
  const open = turn.conversation.openDashboard;
  const title =
    found.find((d) => d.id === added.dashboard_id)?.title ??
    (open?.id === added.dashboard_id ? open.title : name || 'chosen');
  return { dashboardTitle: title, created: false, searched: false };
}

/** For an agent that may query but not chart: the chart's numbers as text. */
function answerWithoutCharts(turn: Turn, draft: DraftChart): NextStep {
  const data = draft.spec.data;
  const rows = resultOf(turn, 'run_query');
  if (rows) return answer(queryRows(draft.title, rows));
  if (turn.available.has('run_query') && 'query' in data)
    return callTool(turn, 'run_query', { dataset_id: data.dataset_id, query: data.query });
  return answer('I cannot make charts here: this assistant may not use the make_chart tool.');
}
