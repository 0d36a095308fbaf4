import { describe, expect, it } from 'vitest';
import { commandFieldErrors, configToForm, EMPTY_COMMAND, formToConfig } from './command-form';

describe('the command editor’s form', () => {
  it('makes the configuration of the chosen type only', () => {
    const values = {
      ...EMPTY_COMMAND,
      type: 'webhook' as const,
      template: 'left over',
      url: ' https://hooks.example.com/x ',
    };
    expect(formToConfig(values)).toEqual({ config: { type: 'webhook', url: 'https://hooks.example.com/x' } });
    expect(formToConfig({ ...values, type: 'prompt_template' })).toEqual({
      config: { type: 'prompt_template', template: 'left over' },
    });
  });

  it('keeps a webhook’s headers, which the form does not show', () => {
    const previous = { type: 'webhook', url: 'https://a.example', headers: { 'X-Team': 'blue' } };
    const values = { ...EMPTY_COMMAND, ...configToForm(previous) };
    expect(formToConfig({ ...values, timeout_ms: 2000 }, previous)).toEqual({
      config: { type: 'webhook', url: 'https://a.example', headers: { 'X-Team': 'blue' }, timeout_ms: 2000 },
    });
  });

  it('reads a tool’s input as a JSON object, and says so beside the field when it is not one', () => {
    const values = { ...EMPTY_COMMAND, type: 'tool' as const, tool: 'search_chats' };
    expect(formToConfig({ ...values, input: '{"query": "{{1}}"}' })).toEqual({
      config: { type: 'tool', tool: 'search_chats', input: { query: '{{1}}' } },
    });
    expect(formToConfig({ ...values, input: '{query' })).toEqual({
      errors: { input: expect.stringMatching(/^Must be JSON/) },
    });
    expect(formToConfig({ ...values, input: '[1]' })).toEqual({
      errors: { input: expect.stringMatching(/JSON object/) },
    });
  });

  it('puts each of the API’s errors beside its field', () => {
    expect(
      commandFieldErrors({
        command_pattern: 'Invalid pattern',
        'handler_config.url': 'Must be an http or https URL',
        'handler_config.input.query': 'Too long',
        'handler_config.headers.Host': 'Is set by OCP',
        handler_config: 'Must be one of …',
        team_id: 'Not your team',
      }),
    ).toEqual({
      command_pattern: 'Invalid pattern',
      url: 'Must be an http or https URL',
      input: 'query: Too long',
      form: 'headers.Host: Is set by OCP',
      type: 'Must be one of …',
      owner: 'Not your team',
    });
  });
});
