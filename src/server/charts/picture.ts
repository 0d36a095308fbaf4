import { z } from 'zod';
import { renderChartPng, renderChartSvg } from '../../data/charts/render.js';
import type { ChartSpec, QueryResult } from '../../shared/chart-spec.js';
import { asSpecProblem } from './service.js';

export type PictureKind = 'svg' | 'png';

/** Size and theme of a chart picture, from the query string or a body. */
export const PictureOptions = z.object({
  width: z.coerce.number().int().min(100).max(4000).default(800),
  height: z.coerce.number().int().min(100).max(4000).default(450),
  theme: z.enum(['light', 'dark']).default('light'),
});

/** The picture itself (SVG text or PNG bytes); documented, not serialized. */
export const Picture = z.any().describe('The chart as an image');

export const pictureMediaType = (kind: PictureKind) => (kind === 'svg' ? 'image/svg+xml' : 'image/png');

/** A spec's drawing as SVG or PNG (server-side ECharts), with its warnings; a spec that does not fit its data is a 422 at `path`. */
export function drawPicture(
  kind: PictureKind,
  spec: ChartSpec,
  raw: QueryResult,
  size: z.infer<typeof PictureOptions>,
  path: string,
) {
  try {
    if (kind === 'svg') {
      const { svg, warnings } = renderChartSvg(spec, raw, size);
      return { body: svg as string | Buffer, type: 'image/svg+xml; charset=utf-8', warnings };
    }
    const { png, warnings } = renderChartPng(spec, raw, size);
    return { body: png as string | Buffer, type: 'image/png', warnings };
  } catch (error) {
    throw asSpecProblem(error, path);
  }
}
