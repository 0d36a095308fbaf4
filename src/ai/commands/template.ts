import type { MatchGroups } from './pattern.js';

/** What a template is filled from: the message and what the command's pattern captured. */
export interface TemplateValues {
  /** The whole message: `{{input}}` (it wins over a group that is also named `input`). */
  input: string;
  /** `{{0}}` the whole match, `{{1}}`… numbered groups, `{{name}}` named groups. */
  groups: MatchGroups;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Fills `{{input}}`, `{{0}}`, `{{1}}`… and `{{name}}` in one pass: text that came from the message
 * is never read as a placeholder again. A group that took no part gives ''; a placeholder that
 * names nothing is left as written, so literal braces survive.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (name === 'input') return values.input;
    if (Object.hasOwn(values.groups, name)) return values.groups[name] ?? '';
    return placeholder;
  });
}

/** Fills every string in a JSON value (object values and array items, at any depth); keys stay as written. */
export function fillJson(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') return fillTemplate(value, values);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillJson(item, values)]));
  return value;
}

/** Whether a string holds a placeholder (and so is only known once a message matched). */
export function isTemplate(value: string): boolean {
  return /\{\{\s*\w+\s*\}\}/.test(value);
}
