import { describe, expect, it } from 'vitest';
import { applySuggestion, BUILTIN_SUGGESTIONS, type CommandSuggestion, matchingCommands } from './commands';
import { parseInline, parseMarkdown, safeHref } from './markdown';
import { snippetPieces } from './snippet';

describe('slash-command completion', () => {
  it('lists every command for a lone slash, and narrows as the name is typed', () => {
    const custom: CommandSuggestion[] = [
      { name: 'standup', usage: 'standup', description: 'daily figures', source: 'custom', pattern: '^/standup' },
    ];
    expect(matchingCommands('/', custom)).toHaveLength(BUILTIN_SUGGESTIONS.length + 1);
    expect(matchingCommands('/ch', custom).map((c) => c.name)).toEqual(['/chart']);
    expect(matchingCommands('/stand', custom).map((c) => c.name)).toEqual(['standup']);
    expect(matchingCommands('/chart revenue', custom)).toEqual([]);
    expect(matchingCommands('hello /', custom)).toEqual([]);
  });

  it('inserts a built-in with room for its argument, and a custom command by its literal prefix', () => {
    const chart = BUILTIN_SUGGESTIONS.find((c) => c.name === '/chart') as CommandSuggestion;
    const help = BUILTIN_SUGGESTIONS.find((c) => c.name === '/help') as CommandSuggestion;
    expect(applySuggestion(chart)).toBe('/chart ');
    expect(applySuggestion(help)).toBe('/help');
    expect(
      applySuggestion({ name: 'Standup', usage: '', description: '', source: 'custom', pattern: '^/standup\\b' }),
    ).toBe('/standup ');
  });
});

describe('the markdown of answers', () => {
  it('reads paragraphs, lists, headings, code blocks and tables', () => {
    const blocks = parseMarkdown(
      '## Result\n\nHere is **Revenue**.\n\n- one\n- two\n\n1. first\n2. second\n\n```sql\nselect 1\n```\n\n| month | revenue |\n|---|--:|\n| Jan | 10 |',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'code', 'table']);
    expect(blocks[4]).toEqual({ type: 'code', language: 'sql', text: 'select 1' });
    const table = blocks[5];
    expect(table?.type === 'table' && table.align).toEqual([null, 'right']);
    expect(table?.type === 'table' && table.rows).toHaveLength(1);
  });

  it('reads bold, italic, inline code and links, and keeps snake_case names whole', () => {
    expect(parseInline('**a** *b* `c_d` total_revenue')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'a' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'c_d' },
      { type: 'text', text: ' total_revenue' },
    ]);
  });

  it('drops links that could run script, keeping their words', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(parseInline('[click](javascript:alert(1))')[0]).toEqual({ type: 'text', text: 'click' });
    expect(parseInline('[docs](https://example.com)')[0]).toMatchObject({ type: 'link', href: 'https://example.com' });
  });

  it('keeps HTML in an answer as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('search snippets', () => {
  it('turns marked matches into highlighted pieces and decodes the escaped text', () => {
    expect(snippetPieces('&lt;b&gt; total <mark>revenue</mark> by &quot;month&quot;')).toEqual([
      { text: '<b> total ', mark: false },
      { text: 'revenue', mark: true },
      { text: ' by "month"', mark: false },
    ]);
  });

  it('drops any other tag instead of rendering it', () => {
    expect(snippetPieces('<script>x</script><mark>a</mark>')).toEqual([
      { text: 'x', mark: false },
      { text: 'a', mark: true },
    ]);
  });
});
