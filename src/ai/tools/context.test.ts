import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors/api-error.js';
import { capOutput, MAX_TOOL_OUTPUT_CHARS, toolError } from './context.js';

describe('what a tool hands a model', () => {
  it('is capped in size: rows are dropped from the end and the result says it was cut', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `row number ${i} with some text`]);
    const capped = capOutput({ columns: [{ name: 'n' }, { name: 's' }], rows, truncated: false });
    expect(JSON.stringify(capped).length).toBeLessThanOrEqual(MAX_TOOL_OUTPUT_CHARS);
    expect(capped.truncated).toBe(true);
    expect(capped.rows[0]).toEqual([0, 'row number 0 with some text']);
  });

  it('passes small answers through untouched', () => {
    const small = { datasets: [{ id: 'x', name: 'Sales' }] };
    expect(capOutput(small)).toBe(small);
  });

  it('cuts an answer without rows to a preview', () => {
    const capped = capOutput({ text: 'x'.repeat(100_000) }) as unknown as { truncated: boolean; preview: string };
    expect(capped.truncated).toBe(true);
    expect(capped.preview.length).toBeLessThan(MAX_TOOL_OUTPUT_CHARS);
  });

  it('reports a failure in words, with the fields at fault, and nothing internal', () => {
    expect(
      toolError(
        new ApiError('validation_failed', 'Not valid', [{ path: '/spec/type', message: 'is not a chart type' }]),
      ),
    ).toEqual({
      error: 'Not valid (/spec/type: is not a chart type)',
    });
    expect(toolError(new Error('connection to 10.0.0.5:5432 refused'))).toEqual({
      error: 'The tool failed unexpectedly.',
    });
  });
});
