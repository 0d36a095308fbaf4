/** "812 B", "1.4 MB": a size for people. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const count = new Intl.NumberFormat();

/** 12345 → "12,345" in the reader's locale. */
export function formatCount(value: number): string {
  return count.format(value);
}

/** A dataset name from a file name: "sales_2024-q1.csv" → "Sales 2024 q1". */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName
    .replace(/\.(csv|tsv|txt|json|ndjson|jsonl|parquet)(\.gz)?$/i, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!base) return 'Untitled dataset';
  return (base.charAt(0).toUpperCase() + base.slice(1)).slice(0, 200);
}

/** A cell of a preview table as text: null as an em dash, objects as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** How a delimiter is named in the interface ("\t" is "Tab"). */
export function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = {
    ',': 'Comma (,)',
    ';': 'Semicolon (;)',
    '\t': 'Tab',
    '|': 'Pipe (|)',
    ' ': 'Space',
  };
  return names[delimiter] ?? `“${delimiter}”`;
}
