import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';

export interface AppOptions {
  db: Database;
  /** The demo user whose workspace the start page lists, if a demo was seeded. */
  demoUserId?: string | undefined;
  logger?: boolean;
}

/** Builds the HTTP server (not yet listening). */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await options.db.asAnon((tx) => tx.query('select 1'));
      return { status: 'ready', database: options.db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: options.db.kind });
    }
  });

  app.get('/', async (_request, reply) => {
    const dashboards = options.demoUserId
      ? (
          await options.db.asUser(options.demoUserId, (tx) =>
            tx.query<{ title: string; tabs: number; charts: number; is_public: boolean }>(`
              select d.title, d.is_public,
                     (select count(*) from dashboard_tabs t where t.dashboard_id = d.id) as tabs,
                     (select count(*) from charts c join dashboard_tabs t on t.id = c.dashboard_tab_id
                       where t.dashboard_id = d.id) as charts
              from dashboards d order by d.title`),
          )
        ).rows
      : [];
    const items = dashboards
      .map(
        (d) =>
          `<li>${escapeHtml(d.title)} — ${d.tabs} tab(s), ${d.charts} chart(s)${d.is_public ? ' · public' : ''}</li>`,
      )
      .join('');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OCP</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>OCP is running</h1>
<p>Database: ${options.db.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}. The API and the web app are being built;
this page lists the demo workspace, read as the demo user through row-level security.</p>
<ul>${items || '<li>No demo workspace (OCP_DEMO=false).</li>'}</ul>
<p><a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a></p>
</body></html>`);
  });

  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
