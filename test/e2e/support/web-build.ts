import { execFile } from 'node:child_process';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LOCK = path.resolve('dist/.web-build.lock');

/**
 * Builds the web app unless the build is current (the same check as `npm start`), once even when
 * several journey files ask at the same time: they take turns on a lock directory.
 */
export async function ensureWebBuild(): Promise<void> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      // A lock left by a run that was killed is stale after a few minutes.
      const info = await stat(LOCK).catch(() => null);
      if (info && Date.now() - info.mtimeMs > 180_000) await rmdir(LOCK).catch(() => {});
      if (Date.now() > deadline) throw new Error(`another web build holds ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await run(process.execPath, ['scripts/ensure-web-build.mjs'], { maxBuffer: 16 * 1024 * 1024 });
  } finally {
    await rmdir(LOCK).catch(() => {});
  }
}
