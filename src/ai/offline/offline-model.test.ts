import { generateText, type ModelMessage, stepCountIs, streamText, type ToolSet, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { ChartSpec } from '../../shared/chart-spec.js';
import { TOOL_SCHEMAS, type ToolName, type ToolOutputs } from '../tools/contracts.js';
import { createOfflineModel, OFFLINE_MODEL_ID, OFFLINE_PROVIDER_ID } from './offline-model.js';
import { DEMO_DATASETS, describeDemo } from './test-datasets.js';

const SALES_OVERVIEW = '44444444-4444-4444-8444-444444444444';
const NEW_DASHBOARD = '55555555-5555-4555-8555-555555555555';
const NEW_TAB = '66666666-6666-4666-8666-666666666666';

interface Call {
  name: ToolName;
  input: Record<string, unknown>;
}

/**
 * Tools with the real input schemas (so every input the model sends is checked as an LLM's
 * would be) and canned answers; `overrides` replace an answer, e.g. with `{ error }`.
 */
function fakeTools(overrides: Partial<Record<ToolName, (input: Record<string, unknown>) => unknown>> = {}) {
  const calls: Call[] = [];
  const answers: { [N in ToolName]?: (input: Record<string, unknown>) => ToolOutputs[N] } = {
    list_datasets: () => ({ datasets: DEMO_DATASETS }),
    describe_dataset: (input) => describeDemo(String(input.dataset_id)),
    make_chart: (input) => ({
      title: String(input.title),
      spec: ChartSpec.parse(input.spec),
      row_count: 24,
      columns: [],
      warnings: [],
    }),
    find_dashboards: () => ({
      dashboards: [
        { id: SALES_OVERVIEW, title: 'Sales overview', can_edit: true, tabs: [] },
        { id: '88888888-8888-4888-8888-888888888888', title: 'Ops', can_edit: false, tabs: [] },
      ],
    }),
    create_dashboard: () => ({ dashboard_id: NEW_DASHBOARD, tab_id: NEW_TAB, version_number: 1 }),
    add_chart: (input) => ({
      chart_id: '77777777-7777-4777-8777-777777777777',
      dashboard_id: String(input.dashboard_id),
      tab_id: NEW_TAB,
      version_number: input.dashboard_id === SALES_OVERVIEW ? 7 : 2,
    }),
    save_to_workspace: () => ({ item_id: '99999999-9999-4999-8999-999999999999' }),
    search_chats: () => ({
      hits: [{ message_id: 'm1', session_id: 's1', session_title: 'Churn review', snippet: 'churn by plan in Q3' }],
    }),
  };
  const tools: ToolSet = {};
  for (const name of new Set([...Object.keys(answers), ...Object.keys(overrides)]) as Set<ToolName>) {
    tools[name] = tool({
      inputSchema: TOOL_SCHEMAS[name] as never,
      execute: async (input: Record<string, unknown>) => {
        calls.push({ name, input });
        const answer = overrides[name] ?? answers[name];
        return answer?.(input);
      },
    });
  }
  return { tools, calls };
}

async function turn(messages: ModelMessage[], tools: ToolSet) {
  const result = streamText({ model: createOfflineModel(), messages, tools, stopWhen: stepCountIs(8) });
  const steps = await result.steps;
  return {
    steps,
    text: await result.text,
    toolNames: steps.flatMap((s) => s.toolCalls.map((c) => c.toolName)),
    messages: [...messages, ...(await result.response).messages],
    usage: await result.totalUsage,
  };
}

const user = (content: string): ModelMessage => ({ role: 'user', content });

describe('the offline model', () => {
  it('is labelled as OCP’s rule-based model', () => {
    const model = createOfflineModel();
    expect([model.specificationVersion, model.provider, model.modelId]).toEqual([
      'v3',
      OFFLINE_PROVIDER_ID,
      OFFLINE_MODEL_ID,
    ]);
    expect(model.provider).toBe('ocp');
    expect(model.modelId).toBe('rule-based');
  });

  it('makes a chart and adds it to the dashboard the user named, through the tools, then says so', async () => {
    const { tools, calls } = fakeTools();
    const prompt = 'revenue by month as a line chart and add it to the Sales dashboard';
    const result = await turn([user(prompt)], tools);

    expect(result.toolNames).toEqual(['list_datasets', 'make_chart', 'find_dashboards', 'add_chart']);
    expect(calls[1]?.input).toMatchObject({ title: 'Revenue by month', spec: { type: 'line', version: 1 } });
    expect(calls[2]?.input).toEqual({ query: 'Sales' });
    expect(calls[3]?.input).toMatchObject({
      dashboard_id: SALES_OVERVIEW,
      title: 'Revenue by month',
      reason: `Asked: ${prompt}`,
      spec: { type: 'line', data: { dataset_id: DEMO_DATASETS[0]?.id } },
    });
    expect(result.text).toBe(
      'Here is Revenue by month (line chart, 24 points). I added it to the Sales overview dashboard, as version 7.',
    );
    expect(result.steps.at(-1)?.finishReason).toBe('stop');
    expect(result.steps.slice(0, -1).every((s) => s.finishReason === 'tool-calls')).toBe(true);
  });

  it('adds the last chart of the conversation to another dashboard in a later turn, creating it when none matches', async () => {
    const { tools, calls } = fakeTools();
    const first = await turn([user('revenue by month as a line chart and add it to the Sales dashboard')], tools);
    const madeSpec = calls.find((c) => c.name === 'make_chart')?.input.spec;
    calls.length = 0;

    const second = await turn([...first.messages, user('add it to the Marketing dashboard')], tools);
    expect(second.toolNames).toEqual(['find_dashboards', 'create_dashboard', 'add_chart']);
    expect(calls[1]?.input).toEqual({ title: 'Marketing', reason: 'Asked: add it to the Marketing dashboard' });
    expect(calls[2]?.input).toMatchObject({
      dashboard_id: NEW_DASHBOARD,
      tab_id: NEW_TAB,
      title: 'Revenue by month',
      spec: ChartSpec.parse(madeSpec),
    });
    expect(second.text).toBe(
      'I found no dashboard called “Marketing” that you can edit, so I created the dashboard “Marketing” and added “Revenue by month” to it, as version 2.',
    );
  });

  it('answers a request it does not understand with what it can do, calling no tool', async () => {
    const { tools, calls } = fakeTools();
    const result = await turn([user('tell me a joke')], tools);
    expect(calls).toEqual([]);
    expect(result.steps).toHaveLength(1);
    expect(result.text).toContain('rule');
    expect(result.text).toContain('For example');
  });

  it('gives examples in the user’s own column names once it knows the datasets', async () => {
    const { tools } = fakeTools();
    const first = await turn([user('what data do I have?')], tools);
    expect(first.toolNames).toEqual(['list_datasets']);
    expect(first.text).toContain('- sales (1,800 rows): month, region, product, channel, orders, revenue, cost');

    const second = await turn([...first.messages, user('what is the meaning of life')], tools);
    expect(second.toolNames).toEqual([]);
    expect(second.text).toContain('“orders by month as a line chart”');
    expect(second.text).toContain('“top 5 sources by sessions”');
  });

  it('reports a tool’s error plainly and stops', async () => {
    const { tools, calls } = fakeTools({
      make_chart: () => ({ error: 'Column "revenue" is not in the dataset' }),
    });
    const result = await turn([user('revenue by month and add it to the Sales dashboard')], tools);
    expect(result.toolNames).toEqual(['list_datasets', 'make_chart']);
    expect(calls.map((c) => c.name)).not.toContain('add_chart');
    expect(result.text).toBe('I could not make the chart: Column "revenue" is not in the dataset.');
  });

  it('reports a tool that throws, after what already worked', async () => {
    const { tools } = fakeTools({
      add_chart: () => {
        throw new Error('The tab is full (10 charts)');
      },
    });
    const result = await turn([user('errors by host on the Sales overview dashboard')], tools);
    expect(result.toolNames).toEqual(['list_datasets', 'make_chart', 'find_dashboards', 'add_chart']);
    expect(result.text).toBe(
      'Here is Errors by host (bar chart, 24 rows). I could not add the chart to the dashboard: The tab is full (10 charts).',
    );
  });

  it('looks up sample values before filtering on a word that looks like one', async () => {
    const { tools, calls } = fakeTools();
    const result = await turn([user('revenue in North by quarter')], tools);
    expect(result.toolNames).toEqual(['list_datasets', 'describe_dataset', 'make_chart']);
    expect(calls[2]?.input).toMatchObject({
      title: 'Revenue by quarter in North',
      spec: { data: { query: { filters: [{ field: 'region', op: '=', value: 'North' }] } } },
    });
  });

  it('looks values up with a query when it may run queries, and filters on what it finds', async () => {
    const { tools, calls } = fakeTools({
      run_query: (input) => ({
        columns: [
          { name: 'ocp_column', kind: 'string' },
          { name: 'ocp_value', kind: 'string' },
        ],
        rows: String(input.sql).includes("'south'") ? [['region', 'South']] : [],
        truncated: false,
        sql: String(input.sql),
      }),
    });
    const result = await turn([user('revenue in south by month')], tools);
    expect(result.toolNames).toEqual(['list_datasets', 'run_query', 'make_chart']);
    expect(calls[2]?.input).toMatchObject({
      title: 'Revenue by month in South',
      spec: { data: { query: { filters: [{ field: 'region', op: '=', value: 'South' }] } } },
    });
  });

  it('makes the chart without the filter when the lookup is refused, and says so', async () => {
    const { tools } = fakeTools({ run_query: () => ({ error: 'Privacy mode is on' }) });
    const result = await turn([user('revenue in Atlantis by month')], tools);
    expect(result.toolNames).toEqual(['list_datasets', 'run_query', 'make_chart']);
    expect(result.text).toBe(
      'Here is Revenue by month (line chart, 24 points). I found no value “Atlantis” in sales, so the chart is not filtered by it.',
    );
  });

  it('uses only the tools it is given', async () => {
    const { tools, calls } = fakeTools();
    const { add_chart: _, find_dashboards: __, create_dashboard: ___, ...fewer } = tools;
    const result = await turn([user('total revenue on the Sales dashboard')], fewer);
    expect(calls.map((c) => c.name)).toEqual(['list_datasets', 'make_chart']);
    expect(result.text).toBe(
      'Here is Total revenue (KPI). I cannot do the rest here: this assistant may not use the find_dashboards tool.',
    );
  });

  it('saves the last chart to the workspace and searches chats', async () => {
    const { tools, calls } = fakeTools();
    const first = await turn([user('sessions by source as a pie')], tools);
    const saved = await turn([...first.messages, user('save it to my workspace')], tools);
    expect(saved.toolNames).toEqual(['save_to_workspace']);
    expect(calls.at(-1)?.input).toMatchObject({ title: 'Sessions by source', spec: { type: 'pie' } });
    expect(saved.text).toBe('I saved “Sessions by source” to your workspace.');

    const searched = await turn([user('search my chats for churn')], tools);
    expect(searched.toolNames).toEqual(['search_chats']);
    expect(searched.text).toBe('I found 1 message about “churn”:\n- In “Churn review”: churn by plan in Q3');
  });

  it('streams its answer in several text deltas and estimates tokens as characters / 4', async () => {
    const result = streamText({ model: createOfflineModel(), messages: [user('hello there')], tools: {} });
    const deltas: string[] = [];
    for await (const part of result.fullStream) if (part.type === 'text-delta') deltas.push(part.text);
    const text = await result.text;
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(Math.ceil(text.length / 4));
    expect(usage.inputTokens).toBe(Math.ceil('hello there'.length / 4));
  });

  it('works without streaming too (doGenerate), the same way', async () => {
    const { tools } = fakeTools();
    const result = await generateText({
      model: createOfflineModel(),
      messages: [user('top 5 regions by sales')],
      tools,
      stopWhen: stepCountIs(8),
    });
    expect(result.steps.flatMap((s) => s.toolCalls.map((c) => c.toolName))).toEqual(['list_datasets', 'make_chart']);
    expect(result.text).toBe('Here is Top 5 regions by revenue (bar chart, 24 rows).');
  });
});
