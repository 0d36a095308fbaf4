// The command editor's form and the API's handler_config (src/ai/commands/handler-config.ts):
// one flat set of fields for the four handler types, turned into the configuration of the type
// chosen. Settings the editor does not show (a webhook's headers) are kept as they were.

export const HANDLER_TYPES = [
  { value: 'prompt_template', label: 'Send a prompt to the model' },
  { value: 'agent', label: 'Ask an agent' },
  { value: 'tool', label: 'Run a tool (no model)' },
  { value: 'webhook', label: 'Call a webhook' },
] as const;

export type HandlerType = (typeof HANDLER_TYPES)[number]['value'];

export interface CommandFormValues {
  name: string;
  description: string;
  command_pattern: string;
  type: HandlerType;
  template: string;
  agent_id: string;
  tool: string;
  /** The tool's input as JSON text ('' for none). */
  input: string;
  url: string;
  timeout_ms: number | '';
  max_bytes: number | '';
  owner: string;
  is_public: boolean;
}

export const EMPTY_COMMAND: CommandFormValues = {
  name: '',
  description: '',
  command_pattern: '^/',
  type: 'prompt_template',
  template: '',
  agent_id: '',
  tool: '',
  input: '',
  url: '',
  timeout_ms: '',
  max_bytes: '',
  owner: '',
  is_public: false,
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' ? value : '');

/** The form's fields from a stored configuration. */
export function configToForm(config: Record<string, unknown>): Partial<CommandFormValues> {
  const type = HANDLER_TYPES.some((t) => t.value === config.type) ? (config.type as HandlerType) : 'prompt_template';
  return {
    type,
    template: text(config.template),
    agent_id: text(config.agent_id),
    tool: text(config.tool),
    input: config.input && typeof config.input === 'object' ? JSON.stringify(config.input, null, 2) : '',
    url: text(config.url),
    timeout_ms: count(config.timeout_ms),
    max_bytes: count(config.max_bytes),
  };
}

/**
 * The configuration of the chosen type, or the form fields at fault before the API is asked
 * (the tool's input must be a JSON object).
 */
export function formToConfig(
  values: CommandFormValues,
  previous: Record<string, unknown> = {},
): { config: Record<string, unknown> } | { errors: Record<string, string> } {
  switch (values.type) {
    case 'prompt_template':
      return { config: { type: 'prompt_template', template: values.template } };
    case 'agent':
      return {
        config: {
          type: 'agent',
          agent_id: values.agent_id,
          ...(values.template.trim() ? { template: values.template } : {}),
        },
      };
    case 'tool': {
      if (!values.input.trim()) return { config: { type: 'tool', tool: values.tool } };
      let input: unknown;
      try {
        input = JSON.parse(values.input);
      } catch {
        return { errors: { input: 'Must be JSON, such as {"query": "{{1}}"}' } };
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input))
        return { errors: { input: 'Must be a JSON object, such as {"query": "{{1}}"}' } };
      return { config: { type: 'tool', tool: values.tool, input } };
    }
    case 'webhook':
      return {
        config: {
          type: 'webhook',
          url: values.url.trim(),
          ...(previous.type === 'webhook' && previous.headers ? { headers: previous.headers } : {}),
          ...(values.timeout_ms !== '' ? { timeout_ms: values.timeout_ms } : {}),
          ...(values.max_bytes !== '' ? { max_bytes: values.max_bytes } : {}),
        },
      };
  }
}

const CONFIG_FIELDS = ['template', 'agent_id', 'tool', 'input', 'url', 'timeout_ms', 'max_bytes'];

/**
 * The API's field errors (from fieldErrors: "command_pattern", "handler_config.url",
 * "handler_config.input.query") as the form's fields; what no field shows stays under `form`.
 */
export function commandFieldErrors(byPath: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (key: string, message: string) => {
    errors[key] ??= message;
  };
  for (const [path, message] of Object.entries(byPath)) {
    if (!path.startsWith('handler_config')) {
      put(path === 'team_id' ? 'owner' : path, message);
      continue;
    }
    const [, field, ...rest] = path.split('.');
    if (!field) put('type', message);
    else if (field === 'type') put('type', message);
    else if (field === 'input') put('input', rest.length ? `${rest.join('.')}: ${message}` : message);
    else if (CONFIG_FIELDS.includes(field)) put(field, message);
    else put('form', `${field}${rest.length ? `.${rest.join('.')}` : ''}: ${message}`);
  }
  return errors;
}
