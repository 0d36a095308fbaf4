import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the web app (vite.config.ts): dist/web at the project's root. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * The built web app's files: index.html (re-read when a new build replaces it) and the path of
 * any other file of the build a URL names, never one outside the folder.
 */
export class BuildFiles {
  readonly dir: string;
  private index: { mtimeMs: number; html: string } | null = null;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** The app's page, or null when nothing is built. */
  async indexHtml(): Promise<string | null> {
    const file = path.join(this.dir, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    if (this.index?.mtimeMs !== info.mtimeMs)
      this.index = { mtimeMs: info.mtimeMs, html: await readFile(file, 'utf8') };
    return this.index.html;
  }

  /** The file of the build a URL path names, relative to the build's folder; null when there is none. */
  async fileFor(urlPath: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const full = path.resolve(this.dir, `.${path.posix.normalize(decoded)}`);
    if (!full.startsWith(`${this.dir}${path.sep}`)) return null;
    const info = await stat(full).catch(() => null);
    return info?.isFile() ? path.relative(this.dir, full) : null;
  }
}
