import { describe, expect, it } from 'vitest';
import { layoutChanged, savedLayout, settingsWithLayout, tabLayout } from './layout';

describe('the dashboard grid layout kept in settings', () => {
  it('places charts without a saved place below the placed ones, two to a row', () => {
    const layout = tabLayout(['a', 'b', 'c'], { a: { x: 0, y: 0, w: 12, h: 6 } });
    expect(layout.map(({ i, x, y, w, h }) => ({ i, x, y, w, h }))).toEqual([
      { i: 'a', x: 0, y: 0, w: 12, h: 6 },
      { i: 'b', x: 0, y: 6, w: 6, h: 8 },
      { i: 'c', x: 6, y: 6, w: 6, h: 8 },
    ]);
  });

  it('ignores malformed places and keeps saved ones inside the grid', () => {
    const saved = savedLayout({ layout: { a: { x: 10, y: 0, w: 6, h: 1 }, b: { x: 'left' }, c: null } });
    expect(Object.keys(saved)).toEqual(['a']);
    expect(tabLayout(['a'], saved)[0]).toMatchObject({ x: 6, w: 6, h: 4 });
    expect(savedLayout({ layout: 'nonsense' })).toEqual({});
  });

  it('saves one tab’s places, keeps other tabs’ and drops those of deleted charts', () => {
    const settings = { theme: 'x', layout: { other: { x: 0, y: 0, w: 4, h: 4 }, gone: { x: 0, y: 0, w: 4, h: 4 } } };
    const next = settingsWithLayout(settings, [{ i: 'a', x: 6, y: 0, w: 6, h: 8 }], new Set(['a', 'other']));
    expect(next).toEqual({
      theme: 'x',
      layout: { other: { x: 0, y: 0, w: 4, h: 4 }, a: { x: 6, y: 0, w: 6, h: 8 } },
    });
  });

  it('tells a real move from the grid merely laying out what was saved', () => {
    const saved = { a: { x: 0, y: 0, w: 6, h: 8 } };
    expect(layoutChanged([{ i: 'a', x: 0, y: 0, w: 6, h: 8 }], saved)).toBe(false);
    expect(layoutChanged([{ i: 'a', x: 6, y: 0, w: 6, h: 8 }], saved)).toBe(true);
    expect(layoutChanged([{ i: 'b', x: 0, y: 8, w: 6, h: 8 }], saved)).toBe(true);
  });
});
