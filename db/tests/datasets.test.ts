import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeAs,
  DENIED,
  queryAs,
  queryAsOwner,
  sqlstateOf,
  type TestUser,
  useTestDatabase,
} from '../../test/support/db.js';
import { type Actor, actorIn, createWorld, type World } from '../../test/support/world.js';

// Datasets (migration 0012): personal or team-owned, like dashboards. The owner and a team's
// editors and admins write; a team's viewers read; nobody else learns they exist.

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld(db);
});

const actor = (name: Actor): TestUser | null => actorIn(world, name);

async function insertDataset(as: TestUser, owner: { teamId?: string }, tableName = `t_${randomUUID().slice(0, 8)}`) {
  const [row] = await queryAs<{ id: string }>(
    db,
    as,
    `insert into datasets (name, table_name, owner_user_id, owner_team_id, storage_key)
     values ('Sales', $1, $2, $3, gen_random_uuid()) returning id`,
    [tableName, owner.teamId ? null : as.id, owner.teamId ?? null],
  );
  return row?.id as string;
}

describe('reading datasets', () => {
  const expected: Record<Actor, { personal: boolean; team: boolean }> = {
    owner: { personal: true, team: true },
    editor: { personal: false, team: true },
    viewer: { personal: false, team: true },
    outsider: { personal: false, team: false },
    anon: { personal: false, team: false },
  };
  for (const [name, sees] of Object.entries(expected) as [Actor, { personal: boolean; team: boolean }][]) {
    it(`${name}: sees the owner's personal dataset: ${sees.personal}; the team's: ${sees.team}`, async () => {
      const personal = await insertDataset(world.owner, {});
      const team = await insertDataset(world.owner, { teamId: world.teamId });
      const who = actor(name);
      const read = async (id: string) =>
        who === null
          ? await sqlstateOf(queryAs(db, null, 'select id from datasets where id = $1', [id])).then(() => [])
          : await queryAs(db, who, 'select id from datasets where id = $1', [id]);
      expect((await read(personal)).length > 0).toBe(sees.personal);
      expect((await read(team)).length > 0).toBe(sees.team);
    });
  }
});

describe('writing datasets', () => {
  it('a team viewer cannot create a team dataset, change or delete one', async () => {
    const id = await insertDataset(world.owner, { teamId: world.teamId });
    expect(await sqlstateOf(insertDataset(world.viewer, { teamId: world.teamId }))).toBe(DENIED);
    expect(await changeAs(db, world.viewer, "update datasets set name = 'Mine now' where id = $1", [id])).toBe(0);
    expect(await changeAs(db, world.viewer, 'delete from datasets where id = $1', [id])).toBe(0);
    const [row] = await queryAsOwner<{ name: string }>(db, 'select name from datasets where id = $1', [id]);
    expect(row?.name).toBe('Sales');
  });

  it('an outsider cannot create a dataset in the team, nor in the owner’s name, nor touch one', async () => {
    const id = await insertDataset(world.owner, {});
    expect(await sqlstateOf(insertDataset(world.outsider, { teamId: world.teamId }))).toBe(DENIED);
    expect(
      await sqlstateOf(
        queryAs(db, world.outsider, "insert into datasets (name, table_name, owner_user_id) values ('x', 'x', $1)", [
          world.owner.id,
        ]),
      ),
    ).toBe(DENIED);
    expect(
      await changeAs(db, world.outsider, 'update datasets set storage_key = gen_random_uuid() where id = $1', [id]),
    ).toBe(0);
    expect(await changeAs(db, world.outsider, 'delete from datasets where id = $1', [id])).toBe(0);
  });

  it('an anonymous caller can do nothing at all', async () => {
    expect(await sqlstateOf(queryAs(db, null, "insert into datasets (name, table_name) values ('x', 'x')"))).toBe(
      DENIED,
    );
  });

  it('a team editor changes and deletes team datasets', async () => {
    const id = await insertDataset(world.owner, { teamId: world.teamId });
    expect(await changeAs(db, world.editor, "update datasets set name = 'Renamed' where id = $1", [id])).toBe(1);
    expect(await changeAs(db, world.editor, 'delete from datasets where id = $1', [id])).toBe(1);
  });

  it('a dataset cannot be handed to another owner, and its table name stays', async () => {
    const id = await insertDataset(world.owner, {});
    expect(
      await sqlstateOf(
        changeAs(db, world.owner, 'update datasets set owner_user_id = $2 where id = $1', [id, world.outsider.id]),
      ),
    ).toBe(DENIED);
    expect(
      await sqlstateOf(changeAs(db, world.owner, "update datasets set table_name = 'other' where id = $1", [id])),
    ).toBe(DENIED);
  });

  it('one table name per owner; another owner may use it too', async () => {
    await insertDataset(world.owner, {}, 'orders');
    expect(await sqlstateOf(insertDataset(world.owner, {}, 'orders'))).toBe('23505');
    await insertDataset(world.owner, { teamId: world.teamId }, 'orders');
    await insertDataset(world.outsider, {}, 'orders');
  });

  it('refuses a table name that is not a plain identifier', async () => {
    for (const name of ['Orders', '1st', 'drop table', 'a"b', ''])
      expect(await sqlstateOf(insertDataset(world.owner, {}, name))).toBe('23514');
  });
});

describe('loads are counted by the database', () => {
  it('each new storage key is one more data version, stamped with who and when; sent values are ignored', async () => {
    const [row] = await queryAs<{ id: string; data_version: number; loaded_by: string }>(
      db,
      world.editor,
      `insert into datasets (name, table_name, owner_team_id, data_version, loaded_by)
       values ('Empty', $1, $2, 99, $3) returning id, data_version, loaded_by`,
      [`e_${randomUUID().slice(0, 8)}`, world.teamId, world.owner.id],
    );
    expect(row).toMatchObject({ data_version: 0, loaded_by: null });
    const id = row?.id as string;
    await changeAs(db, world.editor, 'update datasets set storage_key = gen_random_uuid() where id = $1', [id]);
    await changeAs(db, world.owner, 'update datasets set storage_key = gen_random_uuid() where id = $1', [id]);
    await changeAs(db, world.owner, "update datasets set name = 'Renamed' where id = $1", [id]);
    const [after] = await queryAsOwner<{ data_version: number; loaded_by: string; loaded_at: Date | null }>(
      db,
      'select data_version, loaded_by, loaded_at from datasets where id = $1',
      [id],
    );
    expect(after).toMatchObject({ data_version: 2, loaded_by: world.owner.id });
    expect(after?.loaded_at).not.toBeNull();
    expect(
      await sqlstateOf(changeAs(db, world.owner, 'update datasets set data_version = 7 where id = $1', [id])),
    ).toBe(DENIED);
  });
});

describe('which charts use a dataset', () => {
  it('dataset_chart_count counts charts on every dashboard for the dataset’s editors, and answers nobody else', async () => {
    const id = await insertDataset(world.owner, { teamId: world.teamId });
    const spec = { version: 1, type: 'bar', data: { dataset_id: id, sql: 'select 1' } };
    // A chart on the owner's personal dashboard, which the editor cannot see.
    await changeAs(
      db,
      world.owner,
      "insert into charts (dashboard_tab_id, title, chart_type, configuration) values ($1, 'c', 'bar', $2)",
      [world.personal.tabId, spec],
    );
    const count = (who: TestUser) =>
      queryAs<{ n: number | null }>(db, who, 'select dataset_chart_count($1) as n', [id]);
    expect((await count(world.editor))[0]?.n).toBe(1);
    expect(
      (
        await queryAs(
          db,
          world.editor,
          'select id from charts where id in (select id from charts where configuration @> $1)',
          [{ data: { dataset_id: id } }],
        )
      ).length,
    ).toBe(0);
    expect((await count(world.viewer))[0]?.n).toBeNull();
    expect((await count(world.outsider))[0]?.n).toBeNull();
  });
});
