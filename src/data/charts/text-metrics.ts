/**
 * How wide text set in DejaVu Sans is, for ECharts' server-side renderer. Without a canvas,
 * ECharts guesses text widths from Helvetica-like metrics, but the server draws DejaVu Sans, which
 * is wider: legends overlapped and labels ran past their room. These are the fonts' own advance
 * widths (from DejaVuSans.ttf and DejaVuSans-Bold.ttf), in thousandths of an em, for the characters
 * charts mostly use; any other character counts as an average one (or a full em if it is wide,
 * as CJK characters are). Kerning is ignored; it changes widths by a percent or two.
 */

const CHARACTERS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~€£¥–—…▲▼■·°×';

// biome-ignore format: a table of numbers reads better packed
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575,
  775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685,
  390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634,
  612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 636, 636, 636, 500,
  1000, 1000, 769, 769, 945, 318, 500, 838,
];

// biome-ignore format: a table of numbers reads better packed
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
  683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
  724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343,
  1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 696,
  696, 696, 500, 1000, 1000, 769, 769, 945, 380, 500, 838,
];

const AVERAGE = 0.62;
const DEFAULT_FONT_SIZE = 12;

function table(widths: number[]): Map<string, number> {
  return new Map([...CHARACTERS].map((ch, i) => [ch, (widths[i] ?? AVERAGE * 1000) / 1000]));
}

const REGULAR_WIDTHS = table(REGULAR);
const BOLD_WIDTHS = table(BOLD);

/** The width in pixels of `text` in a CSS font such as "bold 16px DejaVu Sans, sans-serif". */
export function measureTextWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? DEFAULT_FONT_SIZE);
  const widths = /\b(bold|bolder|[6-9]00)\b/.test(font) ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    ems += widths.get(ch) ?? (code >= 0x2e80 ? 1 : AVERAGE);
  }
  return ems * size;
}
