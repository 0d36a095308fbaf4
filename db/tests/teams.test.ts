import { describe, expect, it } from 'vitest';
import {
  changeAs,
  createUser,
  DENIED,
  queryAs,
  queryAsOwner,
  sqlstateOf,
  type TestUser,
  useTestDatabase,
} from '../../test/support/db.js';
import { addMember, createTeam } from '../../test/support/world.js';

const db = useTestDatabase();

async function teamWithRoles() {
  const [admin, editor, viewer, outsider] = await Promise.all([
    createUser(db, 'admin'),
    createUser(db, 'editor'),
    createUser(db, 'viewer'),
    createUser(db, 'outsider'),
  ]);
  const teamId = await createTeam(db, admin, 'Analytics');
  await addMember(db, admin, teamId, editor, 'editor');
  await addMember(db, admin, teamId, viewer, 'viewer');
  return { admin, editor, viewer, outsider, teamId };
}

async function roleOf(teamId: string, user: TestUser): Promise<string | undefined> {
  const rows = await queryAsOwner<{ role: string }>(
    db,
    'select role from user_team_memberships where team_id = $1 and user_id = $2',
    [teamId, user.id],
  );
  return rows[0]?.role;
}

describe('teams: create', () => {
  it('any signed-in user creates a team and becomes its admin', async () => {
    const user = await createUser(db, 'founder');
    const teamId = await createTeam(db, user, 'Founders');
    expect(await roleOf(teamId, user)).toBe('admin');
    expect(await queryAs(db, user, 'select name from teams where id = $1', [teamId])).toEqual([{ name: 'Founders' }]);
  });

  it('nobody creates a team in another user’s name', async () => {
    const [user, victim] = await Promise.all([createUser(db), createUser(db)]);
    const code = await sqlstateOf(
      queryAs(db, user, 'insert into teams (name, created_by) values ($1, $2)', ['Fake', victim.id]),
    );
    expect(code).toBe(DENIED);
  });

  it('an anonymous caller cannot create a team', async () => {
    expect(await sqlstateOf(queryAs(db, null, "insert into teams (name, created_by) values ('x', null)"))).toBe(DENIED);
  });
});

describe('teams: read', () => {
  it('every member reads the team, an outsider and anon do not', async () => {
    const { admin, editor, viewer, outsider, teamId } = await teamWithRoles();
    for (const member of [admin, editor, viewer]) {
      expect(await queryAs(db, member, 'select id from teams where id = $1', [teamId])).toHaveLength(1);
    }
    expect(await queryAs(db, outsider, 'select id from teams where id = $1', [teamId])).toHaveLength(0);
    expect(await sqlstateOf(queryAs(db, null, 'select id from teams'))).toBe(DENIED);
  });

  it('a creator who left his team no longer sees it', async () => {
    const { admin, editor, teamId } = await teamWithRoles();
    await changeAs(db, admin, "update user_team_memberships set role = 'admin' where user_id = $1", [editor.id]);
    expect(
      await changeAs(db, admin, 'delete from user_team_memberships where user_id = $1 and team_id = $2', [
        admin.id,
        teamId,
      ]),
    ).toBe(1);
    expect(await queryAs(db, admin, 'select id from teams where id = $1', [teamId])).toHaveLength(0);
  });
});

describe('teams: update and delete', () => {
  it('only an admin renames the team', async () => {
    const { admin, editor, viewer, outsider, teamId } = await teamWithRoles();
    for (const user of [editor, viewer, outsider]) {
      expect(await changeAs(db, user, "update teams set name = 'Hijacked' where id = $1", [teamId])).toBe(0);
    }
    expect(await changeAs(db, null, "update teams set name = 'Hijacked' where id = $1", [teamId]).catch(() => 0)).toBe(
      0,
    );
    expect(await changeAs(db, admin, "update teams set name = 'Renamed' where id = $1", [teamId])).toBe(1);
    const [team] = await queryAsOwner<{ name: string }>(db, 'select name from teams where id = $1', [teamId]);
    expect(team?.name).toBe('Renamed');
  });

  it('only an admin deletes the team, and its memberships go with it', async () => {
    const { admin, editor, viewer, outsider, teamId } = await teamWithRoles();
    for (const user of [editor, viewer, outsider]) {
      expect(await changeAs(db, user, 'delete from teams where id = $1', [teamId])).toBe(0);
    }
    expect(await changeAs(db, admin, 'delete from teams where id = $1', [teamId])).toBe(1);
    expect(await queryAsOwner(db, 'select 1 from user_team_memberships where team_id = $1', [teamId])).toHaveLength(0);
  });

  it('updated_at moves forward on every update', async () => {
    const { admin, teamId } = await teamWithRoles();
    const [before] = await queryAsOwner<{ updated_at: Date }>(db, 'select updated_at from teams where id = $1', [
      teamId,
    ]);
    await changeAs(db, admin, "update teams set description = 'new' where id = $1", [teamId]);
    const [after] = await queryAsOwner<{ updated_at: Date }>(db, 'select updated_at from teams where id = $1', [
      teamId,
    ]);
    expect(after?.updated_at.getTime()).toBeGreaterThan(before?.updated_at.getTime() ?? Number.POSITIVE_INFINITY);
  });
});

describe('memberships', () => {
  it('members see the roster of their team; an outsider sees none of it', async () => {
    const { admin, editor, viewer, outsider, teamId } = await teamWithRoles();
    for (const member of [admin, editor, viewer]) {
      const rows = await queryAs(db, member, 'select user_id from user_team_memberships where team_id = $1', [teamId]);
      expect(rows).toHaveLength(3);
    }
    expect(
      await queryAs(db, outsider, 'select 1 from user_team_memberships where team_id = $1', [teamId]),
    ).toHaveLength(0);
    expect(await sqlstateOf(queryAs(db, null, 'select 1 from user_team_memberships'))).toBe(DENIED);
  });

  it('nobody joins a team by himself', async () => {
    const { outsider, teamId } = await teamWithRoles();
    const code = await sqlstateOf(
      queryAs(db, outsider, "insert into user_team_memberships (user_id, team_id, role) values ($1, $2, 'admin')", [
        outsider.id,
        teamId,
      ]),
    );
    expect(code).toBe(DENIED);
    expect(await roleOf(teamId, outsider)).toBeUndefined();
  });

  it('editors and viewers cannot add members; an admin can', async () => {
    const { admin, editor, viewer, teamId } = await teamWithRoles();
    const newcomer = await createUser(db, 'newcomer');
    for (const member of [editor, viewer]) {
      const code = await sqlstateOf(
        queryAs(db, member, "insert into user_team_memberships (user_id, team_id, role) values ($1, $2, 'viewer')", [
          newcomer.id,
          teamId,
        ]),
      );
      expect(code).toBe(DENIED);
    }
    await addMember(db, admin, teamId, newcomer, 'viewer');
    expect(await roleOf(teamId, newcomer)).toBe('viewer');
  });

  it('an admin of one team cannot add members to another team', async () => {
    const { admin } = await teamWithRoles();
    const other = await teamWithRoles();
    const code = await sqlstateOf(
      queryAs(db, admin, "insert into user_team_memberships (user_id, team_id, role) values ($1, $2, 'admin')", [
        admin.id,
        other.teamId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('only admins change roles: an editor cannot promote himself', async () => {
    const { admin, editor, viewer, teamId } = await teamWithRoles();
    expect(
      await changeAs(db, editor, "update user_team_memberships set role = 'admin' where user_id = $1", [editor.id]),
    ).toBe(0);
    expect(
      await changeAs(db, viewer, "update user_team_memberships set role = 'editor' where user_id = $1", [viewer.id]),
    ).toBe(0);
    expect(await roleOf(teamId, editor)).toBe('editor');
    expect(
      await changeAs(db, admin, "update user_team_memberships set role = 'editor' where user_id = $1", [viewer.id]),
    ).toBe(1);
    expect(await roleOf(teamId, viewer)).toBe('editor');
  });

  it('a membership cannot be moved to another team or user', async () => {
    const { admin, viewer, teamId } = await teamWithRoles();
    const otherTeam = await createTeam(db, admin, 'Second');
    const code = await sqlstateOf(
      queryAs(db, admin, 'update user_team_memberships set team_id = $1 where user_id = $2 and team_id = $3', [
        otherTeam,
        viewer.id,
        teamId,
      ]),
    );
    expect(code).toBe(DENIED);
  });

  it('admins remove members, members may leave, others cannot remove anyone', async () => {
    const { admin, editor, viewer, outsider, teamId } = await teamWithRoles();
    const remove = (actor: TestUser | null, who: TestUser) =>
      changeAs(db, actor, 'delete from user_team_memberships where team_id = $1 and user_id = $2', [teamId, who.id]);
    expect(await remove(outsider, viewer)).toBe(0);
    expect(await remove(editor, viewer)).toBe(0);
    expect(await remove(null, viewer).catch(() => 0)).toBe(0);
    expect(await roleOf(teamId, viewer)).toBe('viewer');
    expect(await remove(viewer, viewer)).toBe(1);
    expect(await remove(admin, editor)).toBe(1);
    expect(await roleOf(teamId, editor)).toBeUndefined();
  });
});

describe('a team never loses its last admin', () => {
  it('the last admin cannot demote himself', async () => {
    const { admin, teamId } = await teamWithRoles();
    const code = await sqlstateOf(
      queryAs(db, admin, "update user_team_memberships set role = 'editor' where user_id = $1 and team_id = $2", [
        admin.id,
        teamId,
      ]),
    );
    expect(code).toBe('OC002');
  });

  it('the last admin cannot leave', async () => {
    const { admin, teamId } = await teamWithRoles();
    const code = await sqlstateOf(
      queryAs(db, admin, 'delete from user_team_memberships where user_id = $1 and team_id = $2', [admin.id, teamId]),
    );
    expect(code).toBe('OC002');
    expect(await roleOf(teamId, admin)).toBe('admin');
  });

  it('the last admin’s account cannot be deleted while the team exists', async () => {
    const { admin } = await teamWithRoles();
    expect(await sqlstateOf(queryAsOwner(db, 'delete from auth.users where id = $1', [admin.id]))).toBe('OC002');
  });

  it('with a second admin, the first may step down', async () => {
    const { admin, editor, teamId } = await teamWithRoles();
    await changeAs(db, admin, "update user_team_memberships set role = 'admin' where user_id = $1", [editor.id]);
    expect(
      await changeAs(
        db,
        admin,
        "update user_team_memberships set role = 'viewer' where user_id = $1 and team_id = $2",
        [admin.id, teamId],
      ),
    ).toBe(1);
  });

  it('deleting the team is allowed and removes the last admin with it', async () => {
    const { admin, teamId } = await teamWithRoles();
    expect(await changeAs(db, admin, 'delete from teams where id = $1', [teamId])).toBe(1);
  });
});
