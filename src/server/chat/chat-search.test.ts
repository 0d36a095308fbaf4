import { beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApi } from '../../../test/support/api.js';
import { snippetHtml } from './snippet.js';
import { chatFixtures, type Json } from './test-fixtures.js';

const api = useTestApi();
const { createSession, addMessage } = chatFixtures(api);

/** A new user with one session holding these messages; returns the user and the message ids. */
async function userWithMessages(
  texts: string[],
  title = 'Revenue review',
): Promise<{ user: TestSession; sessionId: string; ids: string[] }> {
  const user = await api.signUp('searcher');
  const session = await createSession(user, { title });
  const ids: string[] = [];
  for (const text of texts) ids.push((await addMessage(user, session.id, { content: { text } })).id);
  return { user, sessionId: session.id, ids };
}

const search = (user: TestSession | undefined, query: string) =>
  api.request<Json>('GET', `/api/chat/search?${new URLSearchParams({ q: query })}`, { token: user?.token });

/** Whatever HTML a snippet holds besides <mark> and </mark>. */
const otherMarkup = (html: string) => html.replace(/<\/?mark>/g, '').match(/<[^>]*>/g);

describe('ranked search', () => {
  let user: TestSession;
  let sessionId: string;
  let often: string;
  let once: string;
  beforeAll(async () => {
    let ids: string[];
    ({ user, sessionId, ids } = await userWithMessages([
      'Churn, churn and more churn: churn is all the board asks about.',
      'The board asked about churn once, among many other topics today.',
      'Nothing to see here.',
    ]));
    [often, once] = ids as [string, string];
  });

  it('ranks a message with the term several times above one with it once', async () => {
    const response = await search(user, 'churn');
    expect(response.status).toBe(200);
    expect(response.body.mode).toBe('ranked');
    expect(response.body.items.map((hit: Json) => hit.message_id)).toEqual([often, once]);
    expect(response.body.items[0].rank).toBeGreaterThan(response.body.items[1].rank);
    expect(response.body.items[0]).toMatchObject({
      session_id: sessionId,
      session_title: 'Revenue review',
      role: 'user',
    });
  });

  it('wraps each match in <mark>, and nothing else in markup', async () => {
    const [hit] = (await search(user, 'churn')).body.items;
    expect(hit.snippet_html).toContain('<mark>Churn</mark>, <mark>churn</mark>');
    expect(otherMarkup(hit.snippet_html)).toBeNull();
  });

  it('shows markup in a message as text: escaped, with <mark> only around the match', async () => {
    const { user: other } = await userWithMessages([
      '<b>revenue</b> <script>alert(1)</script>',
      'Is revenue < costs & "margin" \'thin\'?',
    ]);
    const { items } = (await search(other, 'revenue')).body;
    expect(items).toHaveLength(2);
    for (const hit of items) {
      expect(hit.snippet_html).toContain('<mark>revenue</mark>');
      expect(otherMarkup(hit.snippet_html)).toBeNull();
    }
    // ts_headline cuts fragments at word boundaries, hence no leading "Is" and no trailing "'?".
    expect(items.map((hit: Json) => hit.snippet_html).join('\n')).toContain(
      '<mark>revenue</mark> &lt; costs &amp; &quot;margin&quot; &#39;thin',
    );
  });

  it('finds only the caller’s own messages', async () => {
    const { user: other, ids } = await userWithMessages(['Churn is mine alone.']);
    expect((await search(other, 'churn')).body.items.map((hit: Json) => hit.message_id)).toEqual(ids);
    const stranger = await api.signUp('stranger');
    const response = await search(stranger, 'churn');
    expect(response.body.items).toEqual([]);
  });

  it('takes a limit', async () => {
    const response = await api.request<Json>('GET', '/api/chat/search?q=churn&limit=1', { token: user.token });
    expect(response.body.items.map((hit: Json) => hit.message_id)).toEqual([often]);
  });
});

describe('substring search, when no word matches', () => {
  it('finds a fragment of a word, newest first, with the fragment marked', async () => {
    const { user, ids } = await userWithMessages(['Revenue grew.', 'Nothing here.', 'Avenues to explore.']);
    const response = await search(user, 'venu');
    expect(response.status).toBe(200);
    expect(response.body.mode).toBe('substring');
    expect(response.body.items.map((hit: Json) => hit.message_id)).toEqual([ids[2], ids[0]]);
    expect(response.body.items.map((hit: Json) => hit.snippet_html)).toEqual([
      'A<mark>venu</mark>es to explore.',
      'Re<mark>venu</mark>e grew.',
    ]);
    expect(response.body.items[0].rank).toBeNull();
  });

  it('escapes the text around the match', async () => {
    const { user } = await userWithMessages(['<b>revenue</b> & "more"']);
    const [hit] = (await search(user, 'venu')).body.items;
    expect(hit.snippet_html).toBe('&lt;b&gt;re<mark>venu</mark>e&lt;/b&gt; &amp; &quot;more&quot;');
  });

  it('shows about 160 characters around the first match, with … where the text was cut', async () => {
    const text = `${'a'.repeat(300)} xyzzyq ${'b'.repeat(300)} xyzzyq`;
    const { user } = await userWithMessages([text]);
    const [hit] = (await search(user, 'yzzy')).body.items;
    expect(hit.snippet_html).toMatch(/^…a+ x<mark>yzzy<\/mark>q b+…$/);
    expect(hit.snippet_html.replace(/<\/?mark>/g, '').length).toBe(160 + 2);
  });

  it('takes % and _ in the term literally', async () => {
    const { user, ids } = await userWithMessages(['Revenue grew.', 'avenu% is a literal', 'ven_e too']);
    expect((await search(user, 'venu%')).body.items.map((hit: Json) => hit.message_id)).toEqual([ids[1]]);
    const underscore = await search(user, 'en_e');
    expect(underscore.body).toMatchObject({ mode: 'substring' });
    expect(underscore.body.items.map((hit: Json) => hit.message_id)).toEqual([ids[2]]);
  });

  it('finds only the caller’s own messages', async () => {
    await userWithMessages(['Someone else’s revenue.']);
    const { user, ids } = await userWithMessages(['My own revenue.']);
    expect((await search(user, 'venu')).body.items.map((hit: Json) => hit.message_id)).toEqual(ids);
  });
});

describe('search input', () => {
  it('requires authentication', async () => {
    expect((await search(undefined, 'revenue')).status).toBe(401);
  });

  it('wants q of 1 to 200 characters and a limit of at most 100', async () => {
    const user = await api.signUp('validator');
    for (const query of ['', 'q=', 'q=%20%20', `q=${'x'.repeat(201)}`]) {
      const response = await api.request<Json>('GET', `/api/chat/search?${query}`, { token: user.token });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: Json) => e.path)).toEqual(['/querystring/q']);
    }
    const limit = await api.request<Json>('GET', '/api/chat/search?q=x&limit=101', { token: user.token });
    expect(limit.body.errors.map((e: Json) => e.path)).toEqual(['/querystring/limit']);
  });
});

describe('snippetHtml', () => {
  it('escapes the text first and only then turns the marks into <mark>', () => {
    expect(snippetHtml(`<a href="x">'\uE000revenue\uE001'</a> &`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;<mark>revenue</mark>&#39;&lt;/a&gt; &amp;',
    );
  });

  it('never leaves a <mark> open or closes one that was not opened, whatever the text holds', () => {
    expect(snippetHtml('\uE001a \uE000b \uE000c\uE001 d\uE001 \uE000e')).toBe('a <mark>b c</mark> d <mark>e</mark>');
  });
});
