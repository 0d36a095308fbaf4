import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core runs inside the page. The app's CSP forbids injected scripts, so a context that checks
// accessibility is opened with `bypassCSP: true` (axe is the test's own script, not the app's).

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * What axe checks, as JavaScript evaluated in the page: the whole document, without the app's
 * header (its user menu is accessibility.test.ts's concern, not a feature page's).
 */
export const WITHOUT_APP_HEADER = "{ exclude: [['header']] }";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The serious and critical violations axe-core finds on the page as it is now, each in words
 * (the rule, what it asks, the first few elements at fault); `within` is evaluated in the page.
 */
export async function seriousViolations(page: Page, within = 'document'): Promise<string[]> {
  // A menu or a dialog still fading in has its colours half-blended with what is behind it, which
  // axe would measure as too little contrast: wait until the finite animations are over (spinners
  // and skeletons run forever and are not waited for).
  await page.waitForFunction(
    () => {
      // Runs in the page (typed loosely: this file is compiled for Node).
      type Running = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
      const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
      return document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY);
    },
    undefined,
    { timeout: 5000 },
  );
  await page.addScriptTag({ path: axePath });
  // A string runs in the page: the test's own TypeScript has no DOM types.
  const violations = (await page.evaluate(
    `(async () => (await window.axe.run(${within}, { resultTypes: ['violations'] })).violations)()`,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary}` : ''}`)
          .join(', ')}`,
    );
}
