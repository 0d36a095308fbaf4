import type { Layout, LayoutItem } from 'react-grid-layout';

// Where each chart sits on the dashboard's 12-column grid, kept in the dashboard's settings as
// settings.layout = { [chart id]: { x, y, w, h } }. Charts without a place (new ones, or added
// by the assistant) are put below the others, two to a row.

export const GRID_COLUMNS = 12;
export const ROW_HEIGHT = 40;
const DEFAULT_W = 6;
const DEFAULT_H = 8;

export interface Placement {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type SavedLayout = Record<string, Placement>;

function isPlacement(value: unknown): value is Placement {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return ['x', 'y', 'w', 'h'].every((key) => Number.isInteger(p[key]) && (p[key] as number) >= 0);
}

/** The saved places in a dashboard's settings (anything malformed is ignored). */
export function savedLayout(settings: Record<string, unknown>): SavedLayout {
  const raw = settings.layout;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => isPlacement(value))) as SavedLayout;
}

/** The grid layout of a tab's charts: saved places first, then the others in order below them. */
export function tabLayout(chartIds: string[], saved: SavedLayout): LayoutItem[] {
  const placed: LayoutItem[] = [];
  const unplaced: string[] = [];
  for (const id of chartIds) {
    const place = saved[id];
    if (place) placed.push({ i: id, ...clamp(place), minW: 2, minH: 4 });
    else unplaced.push(id);
  }
  const bottom = placed.reduce((max, item) => Math.max(max, item.y + item.h), 0);
  unplaced.forEach((id, index) => {
    placed.push({
      i: id,
      x: (index % 2) * DEFAULT_W,
      y: bottom + Math.floor(index / 2) * DEFAULT_H,
      w: DEFAULT_W,
      h: DEFAULT_H,
      minW: 2,
      minH: 4,
    });
  });
  return placed;
}

function clamp(place: Placement): Placement {
  const w = Math.min(Math.max(place.w, 2), GRID_COLUMNS);
  return { x: Math.min(place.x, GRID_COLUMNS - w), y: place.y, w, h: Math.max(place.h, 4) };
}

/**
 * The settings with one tab's places replaced by the grid's; other tabs' charts keep theirs and
 * places of charts that no longer exist are dropped.
 */
export function settingsWithLayout(
  settings: Record<string, unknown>,
  layout: Layout,
  chartIds: ReadonlySet<string>,
): Record<string, unknown> {
  const places: SavedLayout = {};
  for (const [id, place] of Object.entries(savedLayout(settings))) if (chartIds.has(id)) places[id] = place;
  for (const { i, x, y, w, h } of layout) places[i] = { x, y, w, h };
  return { ...settings, layout: places };
}

/** Whether the grid moved anything compared with the saved places. */
export function layoutChanged(layout: Layout, saved: SavedLayout): boolean {
  return layout.some(({ i, x, y, w, h }) => {
    const place = saved[i];
    return !place || place.x !== x || place.y !== y || place.w !== w || place.h !== h;
  });
}
