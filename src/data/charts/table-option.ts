import type { EChartsOption } from 'echarts';
import type { ChartContext, ColumnData } from './chart-context.js';
import { columnData, timeGrainOf, valueFormatter } from './chart-context.js';
import { cellFormatter, EMPTY_TEXT } from './formats.js';
import { frame } from './frame.js';
import { type GraphicElement, rectAt, textAt } from './graphics.js';
import { isTimeKind, toNumber } from './values.js';

const ROW_HEIGHT = 26;
const FONT_SIZE = 12;
const MIN_COLUMN_WIDTH = 72;
const PADDING = 8;
/** Column widths follow their longest text, within these bounds (in characters). */
const MIN_CHARS = 4;
const MAX_CHARS = 32;
/** Numbers in columns named like this are years or identifiers: 2024, not 2,024. */
const UNGROUPED_NAME = /(^|_)(year|id)$|^id_/i;

/**
 * Table: ECharts has none, so the first rows are drawn as `graphic` text in a grid, header first,
 * numbers right-aligned, stripes for the eye. As many rows as fit the height are shown (and as
 * many columns as fit the width); the rest is counted in a note and a warning. The y axis's
 * number format applies to the columns named in encoding.y, date formats to date columns.
 */
export function tableOption(ctx: ChartContext): EChartsOption {
  const { theme, warnings } = ctx;
  const { title, area } = frame(ctx, false);
  const width = ctx.width - area.left - area.right;
  const height = ctx.height - area.top - area.bottom;

  const allColumns = ctx.data.columns.map((c) => columnData(ctx, c.name));
  const columnRoom = Math.max(1, Math.floor(width / MIN_COLUMN_WIDTH));
  const columns = allColumns.slice(0, columnRoom);
  if (columns.length < allColumns.length) {
    warnings.push(`showing ${columns.length} of ${allColumns.length} columns`);
  }
  const total = ctx.data.rows.length;
  const rowRoom = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
  // A note under the table says how many rows are hidden; it takes a row of its own.
  const shown = total <= rowRoom ? total : Math.max(1, rowRoom - 1);
  if (shown < total) warnings.push(`showing ${shown} of ${total} rows`);

  const texts = columns.map((column) => {
    const format = cellText(ctx, column);
    return column.values.slice(0, shown).map(format);
  });
  const widths = columnWidths(columns, texts, width);

  const elements: GraphicElement[] = [];
  const rowMiddle = (r: number) => area.top + ROW_HEIGHT * (r + 1.5);
  for (let r = 1; r < shown; r += 2) {
    elements.push(rectAt(area.left, area.top + ROW_HEIGHT * (r + 1), width, ROW_HEIGHT, theme.stripe));
  }
  elements.push(rectAt(area.left, area.top + ROW_HEIGHT - 1, width, 1, theme.axisLine));
  let left = area.left;
  columns.forEach((column, c) => {
    const columnWidth = widths[c] ?? MIN_COLUMN_WIDTH;
    const right = column.kind === 'number';
    const x = right ? left + columnWidth - PADDING : left + PADDING;
    const look = { fontSize: FONT_SIZE, align: right ? 'right' : 'left', maxWidth: columnWidth - 2 * PADDING } as const;
    elements.push(textAt(x, area.top + ROW_HEIGHT / 2, column.name, { ...look, fill: theme.text, fontWeight: 'bold' }));
    texts[c]?.forEach((text, r) => {
      elements.push(textAt(x, rowMiddle(r), text, { ...look, fill: theme.text }));
    });
    left += columnWidth;
  });
  if (shown < total) {
    const note = `Showing ${shown} of ${total} rows`;
    elements.push(textAt(area.left + PADDING, rowMiddle(shown), note, { fontSize: 11, fill: theme.mutedText }));
  }

  const option: EChartsOption = { graphic: elements };
  if (title) option.title = title;
  return option;
}

/** How a column's cells are written. */
function cellText(ctx: ChartContext, column: ColumnData): (value: unknown) => string {
  const { style } = ctx.spec;
  if (isTimeKind(column.kind)) {
    return cellFormatter(
      column.kind,
      column.values,
      style.x_axis,
      ctx.locale,
      ctx.warnings,
      timeGrainOf(ctx, column.name),
    );
  }
  if (column.kind !== 'number') return cellFormatter(column.kind, column.values, undefined, ctx.locale, ctx.warnings);
  const format = ctx.encoding.y?.includes(column.name)
    ? valueFormatter(ctx, style.y_axis, [column.name])
    : UNGROUPED_NAME.test(column.name)
      ? (n: number | null) => (n === null ? EMPTY_TEXT : String(n))
      : valueFormatter(ctx, undefined, [column.name]);
  return (value) => format(toNumber(value));
}

/** Widths in proportion to each column's longest text, filling `total`. */
function columnWidths(columns: ColumnData[], texts: string[][], total: number): number[] {
  const weights = columns.map((column, c) => {
    const longest = Math.max(column.name.length, ...(texts[c] ?? []).map((t) => t.length));
    return Math.min(MAX_CHARS, Math.max(MIN_CHARS, longest));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
}
