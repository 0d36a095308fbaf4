import { createHash, randomBytes } from 'node:crypto';
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
import { type Actor, actorIn, createDashboard, createWorld, type World } from '../../test/support/world.js';

// Share links (migration 0005): managed by those who may edit the dashboard, stored as a hash,
// opened by anyone through public.shared_dashboard(token, password).

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await createWorld(db);
});

const actor = (name: Actor): TestUser | null => actorIn(world, name);
/** "the owner", "a team editor", "an anonymous caller"… for test names. */
const who = (name: Actor): string =>
  ({
    owner: 'the owner (team admin)',
    editor: 'a team editor',
    viewer: 'a team viewer',
    outsider: 'an outsider',
    anon: 'an anonymous caller',
  })[name];

/** A fresh bearer token, as the app makes one: shown to the creator once, never stored. */
const newToken = (): string => randomBytes(32).toString('base64url');
const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

interface LinkOptions {
  permissions?: object;
  expiresAt?: string;
  password?: string;
}

/** Creates a link as `user` the way the app does (hashing inside the database); returns its id and clear token. */
async function createLink(
  user: TestUser | null,
  dashboardId: string,
  options: LinkOptions = {},
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const [row] = await queryAs<{ id: string }>(
    db,
    user,
    `insert into sharing_links (dashboard_id, token, permissions, expires_at, password_hash)
     values ($1, private.share_token_hash($2), coalesce($3::jsonb, '{"view": true}'), $4,
             private.share_password_hash($5))
     returning id`,
    [
      dashboardId,
      token,
      options.permissions ? JSON.stringify(options.permissions) : null,
      options.expiresAt ?? null,
      options.password ?? null,
    ],
  );
  if (!row) throw new Error('link was not created');
  return { id: row.id, token };
}

/**
 * Inserts a link without RETURNING, so that only the INSERT rule decides (RETURNING would also
 * check the new row against the read rule).
 */
function insertLink(user: TestUser | null, dashboardId: string): Promise<unknown> {
  return queryAs(
    db,
    user,
    'insert into sharing_links (dashboard_id, token) values ($1, private.share_token_hash($2))',
    [dashboardId, newToken()],
  );
}

/** Opens a link as `user` (anonymous by default) and returns the snapshot. */
async function openLink(
  token: string,
  password?: string,
  user: TestUser | null = null,
): Promise<Record<string, unknown>> {
  const [row] = await queryAs<{ shared: Record<string, unknown> }>(
    db,
    user,
    'select public.shared_dashboard($1, $2) as shared',
    [token, password ?? null],
  );
  return row?.shared as Record<string, unknown>;
}

async function linkRow(id: string) {
  const [row] = await queryAsOwner<{
    token: string;
    permissions: Record<string, unknown>;
    expires_at: Date | null;
    last_accessed_at: Date | null;
    updated_at: Date;
    dashboard_id: string;
  }>(db, 'select * from sharing_links where id = $1', [id]);
  return row;
}

describe('sharing_links: SELECT', () => {
  const readers: Record<'personal' | 'team', Actor[]> = {
    personal: ['owner'],
    team: ['owner', 'editor'],
  };
  for (const kind of ['personal', 'team'] as const) {
    for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
      const reads = readers[kind].includes(name);
      it(`${who(name)} ${reads ? 'reads' : 'does not read'} the links of the ${kind} dashboard`, async () => {
        const link = await createLink(world.owner, world[kind].dashboardId);
        const rows = await queryAs(db, world[name], 'select id from sharing_links where id = $1', [link.id]);
        expect(rows).toHaveLength(reads ? 1 : 0);
      });
    }
  }

  it('an anonymous caller cannot read share links at all', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from sharing_links'))).toBe(DENIED);
  });

  it('reading a public dashboard does not reveal its share links', async () => {
    const link = await createLink(world.outsider, world.public.dashboardId);
    const rows = await queryAs(db, world.owner, 'select id from sharing_links where id = $1', [link.id]);
    expect(rows).toHaveLength(0);
  });
});

describe('sharing_links: the secrets cannot be selected', () => {
  for (const column of ['token', 'password_hash']) {
    it(`not even the owner can select ${column}`, async () => {
      await createLink(world.owner, world.personal.dashboardId, { password: 'hunter2' });
      expect(await sqlstateOf(queryAs(db, world.owner, `select ${column} from sharing_links`))).toBe(DENIED);
    });
  }

  it('select * is refused, since it includes the secrets', async () => {
    expect(await sqlstateOf(queryAs(db, world.owner, 'select * from sharing_links'))).toBe(DENIED);
  });

  it('a secret cannot be probed through a WHERE clause either', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    const probe = queryAs(db, world.owner, 'select id from sharing_links where token = private.share_token_hash($1)', [
      link.token,
    ]);
    expect(await sqlstateOf(probe)).toBe(DENIED);
  });

  it('the owner reads everything else about a link, has_password included', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId, { password: 'hunter2' });
    const [row] = await queryAs(
      db,
      world.owner,
      `select id, dashboard_id, permissions, expires_at, has_password, created_by, created_at, updated_at,
              last_accessed_at
       from sharing_links where id = $1`,
      [link.id],
    );
    expect(row).toMatchObject({
      dashboard_id: world.personal.dashboardId,
      permissions: { view: true },
      has_password: true,
      created_by: world.owner.id,
      last_accessed_at: null,
    });
  });

  it('only the SHA-256 of the token is stored, in hex', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    expect((await linkRow(link.id))?.token).toBe(sha256Hex(link.token));
  });

  for (const [label, token] of [
    ['a clear token', 'my-secret-share-token'],
    ['a random base64url token', randomBytes(32).toString('base64url')],
    ['an upper-case hex digest', sha256Hex('x').toUpperCase()],
  ] as const) {
    it(`${label} is refused by the check (only a hash may be stored)`, async () => {
      const insert = queryAs(db, world.owner, 'insert into sharing_links (dashboard_id, token) values ($1, $2)', [
        world.personal.dashboardId,
        token,
      ]);
      expect(await sqlstateOf(insert)).toBe('23514');
    });
  }

  it('a password stored in clear is refused by the check', async () => {
    const insert = queryAs(
      db,
      world.owner,
      'insert into sharing_links (dashboard_id, token, password_hash) values ($1, private.share_token_hash($2), $3)',
      [world.personal.dashboardId, newToken(), 'hunter2'],
    );
    expect(await sqlstateOf(insert)).toBe('23514');
  });
});

describe('sharing_links: INSERT', () => {
  const creators: Record<'personal' | 'team', Actor[]> = {
    personal: ['owner'],
    team: ['owner', 'editor'],
  };
  for (const kind of ['personal', 'team'] as const) {
    for (const name of ['owner', 'editor', 'viewer', 'outsider', 'anon'] as const) {
      const may = creators[kind].includes(name);
      it(`${who(name)} ${may ? 'creates' : 'cannot create'} a share link for the ${kind} dashboard`, async () => {
        if (may) {
          const link = await createLink(actor(name), world[kind].dashboardId);
          expect(await linkRow(link.id)).toMatchObject({ dashboard_id: world[kind].dashboardId });
        } else {
          expect(await sqlstateOf(insertLink(actor(name), world[kind].dashboardId))).toBe(DENIED);
        }
      });
    }
  }

  it('nobody creates a share link for a public dashboard he can read but not edit', async () => {
    expect(await sqlstateOf(insertLink(world.owner, world.public.dashboardId))).toBe(DENIED);
  });

  it('the link is stamped with its creator, who cannot be forged', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    const [row] = await queryAsOwner(db, 'select created_by from sharing_links where id = $1', [link.id]);
    expect(row?.created_by).toBe(world.editor.id);

    const forged = queryAs(
      db,
      world.editor,
      'insert into sharing_links (dashboard_id, token, created_by) values ($1, private.share_token_hash($2), $3)',
      [world.team.dashboardId, newToken(), world.owner.id],
    );
    expect(await sqlstateOf(forged)).toBe(DENIED);
  });
});

describe('sharing_links: UPDATE', () => {
  for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
    const may = name === 'owner' || name === 'editor';
    it(`${who(name)} ${may ? 'changes' : 'cannot change'} a link of the team dashboard`, async () => {
      const link = await createLink(world.editor, world.team.dashboardId);
      const changed = await changeAs(
        db,
        world[name],
        `update sharing_links set permissions = '{"view": false}' where id = $1`,
        [link.id],
      );
      expect(changed).toBe(may ? 1 : 0);
      expect((await linkRow(link.id))?.permissions).toEqual({ view: !may });
    });
  }

  it('a blanket UPDATE by a team viewer changes no link (even without a WHERE clause)', async () => {
    // Without a WHERE clause only the UPDATE rule filters rows: the read rule is not consulted.
    const link = await createLink(world.editor, world.team.dashboardId);
    const changed = await changeAs(
      db,
      world.viewer,
      'update sharing_links set expires_at = now(), password_hash = null',
    );
    expect(changed).toBe(0);
    expect((await linkRow(link.id))?.expires_at).toBeNull();
  });

  it('an anonymous caller cannot change a link', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    const update = queryAs(db, null, 'update sharing_links set expires_at = now() where id = $1', [link.id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
  });

  it('a link cannot be moved to another dashboard, even one its editor may edit', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    const move = queryAs(db, world.owner, 'update sharing_links set dashboard_id = $1 where id = $2', [
      world.team.dashboardId,
      link.id,
    ]);
    expect(await sqlstateOf(move)).toBe(DENIED);
    expect((await linkRow(link.id))?.dashboard_id).toBe(world.personal.dashboardId);
  });

  it('the creator of a link cannot be rewritten', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    const update = queryAs(db, world.owner, 'update sharing_links set created_by = $1 where id = $2', [
      world.outsider.id,
      link.id,
    ]);
    expect(await sqlstateOf(update)).toBe(DENIED);
  });

  it('editing a link moves its updated_at', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    const before = (await linkRow(link.id))?.updated_at;
    await changeAs(db, world.owner, "update sharing_links set expires_at = now() + interval '1 day' where id = $1", [
      link.id,
    ]);
    expect((await linkRow(link.id))?.updated_at.getTime()).toBeGreaterThan(before?.getTime() ?? Infinity);
  });
});

describe('sharing_links: DELETE', () => {
  for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) {
    const may = name === 'owner' || name === 'editor';
    it(`${who(name)} ${may ? 'revokes' : 'cannot revoke'} a link of the team dashboard`, async () => {
      const link = await createLink(world.editor, world.team.dashboardId);
      expect(await changeAs(db, world[name], 'delete from sharing_links where id = $1', [link.id])).toBe(may ? 1 : 0);
      expect(await queryAsOwner(db, 'select 1 from sharing_links where id = $1', [link.id])).toHaveLength(may ? 0 : 1);
    });
  }

  it('a blanket DELETE by a team viewer revokes no link (even without a WHERE clause)', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    expect(await changeAs(db, world.viewer, 'delete from sharing_links')).toBe(0);
    expect(await queryAsOwner(db, 'select 1 from sharing_links where id = $1', [link.id])).toHaveLength(1);
  });

  it('an anonymous caller cannot revoke a link', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    expect(await sqlstateOf(queryAs(db, null, 'delete from sharing_links where id = $1', [link.id]))).toBe(DENIED);
    expect(await queryAsOwner(db, 'select 1 from sharing_links where id = $1', [link.id])).toHaveLength(1);
  });

  it('deleting the dashboard deletes its links', async () => {
    const { dashboardId } = await createDashboard(db, world.owner, { title: 'Short-lived' });
    const link = await createLink(world.owner, dashboardId);
    expect(await changeAs(db, world.owner, 'delete from dashboards where id = $1', [dashboardId])).toBe(1);
    expect(await queryAsOwner(db, 'select 1 from sharing_links where id = $1', [link.id])).toHaveLength(0);
    expect(await sqlstateOf(openLink(link.token))).toBe('OC010');
  });
});

describe('shared_dashboard: opening a link', () => {
  it('an anonymous caller gets the dashboard with its tabs and charts', async () => {
    const link = await createLink(world.owner, world.team.dashboardId);
    const shared = await openLink(link.token);
    expect(shared).toMatchObject({
      id: world.team.dashboardId,
      title: 'Team',
      permissions: { view: true },
      tabs: [{ id: world.team.tabId, title: 'Overview', charts: [{ id: world.team.chartId, title: 'Revenue' }] }],
    });
  });

  it('a signed-in outsider opens a link too', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    expect(await openLink(link.token, undefined, world.outsider)).toMatchObject({ id: world.personal.dashboardId });
  });

  it('the snapshot holds no owner data', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    const text = JSON.stringify(await openLink(link.token));
    for (const forbidden of [
      'owner_user_id',
      'owner_team_id',
      'created_by',
      'email',
      'password',
      'token',
      world.owner.id,
      world.editor.id,
      world.teamId,
      world.owner.email,
    ]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('an unknown token is refused with OC010', async () => {
    expect(await sqlstateOf(openLink(newToken()))).toBe('OC010');
  });

  it('the stored hash does not work as a token', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId);
    expect(await sqlstateOf(openLink(sha256Hex(link.token)))).toBe('OC010');
  });

  it('a link whose permissions do not allow viewing is refused like an unknown one', async () => {
    const off = await createLink(world.owner, world.personal.dashboardId, { permissions: { view: false } });
    const none = await createLink(world.owner, world.personal.dashboardId, { permissions: {} });
    expect(await sqlstateOf(openLink(off.token))).toBe('OC010');
    expect(await sqlstateOf(openLink(none.token))).toBe('OC010');
  });

  it('an expired link is refused with OC011; one that expires later works', async () => {
    const expired = await createLink(world.owner, world.personal.dashboardId, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const later = await createLink(world.owner, world.personal.dashboardId, {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(await sqlstateOf(openLink(expired.token))).toBe('OC011');
    expect(await openLink(later.token)).toMatchObject({ id: world.personal.dashboardId });
  });

  it('a password-protected link needs its password: OC012 without, OC013 when wrong', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId, { password: 'correct horse' });
    expect(await sqlstateOf(openLink(link.token))).toBe('OC012');
    expect(await sqlstateOf(openLink(link.token, 'wrong horse'))).toBe('OC013');
    expect(await sqlstateOf(openLink(link.token, ''))).toBe('OC013');
    expect(await openLink(link.token, 'correct horse')).toMatchObject({ id: world.personal.dashboardId });
  });

  it('last_accessed_at is stamped on success, not on failure, and is not an edit of the link', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId, { password: 'open sesame' });
    const created = await linkRow(link.id);
    await sqlstateOf(openLink(link.token));
    await sqlstateOf(openLink(link.token, 'close sesame'));
    expect((await linkRow(link.id))?.last_accessed_at).toBeNull();

    await openLink(link.token, 'open sesame');
    const opened = await linkRow(link.id);
    expect(opened?.last_accessed_at).toBeInstanceOf(Date);
    expect(opened?.updated_at).toEqual(created?.updated_at);
  });

  it('an expired link is not stamped', async () => {
    const link = await createLink(world.owner, world.personal.dashboardId, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await sqlstateOf(openLink(link.token));
    expect((await linkRow(link.id))?.last_accessed_at).toBeNull();
  });

  it('rotating the token kills the old one', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    const rotated = newToken();
    const changed = await changeAs(
      db,
      world.editor,
      'update sharing_links set token = private.share_token_hash($1) where id = $2',
      [rotated, link.id],
    );
    expect(changed).toBe(1);
    expect(await sqlstateOf(openLink(link.token))).toBe('OC010');
    expect(await openLink(rotated)).toMatchObject({ id: world.team.dashboardId });
  });

  it('revoking the link kills its token', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    expect(await openLink(link.token)).toMatchObject({ id: world.team.dashboardId });
    expect(await changeAs(db, world.owner, 'delete from sharing_links where id = $1', [link.id])).toBe(1);
    expect(await sqlstateOf(openLink(link.token))).toBe('OC010');
  });

  it('the holder of a revoked link cannot read the dashboard through the snapshot helper', async () => {
    // The snapshot a link shows carries the dashboard's id; once the link is gone, that id must
    // not open the dashboard by another way.
    const link = await createLink(world.owner, world.personal.dashboardId);
    const { id } = (await openLink(link.token)) as { id: string };
    await changeAs(db, world.owner, 'delete from sharing_links where id = $1', [link.id]);
    for (const user of [null, world.outsider]) {
      const direct = queryAs(db, user, 'select private.dashboard_snapshot($1)', [id]);
      expect(await sqlstateOf(direct)).toBe(DENIED);
    }
  });

  it('an anonymous caller cannot run the password hasher', async () => {
    expect(await sqlstateOf(queryAs(db, null, "select private.share_password_hash('x')"))).toBe(DENIED);
  });

  it('turning viewing off kills the token', async () => {
    const link = await createLink(world.editor, world.team.dashboardId);
    await changeAs(db, world.editor, `update sharing_links set permissions = '{"view": false}' where id = $1`, [
      link.id,
    ]);
    expect(await sqlstateOf(openLink(link.token))).toBe('OC010');
  });
});
