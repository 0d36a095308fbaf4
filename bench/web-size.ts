/** What a browser downloads before the app draws anything: the entry and its preloaded chunks. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

async function sizeOf(dir: string, file: string): Promise<FileSize> {
  const content = await readFile(path.join(dir, file));
  return {
    file,
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The JavaScript and CSS index.html loads at once (its module script, modulepreloads, stylesheets). */
export async function initialFiles(dir: string): Promise<{ js: FileSize[]; css: FileSize[] }> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const local = (url: string) => url.replace(/^\//, '');
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => local(m[1] as string));
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) =>
    local(m[1] as string),
  );
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => local(m[1] as string));
  return {
    js: await Promise.all([...new Set([...scripts, ...preloads])].map((file) => sizeOf(dir, file))),
    css: await Promise.all(styles.map((file) => sizeOf(dir, file))),
  };
}

/** Every JavaScript chunk of the build, for the table of what loads later. */
export async function allChunks(dir: string, files: string[]): Promise<FileSize[]> {
  return Promise.all(files.filter((f) => f.endsWith('.js')).map((file) => sizeOf(dir, file)));
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
