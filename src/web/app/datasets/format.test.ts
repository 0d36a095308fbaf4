import { describe, expect, it } from 'vitest';
import { datasetNameFromFile, describeDelimiter, formatBytes, formatCell } from './format';

describe('dataset formatting', () => {
  it('names a dataset after its file, without the extension and separators', () => {
    expect(datasetNameFromFile('sales_2024-q1.csv')).toBe('Sales 2024 q1');
    expect(datasetNameFromFile('messy.CSV')).toBe('Messy');
    expect(datasetNameFromFile('events.ndjson.gz')).toBe('Events');
    expect(datasetNameFromFile('.csv')).toBe('Untitled dataset');
  });

  it('writes sizes in the largest unit below 1024', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });

  it('shows empty cells as a dash and long floats rounded', () => {
    expect(formatCell(null)).toBe('—');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell({ a: 1 })).toBe('{"a":1}');
  });

  it('names the usual delimiters', () => {
    expect(describeDelimiter(';')).toBe('Semicolon (;)');
    expect(describeDelimiter('\t')).toBe('Tab');
  });
});
