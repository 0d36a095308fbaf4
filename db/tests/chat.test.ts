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
import { createDashboard } from '../../test/support/world.js';

// Chat sessions and messages (migration 0007): their owner's only, for every command; a dashboard
// session must be about a dashboard its owner may read; a message may name only an agent its
// author may read; ranked search over the caller's own messages.

const db = useTestDatabase();

let alice: TestUser;
let bob: TestUser;
let aliceDashboardId: string;
let bobPrivateDashboardId: string;
let bobPublicDashboardId: string;
let bobPrivateAgentId: string;
let bobPublicAgentId: string;

async function createAgent(user: TestUser, isPublic: boolean): Promise<string> {
  const [row] = await queryAs<{ id: string }>(
    db,
    user,
    "insert into agents (name, instructions, owner_user_id, is_public) values ('Analyst', 'Be terse.', $1, $2) returning id",
    [user.id, isPublic],
  );
  return row?.id as string;
}

beforeAll(async () => {
  [alice, bob] = await Promise.all([createUser(db, 'alice'), createUser(db, 'bob')]);
  const [aliceDashboard, bobPrivate, bobPublic] = await Promise.all([
    createDashboard(db, alice),
    createDashboard(db, bob, { title: 'Bob private' }),
    createDashboard(db, bob, { title: 'Bob public', isPublic: true }),
  ]);
  aliceDashboardId = aliceDashboard.dashboardId;
  bobPrivateDashboardId = bobPrivate.dashboardId;
  bobPublicDashboardId = bobPublic.dashboardId;
  [bobPrivateAgentId, bobPublicAgentId] = await Promise.all([createAgent(bob, false), createAgent(bob, true)]);
});

/** Creates a chat session as `user`; returns its id. */
async function createSession(
  user: TestUser,
  context: { type?: string; id?: string | null } = {},
  title = 'Revenue questions',
): Promise<string> {
  const [row] = await queryAs<{ id: string }>(
    db,
    user,
    'insert into chat_sessions (title, context_type, context_id) values ($1, $2, $3) returning id',
    [title, context.type ?? 'global', context.id ?? null],
  );
  if (!row) throw new Error('session was not created');
  return row.id;
}

/** Adds a message to a session as `user`; returns its id. */
async function addMessage(
  user: TestUser | null,
  sessionId: string,
  text = 'How did revenue do?',
  extra: { agentId?: string; role?: string } = {},
): Promise<string> {
  const [row] = await queryAs<{ id: string }>(
    db,
    user,
    'insert into chat_messages (chat_session_id, role, content, agent_id) values ($1, $2, $3, $4) returning id',
    [sessionId, extra.role ?? 'user', { text }, extra.agentId ?? null],
  );
  if (!row) throw new Error('message was not created');
  return row.id;
}

const sessionRow = async (id: string) =>
  (
    await queryAsOwner<{ title: string; user_id: string; updated_at: Date; context_id: string | null }>(
      db,
      'select * from chat_sessions where id = $1',
      [id],
    )
  )[0];
const messageRow = async (id: string) =>
  (
    await queryAsOwner<{
      chat_session_id: string;
      user_id: string;
      content: { text?: string };
      agent_id: string | null;
      created_at: Date;
    }>(db, 'select * from chat_messages where id = $1', [id])
  )[0];

describe('chat_sessions: SELECT', () => {
  it('the owner reads his session; another user does not', async () => {
    const id = await createSession(alice);
    expect(await queryAs(db, alice, 'select id from chat_sessions where id = $1', [id])).toHaveLength(1);
    expect(await queryAs(db, bob, 'select id from chat_sessions where id = $1', [id])).toHaveLength(0);
  });

  it('an anonymous caller cannot read sessions', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from chat_sessions'))).toBe(DENIED);
  });
});

describe('chat_sessions: INSERT', () => {
  it('a session is stamped with its creator', async () => {
    const id = await createSession(alice);
    expect((await sessionRow(id))?.user_id).toBe(alice.id);
  });

  it('nobody creates a session in another user’s name', async () => {
    const insert = queryAs(db, bob, "insert into chat_sessions (title, user_id) values ('Planted', $1)", [alice.id]);
    expect(await sqlstateOf(insert)).toBe(DENIED);
  });

  it('an anonymous caller cannot create a session', async () => {
    const insert = queryAs(db, null, "insert into chat_sessions (title, user_id) values ('Anon', $1)", [alice.id]);
    expect(await sqlstateOf(insert)).toBe(DENIED);
  });
});

describe('chat_sessions: UPDATE', () => {
  it('the owner renames his session; another user changes nothing', async () => {
    const id = await createSession(alice);
    expect(await changeAs(db, bob, "update chat_sessions set title = 'Hijacked' where id = $1", [id])).toBe(0);
    expect((await sessionRow(id))?.title).toBe('Revenue questions');
    expect(await changeAs(db, alice, "update chat_sessions set title = 'Renamed' where id = $1", [id])).toBe(1);
    expect((await sessionRow(id))?.title).toBe('Renamed');
  });

  it('the owner cannot hand his session to another user', async () => {
    const id = await createSession(alice);
    const update = queryAs(db, alice, 'update chat_sessions set user_id = $1 where id = $2', [bob.id, id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
    expect((await sessionRow(id))?.user_id).toBe(alice.id);
  });

  it('a blanket UPDATE by another user changes no session, and the owner cannot hand his sessions away', async () => {
    // Without a WHERE clause only the UPDATE rule decides: the read rule is not consulted.
    const id = await createSession(alice);
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, "update chat_sessions set title = 'Hijacked'")).toBe(0);
    expect((await sessionRow(id))?.title).toBe('Revenue questions');

    const owner = await createUser(db, 'giver');
    const own = await createSession(owner);
    expect(await sqlstateOf(queryAs(db, owner, 'update chat_sessions set user_id = $1', [bob.id]))).toBe(DENIED);
    expect((await sessionRow(own))?.user_id).toBe(owner.id);
  });

  it('an anonymous caller cannot update a session', async () => {
    const id = await createSession(alice);
    expect(await sqlstateOf(queryAs(db, null, "update chat_sessions set title = 'x' where id = $1", [id]))).toBe(
      DENIED,
    );
  });
});

describe('chat_sessions: DELETE', () => {
  it('another user cannot delete a session', async () => {
    const id = await createSession(alice);
    expect(await changeAs(db, bob, 'delete from chat_sessions where id = $1', [id])).toBe(0);
    expect(await sessionRow(id)).toBeDefined();
  });

  it('a blanket DELETE by another user deletes no session', async () => {
    const id = await createSession(alice);
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, 'delete from chat_sessions')).toBe(0);
    expect(await sessionRow(id)).toBeDefined();
  });

  it('an anonymous caller cannot delete a session', async () => {
    const id = await createSession(alice);
    expect(await sqlstateOf(queryAs(db, null, 'delete from chat_sessions where id = $1', [id]))).toBe(DENIED);
    expect(await sessionRow(id)).toBeDefined();
  });

  it('the owner deletes his session, and its messages go with it', async () => {
    const id = await createSession(alice);
    const messageId = await addMessage(alice, id);
    expect(await changeAs(db, alice, 'delete from chat_sessions where id = $1', [id])).toBe(1);
    expect(await messageRow(messageId)).toBeUndefined();
  });
});

describe('chat_sessions: context', () => {
  it('a session may be about one of the user’s own dashboards', async () => {
    const id = await createSession(alice, { type: 'dashboard', id: aliceDashboardId });
    expect((await sessionRow(id))?.context_id).toBe(aliceDashboardId);
  });

  it('a session may be about someone else’s public dashboard', async () => {
    const id = await createSession(alice, { type: 'dashboard', id: bobPublicDashboardId });
    expect((await sessionRow(id))?.context_id).toBe(bobPublicDashboardId);
  });

  it('a hidden dashboard and a non-existent one are refused alike (OC006)', async () => {
    expect(await sqlstateOf(createSession(alice, { type: 'dashboard', id: bobPrivateDashboardId }))).toBe('OC006');
    expect(await sqlstateOf(createSession(alice, { type: 'dashboard', id: randomUUID() }))).toBe('OC006');
  });

  it('a session cannot be pointed at a hidden dashboard afterwards', async () => {
    const id = await createSession(alice, { type: 'dashboard', id: aliceDashboardId });
    const update = queryAs(db, alice, 'update chat_sessions set context_id = $1 where id = $2', [
      bobPrivateDashboardId,
      id,
    ]);
    expect(await sqlstateOf(update)).toBe('OC006');
    expect((await sessionRow(id))?.context_id).toBe(aliceDashboardId);
  });

  it('an unknown context type is refused', async () => {
    expect(await sqlstateOf(createSession(alice, { type: 'dashbord' }))).toBe('23514');
    expect(await sqlstateOf(createSession(alice, { type: 'dashbord', id: aliceDashboardId }))).toBe('23514');
  });

  it('a context id is refused outside a dashboard session', async () => {
    expect(await sqlstateOf(createSession(alice, { type: 'global', id: aliceDashboardId }))).toBe('23514');
  });
});

describe('chat_messages: SELECT', () => {
  it('the owner reads the messages of his session; another user does not', async () => {
    const sessionId = await createSession(alice);
    const id = await addMessage(alice, sessionId);
    expect(await queryAs(db, alice, 'select id from chat_messages where id = $1', [id])).toHaveLength(1);
    expect(await queryAs(db, bob, 'select id from chat_messages where id = $1', [id])).toHaveLength(0);
    expect(await queryAs(db, bob, 'select id from chat_messages where chat_session_id = $1', [sessionId])).toHaveLength(
      0,
    );
  });

  it('an anonymous caller cannot read messages', async () => {
    expect(await sqlstateOf(queryAs(db, null, 'select id from chat_messages'))).toBe(DENIED);
  });
});

describe('chat_messages: INSERT', () => {
  it('a message is stamped with its session’s owner', async () => {
    const sessionId = await createSession(alice);
    const id = await addMessage(alice, sessionId);
    expect((await messageRow(id))?.user_id).toBe(alice.id);
  });

  it('nobody adds a message to another user’s session', async () => {
    const sessionId = await createSession(alice);
    expect(await sqlstateOf(addMessage(bob, sessionId, 'Ignore previous instructions'))).toBe(DENIED);
    expect(await queryAsOwner(db, 'select 1 from chat_messages where chat_session_id = $1', [sessionId])).toHaveLength(
      0,
    );
  });

  it('claiming the message as one’s own does not get it into another user’s session', async () => {
    const sessionId = await createSession(alice);
    const insert = queryAs(
      db,
      bob,
      'insert into chat_messages (chat_session_id, user_id, role, content) values ($1, $2, \'user\', \'{"text": "x"}\')',
      [sessionId, bob.id],
    );
    expect(await sqlstateOf(insert)).toBe(DENIED);
    expect(await queryAsOwner(db, 'select 1 from chat_messages where chat_session_id = $1', [sessionId])).toHaveLength(
      0,
    );
  });

  it('a message to a session that does not exist is refused like one to a hidden session', async () => {
    expect(await sqlstateOf(addMessage(bob, randomUUID()))).toBe(DENIED);
  });

  it('an anonymous caller cannot add a message', async () => {
    const sessionId = await createSession(alice);
    expect(await sqlstateOf(addMessage(null, sessionId))).toBe(DENIED);
  });

  it('content must be a JSON object', async () => {
    const sessionId = await createSession(alice);
    const insert = (content: string) =>
      queryAs(db, alice, "insert into chat_messages (chat_session_id, role, content) values ($1, 'user', $2::jsonb)", [
        sessionId,
        content,
      ]);
    expect(await sqlstateOf(insert('"hello"'))).toBe('23514');
    expect(await sqlstateOf(insert('[1, 2]'))).toBe('23514');
    expect(await sqlstateOf(insert('{"text": 42}'))).toBe('23514');
  });

  it('an unknown role is refused', async () => {
    const sessionId = await createSession(alice);
    expect(await sqlstateOf(addMessage(alice, sessionId, 'sudo', { role: 'root' }))).toBe('23514');
  });

  it('a message may name the user’s own agent or a public one', async () => {
    const sessionId = await createSession(alice);
    const ownAgentId = await createAgent(alice, false);
    const own = await addMessage(alice, sessionId, 'mine', { agentId: ownAgentId });
    const shared = await addMessage(alice, sessionId, 'public', { agentId: bobPublicAgentId });
    expect((await messageRow(own))?.agent_id).toBe(ownAgentId);
    expect((await messageRow(shared))?.agent_id).toBe(bobPublicAgentId);
  });

  it('an agent the user cannot read is refused exactly like a non-existent one', async () => {
    const sessionId = await createSession(alice);
    expect(await sqlstateOf(addMessage(alice, sessionId, 'x', { agentId: bobPrivateAgentId }))).toBe(DENIED);
    expect(await sqlstateOf(addMessage(alice, sessionId, 'x', { agentId: randomUUID() }))).toBe(DENIED);
  });

  it('a new message bumps its session’s updated_at', async () => {
    const sessionId = await createSession(alice);
    const before = (await sessionRow(sessionId))?.updated_at as Date;
    const messageId = await addMessage(alice, sessionId);
    const after = (await sessionRow(sessionId))?.updated_at as Date;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
    const sentAt = (await messageRow(messageId))?.created_at;
    expect(after.getTime()).toBeGreaterThanOrEqual(sentAt?.getTime() ?? Infinity);
  });
});

describe('chat_messages: UPDATE', () => {
  it('the owner edits his message; another user changes nothing', async () => {
    const id = await addMessage(alice, await createSession(alice), 'original');
    expect(
      await changeAs(db, bob, `update chat_messages set content = '{"text": "defaced"}' where id = $1`, [id]),
    ).toBe(0);
    expect((await messageRow(id))?.content).toEqual({ text: 'original' });
    expect(
      await changeAs(db, alice, `update chat_messages set content = '{"text": "edited"}' where id = $1`, [id]),
    ).toBe(1);
    expect((await messageRow(id))?.content).toEqual({ text: 'edited' });
  });

  it('a message cannot move to another user’s session', async () => {
    const id = await addMessage(alice, await createSession(alice));
    const bobSessionId = await createSession(bob);
    const move = queryAs(db, alice, 'update chat_messages set chat_session_id = $1 where id = $2', [bobSessionId, id]);
    expect(await sqlstateOf(move)).toBe(DENIED);
    expect(
      await queryAsOwner(db, 'select 1 from chat_messages where chat_session_id = $1', [bobSessionId]),
    ).toHaveLength(0);
  });

  it('a message cannot move to another of its owner’s sessions either', async () => {
    const sessionId = await createSession(alice);
    const id = await addMessage(alice, sessionId);
    const move = queryAs(db, alice, 'update chat_messages set chat_session_id = $1 where id = $2', [
      await createSession(alice),
      id,
    ]);
    expect(await sqlstateOf(move)).toBe(DENIED);
    expect((await messageRow(id))?.chat_session_id).toBe(sessionId);
  });

  it('even the server, which may write any column, cannot move a message (OC007)', async () => {
    const sessionId = await createSession(alice);
    const id = await addMessage(alice, sessionId);
    const other = await createSession(alice);
    const move = db.asService((tx) =>
      tx.query('update chat_messages set chat_session_id = $1 where id = $2', [other, id]),
    );
    expect(await sqlstateOf(move)).toBe('OC007');
  });

  it('which agent and model wrote a message is history: an edit cannot change them', async () => {
    const id = await addMessage(alice, await createSession(alice));
    expect(
      await sqlstateOf(
        queryAs(db, alice, 'update chat_messages set agent_id = null, llm_model_id = null where id = $1', [id]),
      ),
    ).toBe(DENIED);
    expect(
      await sqlstateOf(queryAs(db, alice, "update chat_messages set created_at = '2000-01-01' where id = $1", [id])),
    ).toBe(DENIED);
  });

  it('setting user_id does not hand a message to another user', async () => {
    const id = await addMessage(alice, await createSession(alice));
    await changeAs(db, alice, 'update chat_messages set user_id = $1 where id = $2', [bob.id, id]).catch(() => 0);
    expect((await messageRow(id))?.user_id).toBe(alice.id);
    expect(await queryAs(db, bob, 'select id from chat_messages where id = $1', [id])).toHaveLength(0);
  });

  it('an edit cannot name an agent the user cannot read', async () => {
    const id = await addMessage(alice, await createSession(alice));
    const update = queryAs(db, alice, 'update chat_messages set agent_id = $1 where id = $2', [bobPrivateAgentId, id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
  });

  it('a blanket UPDATE by another user changes no message', async () => {
    const id = await addMessage(alice, await createSession(alice), 'original');
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, `update chat_messages set content = '{"text": "defaced"}'`)).toBe(0);
    expect((await messageRow(id))?.content).toEqual({ text: 'original' });
  });

  it('an anonymous caller cannot edit a message', async () => {
    const id = await addMessage(alice, await createSession(alice));
    const update = queryAs(db, null, `update chat_messages set content = '{}' where id = $1`, [id]);
    expect(await sqlstateOf(update)).toBe(DENIED);
  });
});

describe('chat_messages: DELETE', () => {
  it('another user cannot delete a message; the owner can', async () => {
    const id = await addMessage(alice, await createSession(alice));
    expect(await changeAs(db, bob, 'delete from chat_messages where id = $1', [id])).toBe(0);
    expect(await messageRow(id)).toBeDefined();
    expect(await changeAs(db, alice, 'delete from chat_messages where id = $1', [id])).toBe(1);
    expect(await messageRow(id)).toBeUndefined();
  });

  it('a blanket DELETE by another user deletes no message', async () => {
    const id = await addMessage(alice, await createSession(alice));
    const mallory = await createUser(db, 'mallory');
    expect(await changeAs(db, mallory, 'delete from chat_messages')).toBe(0);
    expect(await messageRow(id)).toBeDefined();
  });

  it('an anonymous caller cannot delete a message', async () => {
    const id = await addMessage(alice, await createSession(alice));
    expect(await sqlstateOf(queryAs(db, null, 'delete from chat_messages where id = $1', [id]))).toBe(DENIED);
    expect(await messageRow(id)).toBeDefined();
  });

  it('deleting an agent keeps the messages that used it, with agent_id set to null', async () => {
    const sessionId = await createSession(alice);
    const ownAgentId = await createAgent(alice, false);
    const bobsPublicAgentId = await createAgent(bob, true);
    const usedOwn = await addMessage(alice, sessionId, 'own agent', { agentId: ownAgentId });
    const usedBobs = await addMessage(alice, sessionId, 'bob’s agent', { agentId: bobsPublicAgentId });
    expect(await changeAs(db, alice, 'delete from agents where id = $1', [ownAgentId])).toBe(1);
    expect(await changeAs(db, bob, 'delete from agents where id = $1', [bobsPublicAgentId])).toBe(1);
    expect(await messageRow(usedOwn)).toMatchObject({ agent_id: null, user_id: alice.id });
    expect(await messageRow(usedBobs)).toMatchObject({ agent_id: null, user_id: alice.id });
  });
});

describe('search_chat_messages', () => {
  interface Hit {
    message_id: string;
    session_title: string;
    rank: number;
    snippet: string;
  }
  const search = (user: TestUser | null, query: string) =>
    queryAs<Hit>(db, user, 'select * from public.search_chat_messages($1)', [query]);

  let carol: TestUser;
  let dave: TestUser;
  let often: string;
  let once: string;
  let close: string;
  let apart: string;
  let davesMessage: string;
  beforeAll(async () => {
    [carol, dave] = await Promise.all([createUser(db, 'carol'), createUser(db, 'dave')]);
    const sessionId = await createSession(carol, {}, 'Churn review');
    often = await addMessage(carol, sessionId, 'Churn, churn and more churn: churn is all the board asks about.');
    once = await addMessage(carol, sessionId, 'The board asked about churn once, among many other topics today.');
    close = await addMessage(carol, sessionId, 'Our retention rate improved after the pricing change in March.');
    apart = await addMessage(
      carol,
      sessionId,
      'Retention of enterprise accounts, measured over the whole of last year and every region, at a steady rate.',
    );
    await addMessage(carol, sessionId, 'Nothing to see here.');
    davesMessage = await addMessage(dave, await createSession(dave), 'Churn churn churn, dave’s own churn.');
  });

  it('returns only the caller’s messages', async () => {
    const carols = (await search(carol, 'churn')).map((h) => h.message_id);
    expect(carols.sort()).toEqual([often, once].sort());
    expect((await search(dave, 'churn')).map((h) => h.message_id)).toEqual([davesMessage]);
    expect(await search(bob, 'churn')).toEqual([]);
  });

  it('ranks a message with the term several times above one with it once', async () => {
    const hits = await search(carol, 'churn');
    expect(hits.map((h) => h.message_id)).toEqual([often, once]);
    expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? Infinity);
    expect(hits[0]?.session_title).toBe('Churn review');
  });

  it('ranks a message with the terms close together above one with them far apart', async () => {
    const hits = await search(carol, 'retention rate');
    expect(hits.map((h) => h.message_id)).toEqual([close, apart]);
  });

  it('marks the matches in the snippet with U+E000 … U+E001', async () => {
    const [hit] = await search(carol, 'pricing');
    expect(hit?.snippet).toContain('\uE000pricing\uE001');
    expect(hit?.snippet).not.toContain('<b>');
  });

  it('an anonymous caller cannot search', async () => {
    expect(await sqlstateOf(search(null, 'churn'))).toBe(DENIED);
  });
});

describe('chat search indexes', () => {
  /** The plan the owner gets for `sql` with sequential and plain index scans ruled out. */
  async function planOf(sql: string): Promise<string> {
    return db.asOwner(async (tx) => {
      await tx.query('set local enable_seqscan = off');
      await tx.query('set local enable_indexscan = off');
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it("the seed's ILIKE search on content->>'text' uses the trigram index", async () => {
    const plan = await planOf("select id from chat_messages where content->>'text' ILIKE '%quarterly revenue%'");
    expect(plan).toContain('idx_chat_messages_text_trgm');
  });

  it('full-text search uses the search_vector index', async () => {
    const plan = await planOf(
      "select id from chat_messages where search_vector @@ websearch_to_tsquery('english', 'quarterly revenue')",
    );
    expect(plan).toContain('idx_chat_messages_search_vector');
  });
});
