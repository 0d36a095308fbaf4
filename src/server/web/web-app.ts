import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { BuildFiles, DEFAULT_WEB_DIR } from './build-files.js';
import { APP_PAGE_CSP } from './page-security.js';

export interface WebAppOptions {
  /** The built app (default dist/web). Read on each request, so a build made later is served too. */
  dir?: string;
}

/** Hashed file names never change content: cached for a year. */
const IMMUTABLE = /^\/assets\//;

/**
 * Serves the web app built by `npm run build:web` beside the API: its files, and its page for any
 * other address a browser opens (/dashboards/…), so that links into the app work. /api stays the
 * API's (unknown API paths are problem+json 404s). `/` is the app for browsers and stays the plain
 * status page for other clients (curl, monitors) and whenever no build exists.
 *
 * It works from an onRequest hook on requests no route took, rather than a catch-all route,
 * because a route would also catch /api/* paths and change their answers.
 */
export function webApp(options: WebAppOptions = {}): FastifyPluginAsync {
  const files = new BuildFiles(options.dir ?? DEFAULT_WEB_DIR);
  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    await app.register(fastifyStatic, { root: files.dir, serve: false, preCompressed: true, suppressWarning: true });

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const isStartPage = request.routeOptions.url === '/';
      if (!request.is404 && !isStartPage) return;
      const urlPath = request.url.split('?')[0] as string;
      if (urlPath === '/api' || urlPath.startsWith('/api/')) return;

      const file = isStartPage || urlPath === '/index.html' ? null : await files.fileFor(urlPath);
      if (file) return sendBuildFile(reply, file, urlPath);
      if (!acceptsHtml(request)) return;
      const html = await files.indexHtml();
      if (html === null) return;
      return reply
        .code(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', APP_PAGE_CSP)
        .send(html);
    });
  };
  // Not encapsulated: the hook must see requests that reach no route (404s) and the start page.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'ocp-web-app' });
  return plugin;
}

function sendBuildFile(reply: FastifyReply, file: string, urlPath: string): FastifyReply {
  reply.code(200);
  if (IMMUTABLE.test(urlPath)) return reply.sendFile(file, { maxAge: '365d', immutable: true });
  reply.header('cache-control', 'no-cache');
  return reply.sendFile(file, { cacheControl: false });
}

/** Browsers ask for HTML when they open a page; API clients and monitors do not. */
function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
