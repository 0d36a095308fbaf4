import { describe, expect, it } from 'vitest';
import { validateHandlerConfig } from './handler-config.js';

const paths = (value: unknown) => {
  const result = validateHandlerConfig(value);
  return result.ok ? [] : result.issues.map((issue) => issue.path).sort();
};

describe('a handler configuration', () => {
  it('accepts each handler type', () => {
    for (const config of [
      { type: 'prompt_template', template: 'Say hello to {{name}}' },
      { type: 'tool', tool: 'find_dashboards', input: { query: '{{1}}' } },
      { type: 'tool', tool: 'list_datasets' },
      { type: 'agent', agent_id: '00000000-0000-4000-8000-000000000001' },
      { type: 'agent', agent_id: '00000000-0000-4000-8000-000000000001', template: 'Review {{input}}' },
      {
        type: 'webhook',
        url: 'https://hooks.example.test/x?team=sales',
        headers: { 'X-Team': 'sales' },
        timeout_ms: 100,
        max_bytes: 1_000_000,
      },
    ])
      expect(validateHandlerConfig(config)).toEqual({ ok: true, config });
  });

  it('names each unknown key by its own path, so a typo is found at once', () => {
    expect(paths({ type: 'prompt_template', template: 'x', max_tokens: 800 })).toEqual(['/max_tokens']);
    expect(paths({ type: 'webhook', url: 'https://a.example.test', timeout: 10 })).toEqual(['/timeout']);
    expect(paths({ type: 'tool', tool: 'search_chats', input: { query: 'x', 'a/b': 1 } })).toEqual(['/input/a~1b']);
  });

  it('refuses a webhook that is not http(s), holds credentials or sets OCP’s own headers', () => {
    expect(paths({ type: 'webhook', url: 'file:///etc/passwd' })).toEqual(['/url']);
    expect(paths({ type: 'webhook', url: 'https://user:pw@a.example.test/' })).toEqual(['/url']);
    expect(paths({ type: 'webhook', url: 'https://a.example.test/?api_key=k' })).toEqual(['/url']);
    expect(
      paths({ type: 'webhook', url: 'https://a.example.test/', headers: { Host: 'internal', 'X-A': 'a\r\nB: b' } }),
    ).toEqual(['/headers/Host', '/headers/X-A']);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, 'v']));
    expect(paths({ type: 'webhook', url: 'https://a.example.test/', headers: many })).toEqual(['/headers']);
    expect(paths({ type: 'webhook', url: 'https://a.example.test/', timeout_ms: 30_001, max_bytes: 0 })).toEqual([
      '/max_bytes',
      '/timeout_ms',
    ]);
  });

  it('checks a tool’s input as far as it can before a message fills it', () => {
    expect(paths({ type: 'tool', tool: 'describe_dataset', input: { dataset_id: 'nope' } })).toEqual([
      '/input/dataset_id',
    ]);
    expect(paths({ type: 'tool', tool: 'describe_dataset', input: { dataset_id: '{{1}}' } })).toEqual([]);
    expect(paths({ type: 'tool', tool: 'search_chats', input: {} })).toEqual(['/input/query']);
    expect(paths({ type: 'tool', tool: 'rm_rf', input: {} })).toEqual(['/tool']);
  });

  it('refuses an agent id that is not one', () => {
    expect(paths({ type: 'agent', agent_id: 'analyst' })).toEqual(['/agent_id']);
  });
});
