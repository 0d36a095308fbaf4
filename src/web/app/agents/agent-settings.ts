import type { AgentToolName } from './tools';

// An agent's settings is an open JSON object (the API keeps what it is given). The editor manages
// four keys the assistant reads (src/ai/chat/turn.ts) and keeps every other key as it was.

export interface AgentSettingsForm {
  /** An llm_models id, or '' for the default model. */
  model_id: string;
  /** '' for the model's default. */
  temperature: number | '';
  /** 'all' leaves settings.tools out: the agent has every tool. */
  tools_mode: 'all' | 'some';
  tools: AgentToolName[];
  /** 'default': the team's setting for a dashboard's chat. */
  privacy: 'default' | 'on' | 'off';
}

/** The form's view of stored settings. */
export function settingsToForm(settings: Record<string, unknown>): AgentSettingsForm {
  const tools = Array.isArray(settings.tools)
    ? settings.tools.filter((t): t is AgentToolName => typeof t === 'string')
    : null;
  return {
    model_id: typeof settings.model_id === 'string' ? settings.model_id : '',
    temperature: typeof settings.temperature === 'number' ? settings.temperature : '',
    tools_mode: tools ? 'some' : 'all',
    tools: tools ?? [],
    privacy: settings.privacy_mode === true ? 'on' : settings.privacy_mode === false ? 'off' : 'default',
  };
}

/** Stored settings with the form's four keys applied; a key left at its default is removed. */
export function formToSettings(
  form: AgentSettingsForm,
  previous: Record<string, unknown> = {},
): Record<string, unknown> {
  const { model_id: _m, temperature: _t, tools: _tools, privacy_mode: _p, ...rest } = previous;
  return {
    ...rest,
    ...(form.model_id ? { model_id: form.model_id } : {}),
    ...(form.temperature !== '' ? { temperature: form.temperature } : {}),
    ...(form.tools_mode === 'some' ? { tools: form.tools } : {}),
    ...(form.privacy !== 'default' ? { privacy_mode: form.privacy === 'on' } : {}),
  };
}
