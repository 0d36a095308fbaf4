import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandlers } from '../plugins/problems.js';
import { webApp } from './web-app.js';

// The web app served beside the API, over a build folder of its own (not the real dist/web).

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const INDEX = '<!doctype html><title>OCP</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

let root: string;
let buildDir: string;
let app: FastifyInstance;

async function writeBuild(dir: string) {
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), INDEX);
  await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(path.join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
}

async function serverOver(dir: string): Promise<FastifyInstance> {
  const server = Fastify();
  registerProblemHandlers(server);
  await server.register(helmet, { global: true });
  server.get('/', async (_request, reply) => reply.type('text/html').send('<h1>OCP is running</h1>'));
  server.get('/api/things', async () => ({ things: [] }));
  await server.register(webApp({ dir }));
  return server;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ocp-web-'));
  buildDir = path.join(root, 'web');
  await writeFile(path.join(root, 'secret.txt'), 'not for the web');
  await writeBuild(buildDir);
  app = await serverOver(buildDir);
});

afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web app beside the API', () => {
  it('gives a browser the app at /, with a policy that allows only its own scripts', async () => {
    const response = await app.inject({ url: '/', headers: BROWSER });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('gives a browser the app at any address of the app, so links into it work', async () => {
    const response = await app.inject({
      url: '/dashboards/5b8e4b7e-0000-4000-8000-000000000000?tab=x',
      headers: BROWSER,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
  });

  it('keeps the status page at / for clients that do not ask for HTML', async () => {
    const response = await app.inject({ url: '/', headers: { accept: '*/*' } });
    expect(response.body).toBe('<h1>OCP is running</h1>');
  });

  it('leaves the API alone: unknown API paths stay problem+json 404s, even for a browser', async () => {
    const unknown = await app.inject({ url: '/api/nothing-here', headers: BROWSER });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ url: '/api/things', headers: BROWSER })).json()).toEqual({ things: [] });
  });

  it('answers other clients at unknown addresses with a 404, not the app', async () => {
    const response = await app.inject({ url: '/dashboards/x', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('serves hashed assets cached for a year, compressed when the client accepts it', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzipped = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toContain('javascript');
  });

  it('serves the other files of the build without long caching', async () => {
    const response = await app.inject({ url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('never serves a file outside the build', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await app.inject({ url, headers: { accept: '*/*' } });
      expect(response.body, url).not.toContain('not for the web');
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
    }
  });

  it('without a build keeps the status page and answers 404s, then serves a build made later', async () => {
    const laterDir = path.join(root, 'later');
    const server = await serverOver(laterDir);
    try {
      expect((await server.inject({ url: '/', headers: BROWSER })).body).toBe('<h1>OCP is running</h1>');
      expect((await server.inject({ url: '/dashboards/x', headers: BROWSER })).statusCode).toBe(404);
      await writeBuild(laterDir);
      expect((await server.inject({ url: '/', headers: BROWSER })).body).toBe(INDEX);
      expect((await server.inject({ url: '/assets/index-abc123.js' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
