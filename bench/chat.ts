/**
 * npm run bench:chat — the assistant's own overhead, with a mock model that streams instantly.
 *
 * Creates a scratch database, an app (in this process) whose only model is the AI SDK's mock,
 * a user with a dataset and a 10-chart dashboard, and measures over real HTTP:
 *   - time to first byte of a turn (the server's work before the model's first token: auth,
 *     the session, agent and model, storing the prompt and an empty answer, the system prompt);
 *   - time per tool round trip: (a turn with 3 tool steps − a turn with none) / 3, where each
 *     step is a model call, a tool run as the user (here list_datasets) and the stored progress;
 * each at 1 and at BENCH_CONCURRENCY (50) concurrent chats; and the context OCP sends per turn
 * in a session about the 10-chart dashboard (system prompt with its description, and the tool
 * definitions), in tokens estimated as characters / 4.
 * Targets: first byte under 15 ms p50 at 50 concurrent chats; context under 2,000 tokens for a
 * 10-chart dashboard. A benchmark reports; it does not judge.
 *
 * Environment: BENCH_TURNS (turns per chat, default 10), BENCH_CONCURRENCY (default 50),
 * BENCH_POSTGRES_URL (maintenance database, default the local server).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { createAssistantServices } from '../src/ai/services.js';
import { createDataServices } from '../src/data/services.js';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createPostgresDriver } from '../src/db/postgres-driver.js';
import { setUpAuth } from '../src/server/accounts/setup.js';
import { buildApp } from '../src/server/app.js';
import { percentile } from './measure.js';
import { loadAverage, seconds, step } from './progress.js';
import { createScratchDatabase } from './scratch.js';

const TURNS = Number(process.env.BENCH_TURNS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const TOOL_STEPS = 3;

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};
const textStep: LanguageModelV3StreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Done.' },
  { type: 'text-end', id: 't' },
  { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
];
const toolStep = (): LanguageModelV3StreamPart[] => [
  { type: 'stream-start', warnings: [] },
  { type: 'tool-call', toolCallId: `c${Math.random()}`, toolName: 'list_datasets', input: '{}' },
  { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
];

/** The mock "LLM": instant; calls list_datasets `steps` times when the prompt says "tools", then answers. */
function instantModel(seen: LanguageModelV3CallOptions[]) {
  return new MockLanguageModelV3({
    provider: 'mock',
    modelId: 'instant',
    doStream: async (options) => {
      seen.push(options);
      const last = JSON.stringify(options.prompt.filter((m) => m.role === 'user').at(-1));
      const toolResults = options.prompt
        .slice(options.prompt.findLastIndex((m) => m.role === 'user'))
        .filter((m) => m.role === 'tool').length;
      const parts = last.includes('tools') && toolResults < TOOL_STEPS ? toolStep() : textStep;
      return {
        stream: new ReadableStream({
          start: (c) => {
            for (const p of parts) c.enqueue(p);
            c.close();
          },
        }),
      };
    },
  });
}

const chartSpec = (datasetId: string, i: number) => ({
  version: 1,
  type: (['line', 'bar', 'area', 'pie', 'kpi'] as const)[i % 5],
  data: {
    dataset_id: datasetId,
    query: {
      dimensions: [{ field: i % 2 ? 'region' : 'month', ...(i % 2 ? {} : { time_grain: 'month' }) }],
      measures: [{ field: 'revenue', aggregate: 'sum' }],
    },
  },
  style: { title: `Chart ${i + 1}` },
});

async function main() {
  const started = performance.now();
  console.log(`OCP chat benchmark — mock model streaming instantly; ${TURNS} turns per chat; ${loadAverage()}\n`);
  const scratch = await createScratchDatabase('ocp_bench_chat');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ocp-bench-chat-'));
  const db = new Database(
    createPostgresDriver({ connectionString: scratch.url, maxConnections: 20, applicationName: 'ocp-bench-chat' }),
  );
  const seen: LanguageModelV3CallOptions[] = [];
  try {
    await step('migrate', () => migrate(db));
    const data = createDataServices(dataDir);
    const model = instantModel(seen);
    const ai = await createAssistantServices(db, {
      env: {},
      models: [
        {
          provider: 'mock',
          modelId: 'instant',
          displayName: 'Instant mock',
          description: 'bench',
          capabilities: { tool_calling: true, context_tokens: 100_000, streaming: true, usable: true },
          create: () => model,
        },
      ],
    });
    const auth = await setUpAuth(
      {
        mode: 'ocp',
        jwtSecret: 'bench-chat-secret-of-a-decent-length',
        accessTokenTtlSeconds: 3600,
        refreshTokenTtlSeconds: 3600,
        signInRateLimit: { max: 1000, timeWindow: '1 minute' },
      },
      db,
    );
    const app = await buildApp({ db, auth, data, ai, logLevel: 'silent' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const call = async (method: string, url: string, token?: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the bench reads answers freely
      return (await response.json()) as Record<string, any>;
    };

    // A user, a dataset and a dashboard with 10 charts.
    const { access_token: token } = await call('POST', '/api/auth/signup', undefined, {
      email: 'bench@example.test',
      password: 'correct horse battery staple',
    });
    const rows = ['month,region,revenue'];
    for (let m = 1; m <= 12; m++)
      for (const r of ['North', 'South', 'East']) rows.push(`2026-${String(m).padStart(2, '0')}-01,${r},${m * 10}`);
    const form = new FormData();
    form.append('file', new Blob([rows.join('\n')]), 'sales.csv');
    const staged = await call('POST', '/api/uploads', token, form);
    const dataset = await call('POST', '/api/datasets', token, { upload_id: staged.upload_id, name: 'Sales' });
    const dashboard = await call('POST', '/api/dashboards', token, {
      title: 'Sales overview',
      tabs: [
        {
          title: 'Revenue',
          charts: Array.from({ length: 10 }, (_, i) => ({
            title: `Revenue view ${i + 1}`,
            configuration: chartSpec(dataset.id, i),
          })),
        },
      ],
    });

    const turn = async (session: string, text: string) => {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/chat/sessions/${session}/turns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let first: number | undefined;
      for (;;) {
        const { done } = await reader.read();
        first ??= performance.now() - t0;
        if (done) break;
      }
      return { ttfb: first ?? 0, total: performance.now() - t0 };
    };

    const measure = async (chats: number, text: string) => {
      const sessions = await Promise.all(
        Array.from(
          { length: chats },
          async () => (await call('POST', '/api/chat/sessions', token, { title: 'bench' })).id as string,
        ),
      );
      await Promise.all(sessions.map((s) => turn(s, text))); // warm-up
      const results: { ttfb: number; total: number }[] = [];
      await Promise.all(
        sessions.map(async (s) => {
          for (let i = 0; i < TURNS; i++) results.push(await turn(s, text));
        }),
      );
      return results;
    };

    const table: string[] = [];
    for (const chats of [1, CONCURRENCY]) {
      const plain = await step(`${chats} chat(s): text-only turns`, () => measure(chats, 'hello'));
      const tools = await step(`${chats} chat(s): turns with ${TOOL_STEPS} tool steps`, () =>
        measure(chats, 'use the tools please'),
      );
      const p = (xs: number[], q: number) => percentile(xs, q);
      const perTool = (q: number) =>
        (p(
          tools.map((r) => r.total),
          q,
        ) -
          p(
            plain.map((r) => r.total),
            q,
          )) /
        TOOL_STEPS;
      table.push(
        `${String(chats).padStart(5)}   ${p(
          plain.map((r) => r.ttfb),
          0.5,
        )
          .toFixed(1)
          .padStart(10)} ${p(
          plain.map((r) => r.ttfb),
          0.99,
        )
          .toFixed(1)
          .padStart(10)}   ` +
          `${p(
            plain.map((r) => r.total),
            0.5,
          )
            .toFixed(1)
            .padStart(10)} ${p(
            plain.map((r) => r.total),
            0.99,
          )
            .toFixed(1)
            .padStart(10)}   ` +
          `${perTool(0.5).toFixed(1).padStart(12)} ${perTool(0.99).toFixed(1).padStart(12)}`,
      );
    }

    // The context of a turn in a session about the 10-chart dashboard.
    seen.length = 0;
    const contextSession = (
      await call('POST', '/api/chat/sessions', token, {
        title: 'ctx',
        context_type: 'dashboard',
        context_id: dashboard.id,
      })
    ).id;
    await turn(contextSession, 'hello');
    const options = seen.at(-1) as LanguageModelV3CallOptions;
    const tokens = (value: unknown) => Math.ceil(JSON.stringify(value).length / 4);
    const systemTokens = tokens(options.prompt.filter((m) => m.role === 'system'));
    const messageTokens = tokens(options.prompt.filter((m) => m.role !== 'system'));
    const toolTokens = tokens(options.tools ?? []);

    console.log(`\nServer overhead over HTTP, ms (mock model; ${TURNS} turns per chat after a warm-up)`);
    console.log(`chats   first byte p50        p99   whole turn p50        p99   per tool p50     per tool p99`);
    console.log('-'.repeat(98));
    for (const line of table) console.log(line);
    console.log(`\nContext per turn, session about a 10-chart dashboard (tokens ≈ characters / 4):`);
    console.log(`  system prompt with the dashboard description   ${String(systemTokens).padStart(6)}`);
    console.log(`  conversation (the prompt)                      ${String(messageTokens).padStart(6)}`);
    console.log(
      `  tool definitions (JSON Schemas of ${options.tools?.length ?? 0} tools)      ${String(toolTokens).padStart(6)}`,
    );
    const ttfb50 = Number(table[1]?.trim().split(/\s+/)[1]);
    console.log('\nTargets:');
    console.log(
      `  first byte p50 < 15 ms at ${CONCURRENCY} chats        ${ttfb50.toFixed(1).padStart(7)} ms   ${ttfb50 < 15 ? 'met' : 'NOT MET'}`,
    );
    console.log(
      `  context < 2,000 tokens (system + dashboard + prompt)   ${String(systemTokens + messageTokens).padStart(7)}   ${systemTokens + messageTokens < 2000 ? 'met' : 'NOT MET'}`,
    );
    console.log(`\nTotal run time: ${seconds(started)}; ${loadAverage()}`);
    await app.close();
    data.close();
  } finally {
    await db.close();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
