import { describe, expect, it } from 'vitest';
import { formToSettings, settingsToForm } from './agent-settings';

describe('agent settings in the editor', () => {
  it('reads the four keys the assistant uses, with defaults for those left out', () => {
    expect(settingsToForm({})).toEqual({
      model_id: '',
      temperature: '',
      tools_mode: 'all',
      tools: [],
      privacy: 'default',
    });
    expect(settingsToForm({ model_id: 'm', temperature: 0.2, tools: ['run_query'], privacy_mode: false })).toEqual({
      model_id: 'm',
      temperature: 0.2,
      tools_mode: 'some',
      tools: ['run_query'],
      privacy: 'off',
    });
  });

  it('keeps keys it does not manage and drops those set back to their default', () => {
    const previous = { model_id: 'm', temperature: 1, tools: [], privacy_mode: true, max_tokens: 500 };
    const form = {
      model_id: '',
      temperature: '' as const,
      tools_mode: 'all' as const,
      tools: [],
      privacy: 'default' as const,
    };
    expect(formToSettings(form, previous)).toEqual({ max_tokens: 500 });
  });

  it('an agent limited to no tool keeps an empty list (not every tool)', () => {
    const form = {
      model_id: '',
      temperature: '' as const,
      tools_mode: 'some' as const,
      tools: [],
      privacy: 'on' as const,
    };
    expect(formToSettings(form)).toEqual({ tools: [], privacy_mode: true });
  });
});
