// Lets `npm start` serve the web app on a fresh clone: builds it (vite build → dist/web) when no
// build exists or any file it was built from changed since. The build lists those files itself
// (dist/web/.build-inputs.json), so the check is a few hundred stat calls: milliseconds.
// Plain Node, no dependencies of its own; `node scripts/ensure-web-build.mjs --force` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'dist/web');
const inputsFile = path.join(buildDir, '.build-inputs.json');

/** Why the build must be made again, or null when it is current. */
function staleReason() {
  if (process.argv.includes('--force')) return 'asked to (--force)';
  if (!existsSync(path.join(buildDir, 'index.html')) || !existsSync(inputsFile)) return 'no build yet';
  const builtAt = statSync(inputsFile).mtimeMs;
  let files;
  try {
    files = JSON.parse(readFileSync(inputsFile, 'utf8')).files;
  } catch {
    return 'the build’s list of inputs is unreadable';
  }
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) return `${file} is gone`;
    if (statSync(full).mtimeMs > builtAt) return `${file} changed`;
  }
  return null;
}

const reason = staleReason();
if (reason) {
  console.log(`Building the web app (${reason})…`);
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  // A production build whoever asks (tests run with NODE_ENV=test, which would bundle React's development code).
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
