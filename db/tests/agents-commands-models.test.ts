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
import { type Actor, actorIn, addMember, createTeam, createWorld, type World } from '../../test/support/world.js';

// Agents and custom commands (migration 0006) are owned by a user or a team and may be public;
// LLM models are a list the server keeps.

const db = useTestDatabase();

let world: World;
/** A second team, where the editor of the first is only a viewer and the owner is not a member. */
let otherTeamId: string;
beforeAll(async () => {
  world = await createWorld(db);
  otherTeamId = await createTeam(db, world.outsider, 'Elsewhere');
  await addMember(db, world.outsider, otherTeamId, world.editor, 'viewer');
});

const actor = (name: Actor): TestUser | null => actorIn(world, name);
const who = (name: Actor): string =>
  ({
    owner: 'the owner (team admin)',
    editor: 'a team editor',
    viewer: 'a team viewer',
    outsider: 'an outsider',
    anon: 'an anonymous caller',
  })[name];

/** The two tables share their rules; each is created through its own INSERT. */
const TABLES = {
  agents: {
    thing: 'agent',
    insert: `insert into agents (name, instructions, owner_user_id, owner_team_id, is_public)
             values ($1, 'Answer with charts.', $2, $3, $4) returning id`,
  },
  custom_commands: {
    thing: 'command',
    insert: `insert into custom_commands (name, command_pattern, handler_config, owner_user_id, owner_team_id, is_public)
             values ($1, '^/report$', '{"action": "report"}', $2, $3, $4) returning id`,
  },
} as const;

interface Ownership {
  user?: TestUser;
  teamId?: string;
  isPublic?: boolean;
}

for (const [table, { thing, insert }] of Object.entries(TABLES)) {
  /** Inserts as `caller`, owned as `owner` says; returns the new id. */
  const create = async (caller: TestUser | null, owner: Ownership): Promise<string> => {
    const [row] = await queryAs<{ id: string }>(db, caller, insert, [
      `${thing} ${randomUUID().slice(0, 8)}`,
      owner.user?.id ?? null,
      owner.teamId ?? null,
      owner.isPublic ?? false,
    ]);
    if (!row) throw new Error(`${thing} was not created`);
    return row.id;
  };
  const personal = (isPublic = false) => create(world.owner, { user: world.owner, isPublic });
  const teamOwned = () => create(world.editor, { teamId: world.teamId });
  const descriptionOf = async (id: string) =>
    (await queryAsOwner<{ description: string | null }>(db, `select description from ${table} where id = $1`, [id]))[0]
      ?.description;
  const ownerOf = async (id: string) =>
    (
      await queryAsOwner<{ owner_user_id: string | null; owner_team_id: string | null }>(
        db,
        `select owner_user_id, owner_team_id from ${table} where id = $1`,
        [id],
      )
    )[0];
  const exists = async (id: string) =>
    (await queryAsOwner(db, `select 1 from ${table} where id = $1`, [id])).length === 1;

  describe(`${table}: SELECT`, () => {
    for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const reads = name === 'owner';
      it(`${who(name)} ${reads ? 'reads' : 'does not read'} the owner's private ${thing}`, async () => {
        const id = await personal();
        expect(await queryAs(db, world[name], `select id from ${table} where id = $1`, [id])).toHaveLength(
          reads ? 1 : 0,
        );
      });
    }

    it(`every signed-in user reads a public ${thing}`, async () => {
      const id = await personal(true);
      for (const name of ['editor', 'viewer', 'outsider'] as const) {
        expect(await queryAs(db, world[name], `select id from ${table} where id = $1`, [id])).toHaveLength(1);
      }
    });

    for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const reads = name !== 'outsider';
      it(`${who(name)} ${reads ? 'reads' : 'does not read'} a private team ${thing}`, async () => {
        const id = await teamOwned();
        expect(await queryAs(db, world[name], `select id from ${table} where id = $1`, [id])).toHaveLength(
          reads ? 1 : 0,
        );
      });
    }

    it(`an anonymous caller reads no ${thing}, not even a public one`, async () => {
      await personal(true);
      expect(await sqlstateOf(queryAs(db, null, `select id from ${table}`))).toBe(DENIED);
    });
  });

  describe(`${table}: INSERT`, () => {
    it(`a user creates a personal ${thing} for himself`, async () => {
      const id = await create(world.outsider, { user: world.outsider });
      expect(await ownerOf(id)).toEqual({ owner_user_id: world.outsider.id, owner_team_id: null });
    });

    it(`nobody creates a ${thing} in another user's name`, async () => {
      const code = await sqlstateOf(create(world.outsider, { user: world.owner, isPublic: true }));
      expect(code).toBe(DENIED);
    });

    for (const name of ['owner', 'editor', 'viewer', 'outsider', 'anon'] as const) {
      const may = name === 'owner' || name === 'editor';
      it(`${who(name)} ${may ? 'creates' : 'cannot create'} a team ${thing}`, async () => {
        const creating = create(actor(name), { teamId: world.teamId });
        if (may) expect(await exists(await creating)).toBe(true);
        else expect(await sqlstateOf(creating)).toBe(DENIED);
      });
    }

    it(`a ${thing} owned by both a user and a team is refused`, async () => {
      const code = await sqlstateOf(create(world.owner, { user: world.owner, teamId: world.teamId }));
      expect([DENIED, '23514']).toContain(code);
    });

    it(`not even the server stores a ${thing} with two owners or none`, async () => {
      const insertAsServer = (userId: string | null, teamId: string | null) =>
        sqlstateOf(db.asService((tx) => tx.query(insert, [thing, userId, teamId, false])));
      expect(await insertAsServer(world.owner.id, world.teamId)).toBe('23514');
      expect(await insertAsServer(null, null)).toBe('23514');
    });

    it(`an anonymous caller cannot create a ${thing}, even an ownerless one`, async () => {
      expect(await sqlstateOf(create(null, {}))).toBe(DENIED);
    });
  });

  describe(`${table}: UPDATE`, () => {
    it(`the owner edits his ${thing}`, async () => {
      const id = await personal();
      expect(await changeAs(db, world.owner, `update ${table} set description = 'mine' where id = $1`, [id])).toBe(1);
      expect(await descriptionOf(id)).toBe('mine');
    });

    for (const isPublic of [false, true]) {
      it(`another user cannot edit a ${isPublic ? 'public' : 'private'} ${thing} he does not own`, async () => {
        const id = await personal(isPublic);
        expect(
          await changeAs(db, world.outsider, `update ${table} set description = 'defaced' where id = $1`, [id]),
        ).toBe(0);
        expect(await descriptionOf(id)).toBeNull();
      });
    }

    for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const may = name === 'owner' || name === 'editor';
      it(`${who(name)} ${may ? 'edits' : 'cannot edit'} a team ${thing}`, async () => {
        const id = await teamOwned();
        const changed = await changeAs(db, world[name], `update ${table} set description = $1 where id = $2`, [
          name,
          id,
        ]);
        expect(changed).toBe(may ? 1 : 0);
        expect(await descriptionOf(id)).toBe(may ? name : null);
      });
    }

    it(`an anonymous caller cannot edit a ${thing}`, async () => {
      const id = await personal(true);
      const update = queryAs(db, null, `update ${table} set description = 'x' where id = $1`, [id]);
      expect(await sqlstateOf(update)).toBe(DENIED);
    });
  });

  describe(`${table}: moving to another owner`, () => {
    for (const isPublic of [false, true]) {
      it(`nobody gives his ${isPublic ? 'public' : 'private'} ${thing} to another user`, async () => {
        // A public one stays readable after the move, so only the write rule can refuse it.
        const id = await personal(isPublic);
        const move = queryAs(db, world.owner, `update ${table} set owner_user_id = $1 where id = $2`, [
          world.outsider.id,
          id,
        ]);
        expect(await sqlstateOf(move)).toBe(DENIED);
        expect(await ownerOf(id)).toEqual({ owner_user_id: world.owner.id, owner_team_id: null });
      });
    }

    it(`nobody moves his ${thing} into a team he is not a member of`, async () => {
      const id = await personal();
      const move = queryAs(
        db,
        world.owner,
        `update ${table} set owner_user_id = null, owner_team_id = $1 where id = $2`,
        [otherTeamId, id],
      );
      expect(await sqlstateOf(move)).toBe(DENIED);
    });

    it(`nobody moves a ${thing} into a team where he is only a viewer`, async () => {
      const mine = await create(world.editor, { user: world.editor });
      const intoViewerTeam = queryAs(
        db,
        world.editor,
        `update ${table} set owner_user_id = null, owner_team_id = $1 where id = $2`,
        [otherTeamId, mine],
      );
      expect(await sqlstateOf(intoViewerTeam)).toBe(DENIED);

      const teams = await teamOwned();
      const acrossTeams = queryAs(db, world.editor, `update ${table} set owner_team_id = $1 where id = $2`, [
        otherTeamId,
        teams,
      ]);
      expect(await sqlstateOf(acrossTeams)).toBe(DENIED);
      expect(await ownerOf(teams)).toEqual({ owner_user_id: null, owner_team_id: world.teamId });
    });

    it(`a user moves his ${thing} into a team where he is editor`, async () => {
      const id = await create(world.editor, { user: world.editor });
      const changed = await changeAs(
        db,
        world.editor,
        `update ${table} set owner_user_id = null, owner_team_id = $1 where id = $2`,
        [world.teamId, id],
      );
      expect(changed).toBe(1);
      expect(await ownerOf(id)).toEqual({ owner_user_id: null, owner_team_id: world.teamId });
    });

    it(`another user cannot take over a public ${thing}`, async () => {
      const id = await personal(true);
      const changed = await changeAs(db, world.outsider, `update ${table} set owner_user_id = $1 where id = $2`, [
        world.outsider.id,
        id,
      ]);
      expect(changed).toBe(0);
      expect(await ownerOf(id)).toEqual({ owner_user_id: world.owner.id, owner_team_id: null });
    });

    it(`a team viewer cannot take a team ${thing} for himself`, async () => {
      const id = await teamOwned();
      const changed = await changeAs(
        db,
        world.viewer,
        `update ${table} set owner_user_id = $1, owner_team_id = null where id = $2`,
        [world.viewer.id, id],
      );
      expect(changed).toBe(0);
      expect(await ownerOf(id)).toEqual({ owner_user_id: null, owner_team_id: world.teamId });
    });

    it(`a team editor, who may edit a team ${thing}, cannot take it away from the team`, async () => {
      const id = await teamOwned();
      const take = queryAs(
        db,
        world.editor,
        `update ${table} set owner_user_id = $1, owner_team_id = null where id = $2`,
        [world.editor.id, id],
      );
      expect(await sqlstateOf(take)).toBe(DENIED);
      expect(await ownerOf(id)).toEqual({ owner_user_id: null, owner_team_id: world.teamId });
    });

    it(`a team admin may move a team ${thing} to himself`, async () => {
      const id = await teamOwned();
      const changed = await changeAs(
        db,
        world.owner,
        `update ${table} set owner_user_id = $1, owner_team_id = null where id = $2`,
        [world.owner.id, id],
      );
      expect(changed).toBe(1);
    });
  });

  describe(`${table}: DELETE`, () => {
    it(`the owner deletes his ${thing}`, async () => {
      const id = await personal();
      expect(await changeAs(db, world.owner, `delete from ${table} where id = $1`, [id])).toBe(1);
      expect(await exists(id)).toBe(false);
    });

    for (const isPublic of [false, true]) {
      it(`another user cannot delete a ${isPublic ? 'public' : 'private'} ${thing} he does not own`, async () => {
        const id = await personal(isPublic);
        expect(await changeAs(db, world.outsider, `delete from ${table} where id = $1`, [id])).toBe(0);
        expect(await exists(id)).toBe(true);
      });
    }

    for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const may = name === 'owner' || name === 'editor';
      it(`${who(name)} ${may ? 'deletes' : 'cannot delete'} a team ${thing}`, async () => {
        const id = await teamOwned();
        expect(await changeAs(db, world[name], `delete from ${table} where id = $1`, [id])).toBe(may ? 1 : 0);
        expect(await exists(id)).toBe(!may);
      });
    }

    it(`an anonymous caller cannot delete a ${thing}`, async () => {
      const id = await personal(true);
      expect(await sqlstateOf(queryAs(db, null, `delete from ${table} where id = $1`, [id]))).toBe(DENIED);
      expect(await exists(id)).toBe(true);
    });
  });
}

describe('llm_models', () => {
  /** Adds a model as the server does (service_role); returns its id. */
  async function addModel(): Promise<string> {
    return db.asService(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into llm_models (provider, model_id, display_name) values ('anthropic', $1, 'Test model') returning id`,
        [`test-model-${randomUUID()}`],
      );
      return rows[0]?.id as string;
    });
  }
  const modelRow = async (id: string) =>
    (
      await queryAsOwner<{ display_name: string; is_active: boolean }>(db, 'select * from llm_models where id = $1', [
        id,
      ])
    )[0];

  it('every signed-in user reads the models', async () => {
    const id = await addModel();
    for (const name of ['owner', 'viewer', 'outsider'] as const) {
      expect(await queryAs(db, world[name], 'select id from llm_models where id = $1', [id])).toHaveLength(1);
    }
  });

  it('an anonymous caller cannot read the models', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from llm_models'))).toBe(DENIED);
  });

  for (const name of ['outsider', 'anon'] as const) {
    it(`${who(name)} cannot add a model`, async () => {
      const insert = queryAs(
        db,
        actor(name),
        "insert into llm_models (provider, model_id, display_name) values ('evil', $1, 'Backdoor')",
        [randomUUID()],
      );
      expect(await sqlstateOf(insert)).toBe(DENIED);
    });

    it(`${who(name)} cannot change or disable a model`, async () => {
      const id = await addModel();
      const update = queryAs(
        db,
        actor(name),
        "update llm_models set is_active = false, display_name = 'x' where id = $1",
        [id],
      );
      expect(await sqlstateOf(update)).toBe(DENIED);
      expect(await modelRow(id)).toMatchObject({ display_name: 'Test model', is_active: true });
    });

    it(`${who(name)} cannot delete a model`, async () => {
      const id = await addModel();
      expect(await sqlstateOf(queryAs(db, actor(name), 'delete from llm_models where id = $1', [id]))).toBe(DENIED);
      expect(await modelRow(id)).toBeDefined();
    });
  }

  it('the server (service_role) adds, changes and deletes models', async () => {
    const id = await addModel();
    await db.asService((tx) => tx.query('update llm_models set is_active = false where id = $1', [id]));
    expect(await modelRow(id)).toMatchObject({ is_active: false });
    await db.asService((tx) => tx.query('delete from llm_models where id = $1', [id]));
    expect(await modelRow(id)).toBeUndefined();
  });
});
