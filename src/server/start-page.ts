import type { Database } from '../db/database.js';

/** The page at /, until the web app replaces it: what is running, and the demo workspace. */
export async function startPage(db: Database, demoUserId: string | undefined): Promise<string> {
  const dashboards = demoUserId
    ? (
        await db.asUser(demoUserId, (tx) =>
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
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OCP</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>OCP is running</h1>
<p>Database: ${db.kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}. The web app is being built;
the API is described at <a href="/api/docs">/api/docs</a>. The demo workspace, read as the demo user
through row-level security:</p>
<ul>${items || '<li>No demo workspace (OCP_DEMO=false).</li>'}</ul>
<p><a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a> · <a href="/api/openapi.json">/api/openapi.json</a></p>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
