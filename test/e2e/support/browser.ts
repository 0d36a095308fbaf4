import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureWebBuild } from './web-build.js';

/** Debian's Chromium (apt-get install chromium): never a browser downloaded by a test tool. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the journeys keep their screenshots (a CI artifact; test-results/ is not committed). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/**
 * Headless Chromium as root in a sandboxed machine: no sandbox of its own, and none of the
 * background connections a closed network refuses (updates, sync, safe browsing).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The Chromium of a journey file: before its tests, the web app is built (unless current) and
 * the browser started; after them, it is closed. Call it at the top of the file, like useTestApi(),
 * so that the file's own hooks run inside that span.
 */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuild();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('Chromium starts in beforeAll: use it inside a hook or a test');
      return browser;
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
