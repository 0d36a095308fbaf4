import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
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

// User profiles (migration 0002): made for each new auth user, private to their owner; teammates
// see each other's name and avatar only through public.profile_cards.

const db = useTestDatabase();

let ada: TestUser;
let grace: TestUser; // Ada's teammate
let eve: TestUser; // in no team with either

beforeAll(async () => {
  [ada, grace, eve] = await Promise.all([createUser(db, 'Ada'), createUser(db, 'Grace'), createUser(db, 'Eve')]);
  const teamId = await createTeam(db, ada, 'Engines');
  await addMember(db, ada, teamId, grace, 'viewer');
  await queryAsOwner(
    db,
    "update user_profiles set avatar_url = 'https://example.test/a.png', preferences = $2 where id = $1",
    [ada.id, { theme: 'dark', secret: 'ada-preference' }],
  );
});

const profileRow = async (id: string) =>
  (
    await queryAsOwner<{ display_name: string; timezone: string; updated_at: Date }>(
      db,
      'select * from user_profiles where id = $1',
      [id],
    )
  )[0];

/** Signs a user up directly in auth.users, as the auth server does. */
async function signUp(email: string, meta: object | null): Promise<string> {
  const id = randomUUID();
  await queryAsOwner(db, 'insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)', [
    id,
    email,
    meta,
  ]);
  return id;
}

describe('a profile for every new user', () => {
  it('takes its display name from the sign-up metadata', async () => {
    const id = await signUp(`lin-${randomUUID()}@example.test`, { display_name: 'Lin Wei' });
    expect((await profileRow(id))?.display_name).toBe('Lin Wei');
  });

  it('falls back to full_name, then to the email’s local part', async () => {
    const full = await signUp(`x-${randomUUID()}@example.test`, { full_name: 'Kim Park' });
    const suffix = randomUUID().slice(0, 8);
    const bare = await signUp(`grace.hopper.${suffix}@example.test`, null);
    const blank = await signUp(`blank.${suffix}@example.test`, { display_name: '   ' });
    expect((await profileRow(full))?.display_name).toBe('Kim Park');
    expect((await profileRow(bare))?.display_name).toBe(`grace.hopper.${suffix}`);
    expect((await profileRow(blank))?.display_name).toBe(`blank.${suffix}`);
  });

  it('goes when its user is deleted', async () => {
    const id = await signUp(`gone-${randomUUID()}@example.test`, null);
    await queryAsOwner(db, 'delete from auth.users where id = $1', [id]);
    expect(await profileRow(id)).toBeUndefined();
  });
});

describe('user_profiles: SELECT', () => {
  it('a user reads his own profile, preferences included', async () => {
    const rows = await queryAs(db, ada, 'select display_name, preferences from user_profiles where id = $1', [ada.id]);
    expect(rows).toEqual([{ display_name: 'Ada', preferences: { theme: 'dark', secret: 'ada-preference' } }]);
  });

  it('a user reads no other profile, not even a teammate’s', async () => {
    expect(await queryAs(db, grace, 'select * from user_profiles where id = $1', [ada.id])).toHaveLength(0);
    expect(await queryAs(db, eve, 'select * from user_profiles where id = $1', [ada.id])).toHaveLength(0);
    const all = await queryAs<{ id: string }>(db, grace, 'select id from user_profiles');
    expect(all.map((r) => r.id)).toEqual([grace.id]);
  });

  it('an anonymous caller cannot read profiles', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from user_profiles'))).toBe(DENIED);
  });
});

describe('user_profiles: INSERT', () => {
  it('nobody creates a profile for someone else', async () => {
    const id = await signUp(`target-${randomUUID()}@example.test`, null);
    await queryAsOwner(db, 'delete from user_profiles where id = $1', [id]);
    const insert = queryAs(db, eve, "insert into user_profiles (id, display_name) values ($1, 'Impostor')", [id]);
    expect(await sqlstateOf(insert)).toBe(DENIED);
    expect(await profileRow(id)).toBeUndefined();
  });

  it('a user whose profile is missing creates his own', async () => {
    const user = await createUser(db, 'late');
    await queryAsOwner(db, 'delete from user_profiles where id = $1', [user.id]);
    const rows = await queryAs(
      db,
      user,
      "insert into user_profiles (id, display_name) values ($1, 'Late') returning id",
      [user.id],
    );
    expect(rows).toEqual([{ id: user.id }]);
  });

  it('an anonymous caller cannot create a profile', async () => {
    const id = await signUp(`anon-target-${randomUUID()}@example.test`, null);
    await queryAsOwner(db, 'delete from user_profiles where id = $1', [id]);
    const insert = queryAs(db, null, "insert into user_profiles (id, display_name) values ($1, 'Anon')", [id]);
    expect(await sqlstateOf(insert)).toBe(DENIED);
  });
});

describe('user_profiles: UPDATE', () => {
  it('a user updates his own profile, and updated_at moves', async () => {
    const user = await createUser(db, 'mover');
    const before = (await profileRow(user.id))?.updated_at as Date;
    expect(
      await changeAs(db, user, "update user_profiles set timezone = 'Europe/Paris' where id = $1", [user.id]),
    ).toBe(1);
    const after = await profileRow(user.id);
    expect(after?.timezone).toBe('Europe/Paris');
    expect(after?.updated_at.getTime()).toBeGreaterThan(before.getTime());
  });

  for (const [label, user] of [
    ['a teammate', () => grace],
    ['an outsider', () => eve],
  ] as const) {
    it(`${label} updates no other profile`, async () => {
      const changed = await changeAs(db, user(), "update user_profiles set display_name = 'Hacked' where id = $1", [
        ada.id,
      ]);
      expect(changed).toBe(0);
      expect((await profileRow(ada.id))?.display_name).toBe('Ada');
    });
  }

  it('a blanket UPDATE changes the caller’s own profile and no other', async () => {
    // Without a WHERE clause only the UPDATE rule decides: the read rule is not consulted.
    const user = await createUser(db, 'blanket');
    expect(await changeAs(db, user, "update user_profiles set display_name = 'Blanket'")).toBe(1);
    expect((await profileRow(ada.id))?.display_name).toBe('Ada');
  });

  it('a user cannot turn his profile into someone else’s', async () => {
    const user = await createUser(db, 'shifty');
    const target = await signUp(`target-${randomUUID()}@example.test`, null);
    await queryAsOwner(db, 'delete from user_profiles where id = $1', [target]);
    const update = queryAs(db, user, 'update user_profiles set id = $1 where id = $2', [target, user.id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
    // The same without a WHERE clause, where only the UPDATE rule's check stands in the way.
    expect(await sqlstateOf(queryAs(db, user, 'update user_profiles set id = $1', [target]))).toBe(DENIED);
    expect(await profileRow(target)).toBeUndefined();
  });

  it('an anonymous caller cannot update profiles', async () => {
    const update = queryAs(db, null, "update user_profiles set display_name = 'Anon' where id = $1", [ada.id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
    expect((await profileRow(ada.id))?.display_name).toBe('Ada');
  });
});

describe('user_profiles: DELETE', () => {
  it('nobody deletes a profile directly, not even his own', async () => {
    const user = await createUser(db, 'stays');
    expect(await sqlstateOf(queryAs(db, user, 'delete from user_profiles where id = $1', [user.id]))).toBe(DENIED);
    expect(await sqlstateOf(queryAs(db, null, 'delete from user_profiles where id = $1', [user.id]))).toBe(DENIED);
    expect(await profileRow(user.id)).toBeDefined();
  });
});

describe('profile_cards', () => {
  const cards = (user: TestUser | null, ids: string[]) =>
    queryAs(db, user, 'select * from public.profile_cards($1) order by display_name', [ids]);

  it('a teammate gets the other’s name and avatar, and nothing else', async () => {
    expect(await cards(grace, [ada.id])).toEqual([
      { id: ada.id, display_name: 'Ada', avatar_url: 'https://example.test/a.png' },
    ]);
  });

  it('a user gets his own card and his teammates’ cards, in one call', async () => {
    const rows = await cards(ada, [ada.id, grace.id, eve.id]);
    expect(rows.map((r) => r.id)).toEqual([ada.id, grace.id]);
  });

  it('an outsider gets nothing about people he shares no team with', async () => {
    expect(await cards(eve, [ada.id, grace.id])).toEqual([]);
  });

  it('a former teammate gets nothing once he has left the team', async () => {
    const [left, stayer] = await Promise.all([createUser(db, 'Leaver'), createUser(db, 'Stayer')]);
    const teamId = await createTeam(db, stayer, 'Transient');
    await addMember(db, stayer, teamId, left, 'viewer');
    expect(await cards(left, [stayer.id])).toHaveLength(1);
    await changeAs(db, left, 'delete from user_team_memberships where team_id = $1 and user_id = $2', [
      teamId,
      left.id,
    ]);
    expect(await cards(left, [stayer.id])).toEqual([]);
  });

  it('an anonymous caller cannot call it', async () => {
    expect(await sqlstateOf(cards(null, [ada.id]))).toBe(DENIED);
  });
});
