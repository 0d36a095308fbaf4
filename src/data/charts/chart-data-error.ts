/**
 * A chart's spec does not fit its data: a calculation or an encoding names a column the result
 * does not have, or a formula cannot be read. `path` is the JSON pointer of the spec field at
 * fault (e.g. `/calculations/0/field`), so an editor or an LLM can point at it and fix it.
 */
export class ChartDataError extends Error {
  override readonly name = 'ChartDataError';

  constructor(
    message: string,
    /** JSON pointer into the chart spec, e.g. `/encoding/y/1`. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** "a, b, c" — the columns a result has, for messages that say what could have been meant. */
export function listColumns(columns: readonly { name: string }[]): string {
  return columns.length ? columns.map((c) => c.name).join(', ') : '(none)';
}
