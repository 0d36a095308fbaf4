import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './src/web/build/precompress.js';
import { recordBuildInputs } from './src/web/build/record-inputs.js';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const publicFiles = readdirSync(path.join(projectRoot, 'src/web/public')).map((file) => `src/web/public/${file}`);

/** The browser app: src/web (index.html, app/, public/) built into dist/web, served by the OCP server. */
export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [
    react(),
    recordBuildInputs(projectRoot, ['vite.config.ts', 'src/web/index.html', 'package-lock.json', ...publicFiles]),
    precompress(),
  ],
  build: {
    outDir: path.join(projectRoot, 'dist/web'),
    emptyOutDir: true,
    // The dashboard, charts and chat are loaded on demand; their chunks are large by nature.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev:web`: the API of an OCP server started with `npm start` on port 3000.
    proxy: { '/api': process.env.OCP_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
