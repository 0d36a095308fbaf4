/**
 * The load generator of bench:api, run as its own process so that it does not share an event
 * loop with the server it loads: `tsx bench/api-load.ts <plan.json>`. It runs autocannon once,
 * the requests rotating over the plan's list (users, dashboards, search terms), and prints one
 * line of JSON with the figures.
 */
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

export interface LoadPlan {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Seconds. */
  duration: number;
  requests: { path: string; headers: Record<string, string>; body?: string }[];
  /** Count 200 responses that carry GraphQL errors. */
  graphql: boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  bytesPerResponse: number;
}

async function main(): Promise<void> {
  const plan = JSON.parse(await readFile(process.argv[2] as string, 'utf8')) as LoadPlan;
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.duration,
    timeout: 10,
    requests: [
      {
        method: plan.method,
        setupRequest: (request) => {
          const item = plan.requests[next++ % plan.requests.length] as LoadPlan['requests'][number];
          return {
            ...request,
            method: plan.method,
            path: item.path,
            headers: item.headers,
            ...(item.body === undefined ? {} : { body: item.body }),
          };
        },
        ...(plan.graphql
          ? {
              onResponse: (status: number, body: string) => {
                if (status === 200 && body.includes('"errors"')) graphqlErrors++;
              },
            }
          : {}),
      },
    ],
  });
  const out: LoadResult = {
    requests: result.requests.total,
    seconds: result.duration,
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
