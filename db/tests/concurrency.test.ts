import { describe, expect, it } from 'vitest';
import type { DbError } from '../../src/db/errors.js';
import { createUser, queryAs, queryAsOwner, useTestDatabase } from '../../test/support/db.js';
import { addMember, createDashboard, createTeam } from '../../test/support/world.js';

// 16 concurrent writers, each on its own connection, as the issue asks.
const WRITERS = 16;
const db = useTestDatabase(WRITERS);

/**
 * Runs `work` on WRITERS connections at once. Each transaction holds for a moment after writing,
 * so that an unlocked check would let the others through (the seed's triggers fail this way).
 */
async function concurrently<T>(
  userId: string,
  work: (writer: number, tx: Parameters<Parameters<typeof db.asOwner>[0]>[0]) => Promise<T>,
) {
  return Promise.allSettled(
    Array.from({ length: WRITERS }, (_, writer) =>
      db.asUser(userId, async (tx) => {
        const value = await work(writer, tx);
        await tx.query('select pg_sleep(0.02)');
        return value;
      }),
    ),
  );
}

const sqlstates = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as DbError).code);

describe('under 16 concurrent writers', () => {
  it('a tab holding 8 charts ends with exactly 10, and the others are told why', async () => {
    const user = await createUser(db);
    const { tabId } = await createDashboard(db, user);
    await db.asUser(user.id, async (tx) => {
      for (let i = 0; i < 7; i++) {
        await tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [tabId],
        );
      }
    });
    const results = await concurrently(user.id, (writer, tx) =>
      tx.query("insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, $2, 'bar', '{}')", [
        tabId,
        `writer ${writer}`,
      ]),
    );
    const charts = await queryAsOwner<{ position: number }>(
      db,
      'select position from charts where dashboard_tab_id = $1',
      [tabId],
    );
    expect(charts).toHaveLength(10);
    expect(new Set(charts.map((c) => c.position)).size).toBe(10);
    expect(sqlstates(results)).toEqual(Array(WRITERS - 2).fill('OC001'));
  });

  it('charts moved into a tab at once never make it hold more than 10', async () => {
    const user = await createUser(db);
    const target = await createDashboard(db, user);
    await db.asUser(user.id, async (tx) => {
      for (let i = 0; i < 7; i++) {
        await tx.query(
          "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', '{}')",
          [target.tabId],
        );
      }
    });
    const sources = await Promise.all(Array.from({ length: WRITERS }, () => createDashboard(db, user)));
    const results = await concurrently(user.id, (writer, tx) =>
      tx.query('update charts set dashboard_tab_id = $1, position = null where id = $2', [
        target.tabId,
        sources[writer]?.chartId,
      ]),
    );
    const [count] = await queryAsOwner<{ n: number }>(db, 'select count(*) n from charts where dashboard_tab_id = $1', [
      target.tabId,
    ]);
    expect(count?.n).toBe(10);
    expect(sqlstates(results)).toEqual(Array(WRITERS - 2).fill('OC001'));
  });

  it('160 concurrent version saves keep all 160, numbered 1 to 160', async () => {
    const user = await createUser(db);
    const { dashboardId } = await createDashboard(db, user);
    const rounds = 10;
    const results = await Promise.allSettled(
      Array.from({ length: WRITERS }, () =>
        (async () => {
          for (let round = 0; round < rounds; round++) {
            await db.asUser(user.id, (tx) =>
              tx.query("insert into dashboard_versions (dashboard_id, change_summary) values ($1, 'save')", [
                dashboardId,
              ]),
            );
          }
        })(),
      ),
    );
    expect(sqlstates(results)).toEqual([]);
    const versions = await queryAsOwner<{ version_number: number }>(
      db,
      'select version_number from dashboard_versions where dashboard_id = $1 order by 1',
      [dashboardId],
    );
    expect(versions.map((v) => v.version_number)).toEqual(Array.from({ length: WRITERS * rounds }, (_, i) => i + 1));
  });

  it('tabs added at once all land, each at its own position', async () => {
    const user = await createUser(db);
    const { dashboardId } = await createDashboard(db, user);
    const results = await concurrently(user.id, (writer, tx) =>
      tx.query('insert into dashboard_tabs (dashboard_id, title) values ($1, $2)', [dashboardId, `tab ${writer}`]),
    );
    expect(sqlstates(results)).toEqual([]);
    const tabs = await queryAsOwner<{ position: number }>(
      db,
      'select position from dashboard_tabs where dashboard_id = $1 order by 1',
      [dashboardId],
    );
    expect(tabs.map((t) => t.position)).toEqual(Array.from({ length: WRITERS + 1 }, (_, i) => i));
  });

  it('admins stepping down at once never leave a team without an admin', async () => {
    const founder = await createUser(db, 'founder');
    const teamId = await createTeam(db, founder);
    const admins = [
      founder,
      ...(await Promise.all(Array.from({ length: WRITERS - 1 }, () => createUser(db, 'admin')))),
    ];
    for (const admin of admins.slice(1)) await addMember(db, founder, teamId, admin, 'admin');
    await Promise.allSettled(
      admins.map((admin) =>
        db.asUser(admin.id, async (tx) => {
          await tx.query("update user_team_memberships set role = 'viewer' where team_id = $1 and user_id = $2", [
            teamId,
            admin.id,
          ]);
          await tx.query('select pg_sleep(0.02)');
        }),
      ),
    );
    const [left] = await queryAsOwner<{ n: number }>(
      db,
      "select count(*) n from user_team_memberships where team_id = $1 and role = 'admin'",
      [teamId],
    );
    expect(left?.n).toBe(1);
    expect(await queryAs(db, founder, 'select 1 from teams where id = $1', [teamId])).toHaveLength(1);
  });
});
