import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './theme.js';

/** One free-standing shape or text on the canvas (ECharts' `graphic` component). */
export type GraphicElement = Exclude<NonNullable<EChartsOption['graphic']>, readonly unknown[]>;

/** How a text is set: size, colour, weight, alignment around its anchor, and a width to cut it to. */
export interface TextLook {
  fontSize: number;
  fill: string;
  fontWeight?: 'normal' | 'bold';
  align?: 'left' | 'center' | 'right';
  /** Longer text ends with an ellipsis. */
  maxWidth?: number;
}

/** A text anchored at (x, y): `align` says which of its ends or its centre sits at x; y is its middle. */
export function textAt(x: number, y: number, text: string, look: TextLook): GraphicElement {
  return {
    type: 'text',
    x,
    y,
    silent: true,
    style: {
      text,
      fill: look.fill,
      fontSize: look.fontSize,
      fontFamily: FONT_FAMILY,
      fontWeight: look.fontWeight ?? 'normal',
      align: look.align ?? 'left',
      verticalAlign: 'middle',
      ...(look.maxWidth === undefined ? {} : { width: look.maxWidth, overflow: 'truncate' as const }),
    },
  };
}

/** A filled rectangle, for table stripes and rules. */
export function rectAt(x: number, y: number, width: number, height: number, fill: string): GraphicElement {
  return { type: 'rect', silent: true, shape: { x, y, width, height }, style: { fill } };
}
