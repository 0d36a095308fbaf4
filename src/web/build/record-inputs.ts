import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the web build lists the files it was made from (read by scripts/ensure-web-build.mjs). */
export const BUILD_INPUTS_FILE = '.build-inputs.json';

/**
 * Records every project file the bundle was built from, so that `npm start` can tell whether the
 * build is current by comparing modification times with exactly those files, not a guess of
 * folders. Dependencies are covered by package-lock.json, which the check always includes.
 */
export function recordBuildInputs(projectRoot: string, extraFiles: string[]): Plugin {
  let sources: string[] = [];
  return {
    name: 'ocp:record-build-inputs',
    apply: 'build',
    generateBundle() {
      sources = [...this.getModuleIds()]
        .filter((id) => path.isAbsolute(id) && !id.includes('/node_modules/') && !id.includes('\0'))
        .map((id) => path.relative(projectRoot, id.split('?')[0] as string))
        .filter((file) => !file.startsWith('..'));
    },
    async writeBundle(options) {
      const files = [...new Set([...sources, ...extraFiles])].sort();
      await writeFile(path.join(options.dir as string, BUILD_INPUTS_FILE), `${JSON.stringify({ files }, null, 1)}\n`);
    },
  };
}
