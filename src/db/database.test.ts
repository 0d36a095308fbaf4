import { afterAll, describe, expect, inject, it } from 'vitest';
import { createUser, useTestDatabase } from '../../test/support/db.js';
import { Database, userCaller } from './database.js';
import { createPostgresDriver } from './postgres-driver.js';

const db = useTestDatabase();
// One connection, so that consecutive units of work are sure to share it, as they would behind
// pgbouncer in transaction mode.
const single = new Database(createPostgresDriver({ connectionString: inject('databaseUrl'), maxConnections: 1 }));
afterAll(() => single.close());

const whoAmI = `select current_user::text as role, auth.uid() as uid, auth.role() as jwt_role, auth.jwt() ->> 'email' as email`;

describe('a unit of work as a caller', () => {
  it('runs as authenticated with the caller’s claims', async () => {
    const user = await createUser(db);
    const { rows } = await db.asCaller(userCaller(user.id, user.email), (tx) => tx.query(whoAmI));
    expect(rows[0]).toEqual({ role: 'authenticated', uid: user.id, jwt_role: 'authenticated', email: user.email });
  });

  it('runs an anonymous caller as anon, with no user id', async () => {
    const { rows } = await db.asAnon((tx) => tx.query(whoAmI));
    expect(rows[0]).toEqual({ role: 'anon', uid: null, jwt_role: 'anon', email: null });
  });

  it('leaves nothing of the caller on the connection for the next unit of work', async () => {
    const user = await createUser(db);
    await single.asUser(user.id, (tx) => tx.query('select 1'));
    const { rows } = await single.asOwner((tx) => tx.query(whoAmI));
    expect(rows[0]).toMatchObject({ uid: null, jwt_role: null });
    expect(rows[0]?.role).not.toBe('authenticated');
  });

  it('does not leak one user’s identity to the next on a shared connection, even after an error', async () => {
    const [first, second] = await Promise.all([createUser(db), createUser(db)]);
    await expect(single.asUser(first.id, (tx) => tx.query('select 1/0'))).rejects.toMatchObject({ code: '22012' });
    const { rows } = await single.asUser(second.id, (tx) => tx.query(whoAmI));
    expect(rows[0]?.uid).toBe(second.id);
  });

  it('keeps nothing of a unit of work that fails half-way', async () => {
    const user = await createUser(db);
    await expect(
      db.asUser(user.id, async (tx) => {
        await tx.query("insert into dashboards (title, owner_user_id) values ('Half', $1)", [user.id]);
        throw new Error('crash mid-request');
      }),
    ).rejects.toThrow('crash mid-request');
    const { rows } = await db.asOwner((tx) => tx.query('select 1 from dashboards where owner_user_id = $1', [user.id]));
    expect(rows).toHaveLength(0);
  });

  it('runs server bookkeeping as service_role, which alone may write the model list', async () => {
    const user = await createUser(db);
    const modelId = `model-${user.id}`;
    await expect(
      db.asUser(user.id, (tx) =>
        tx.query("insert into llm_models (provider, model_id, display_name) values ('x', $1, 'X')", [modelId]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await db.asService((tx) =>
      tx.query("insert into llm_models (provider, model_id, display_name) values ('x', $1, 'X')", [modelId]),
    );
    const { rows } = await db.asUser(user.id, (tx) =>
      tx.query('select display_name from llm_models where model_id = $1', [modelId]),
    );
    expect(rows).toEqual([{ display_name: 'X' }]);
  });
});

describe('claims that look like SQL', () => {
  it('arrive exactly as sent, quotes and backslashes included, and run nothing', async () => {
    const user = await createUser(db);
    const claims = { note: "it's \\ a '); drop table dashboards; --", nested: { quote: "'\\'" } };
    const { rows } = await db.asCaller({ kind: 'user', userId: user.id, claims }, (tx) =>
      tx.query<{ claims: Record<string, unknown> }>("select current_setting('request.jwt.claims')::jsonb as claims"),
    );
    expect(rows[0]?.claims).toMatchObject(claims);
    const { rows: tables } = await db.asOwner((tx) =>
      tx.query("select to_regclass('public.dashboards') is not null as exists"),
    );
    expect(tables).toEqual([{ exists: true }]);
  });
});
