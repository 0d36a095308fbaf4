import { describe, expect, it } from 'vitest';
import { matchBuiltin } from './builtins.js';

const COMMANDS = [
  { name: 'Report', description: 'Monthly numbers\nsecond line', command_pattern: '^/report\\s+(\\w+)$' },
  { name: 'Weather', description: null, command_pattern: '^/weather (.*)$', shared: true },
];

const outcome = (message: string) => matchBuiltin(message, COMMANDS)?.outcome ?? null;

describe('built-in commands', () => {
  it('/help lists the built-ins and the user’s custom commands, with their descriptions and patterns', () => {
    const help = outcome('/help');
    expect(help?.kind).toBe('reply');
    const text = help?.kind === 'reply' ? help.text : '';
    for (const name of ['/help', '/chart', '/dashboard', '/save', '/search', '/model', '/agent'])
      expect(text).toContain(`\`${name}`);
    expect(text).toContain('**Your custom commands**\n- **Report**: Monthly numbers (matches `^/report\\s+(\\w+)$`)');
    expect(text).toContain('**Custom commands shared with everyone**\n- **Weather** (matches `^/weather (.*)$`)');
    expect(text).not.toContain('second line');
  });

  it('/help says so when there are no custom commands', () => {
    const help = matchBuiltin('/help', [])?.outcome;
    expect(help?.kind === 'reply' && help.text.endsWith('You have no custom commands yet.')).toBe(true);
  });

  it('/chart asks the model for that chart', () => {
    const chart = outcome('/chart sales by region');
    expect(chart).toMatchObject({ kind: 'prompt' });
    expect(chart?.kind === 'prompt' && chart.text.endsWith('\n\nsales by region')).toBe(true);
  });

  it('/dashboard and /search run their tool at once', () => {
    expect(outcome('/dashboard  Sales 2024 ')).toEqual({
      kind: 'tool',
      tool: 'find_dashboards',
      input: { query: 'Sales 2024' },
    });
    expect(outcome('/search churn')).toEqual({ kind: 'tool', tool: 'search_chats', input: { query: 'churn' } });
  });

  it('/save keeps the last chart, titled as asked or “Saved chart”', () => {
    expect(outcome('/save Q3 revenue')).toEqual({
      kind: 'tool',
      tool: 'save_to_workspace',
      input: { title: 'Q3 revenue' },
      useLastChart: true,
    });
    expect(outcome('/save')).toEqual({
      kind: 'tool',
      tool: 'save_to_workspace',
      input: { title: 'Saved chart' },
      useLastChart: true,
    });
  });

  it('/model and /agent select by name, and send what follows on the next lines', () => {
    expect(outcome('/model Claude Sonnet')).toEqual({ kind: 'select', model: 'Claude Sonnet' });
    expect(outcome('/agent Analyst\nWhat changed last week?')).toEqual({
      kind: 'select',
      agent: 'Analyst',
      text: 'What changed last week?',
    });
  });

  it('a command without its argument answers with its usage', () => {
    expect(outcome('/model')).toEqual({
      kind: 'reply',
      text: 'Usage: `/model <name>` — answer with this model from now on in this chat',
    });
    for (const message of ['/agent', '/chart  ', '/dashboard', '/search'])
      expect([message, outcome(message)?.kind]).toEqual([message, 'reply']);
  });

  it('an argument the tool refuses answers with why', () => {
    expect(outcome(`/search ${'x'.repeat(201)}`)).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/^That does not work: query/),
    });
  });

  it('matches the name in any case, and only the whole name', () => {
    expect(outcome('/HELP')?.kind).toBe('reply');
    expect(matchBuiltin('/helpme', COMMANDS)).toBeNull();
    expect(matchBuiltin('help', COMMANDS)).toBeNull();
    expect(matchBuiltin(' /help', COMMANDS)).toBeNull();
    expect(matchBuiltin('/unknown thing', COMMANDS)).toBeNull();
  });
});
