import { describe, expect, it } from 'vitest';
import { recentVisits, starredIds, visitWorthSaving, withStar, withVisit } from './preferences';

describe('starred and recently viewed dashboards in the preferences', () => {
  it('reads the lists, ignoring what is malformed or repeated', () => {
    expect(starredIds(undefined)).toEqual([]);
    expect(starredIds({ starred_dashboards: 'a' })).toEqual([]);
    expect(starredIds({ starred_dashboards: ['a', 3, 'b', 'a'] })).toEqual(['a', 'b']);
    expect(
      recentVisits({
        recent_dashboards: [{ id: 'a', at: '2026-01-02' }, { id: 'a', at: '2026-01-01' }, { id: 'b' }, null, 'c'],
      }),
    ).toEqual([{ id: 'a', at: '2026-01-02' }]);
  });

  it('stars and unstars without duplicates', () => {
    expect(withStar(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(withStar(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(withStar(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withStar([], 'a', false)).toEqual([]);
  });

  it('puts the latest visit first, once, and keeps a dozen', () => {
    const recent = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, at: `2026-01-${10 + i}` }));
    const next = withVisit(recent, 'd5', '2026-02-01');
    expect(next[0]).toEqual({ id: 'd5', at: '2026-02-01' });
    expect(next.filter((v) => v.id === 'd5')).toHaveLength(1);
    expect(next).toHaveLength(12);
    const added = withVisit(recent, 'new', '2026-02-01');
    expect(added).toHaveLength(12);
    expect(added.at(-1)?.id).toBe('d10');
  });

  it('does not save the same dashboard opened again moments later', () => {
    const now = Date.parse('2026-02-01T12:00:30Z');
    const recent = [{ id: 'a', at: '2026-02-01T12:00:00Z' }];
    expect(visitWorthSaving(recent, 'a', now)).toBe(false);
    expect(visitWorthSaving(recent, 'b', now)).toBe(true);
    expect(visitWorthSaving(recent, 'a', now + 60_000)).toBe(true);
    expect(visitWorthSaving([], 'a', now)).toBe(true);
  });
});
