/** Progress lines and small formatting helpers shared by the bench:* scripts. */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Range } from './seed.js';

/** Other work on the machine (tests, builds) slows the figures down: say how much there was. */
export const loadAverage = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} CPUs`;
export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
export const count = (n: number) => n.toLocaleString('en-US');

/** Runs one labelled step and prints how long it took. */
export async function step<T>(label: string, work: () => Promise<T>, describe?: (value: T) => string): Promise<T> {
  const start = performance.now();
  const value = await work();
  const summary = describe?.(value) ?? '';
  console.log(`  ${label.padEnd(44)} ${seconds(start).padStart(8)}${summary ? `   ${summary}` : ''}`);
  return value;
}

export interface Job {
  label: string;
  run(): Promise<string>;
}

/** Runs jobs on `workers` connections at once, each taking the next job when it is free. */
export async function runJobs(jobs: readonly Job[], workers: number): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const current = job;
      await step(
        current.label,
        () => current.run(),
        (summary) => summary,
      );
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/** [lo, hi) cut into `parts` consecutive ranges. */
export function split(range: Range, parts: number): Range[] {
  const size = Math.ceil((range.hi - range.lo) / parts);
  const ranges: Range[] = [];
  for (let lo = range.lo; lo < range.hi; lo += size) ranges.push({ lo, hi: Math.min(range.hi, lo + size) });
  return ranges;
}
