import { describe, expect, it } from 'vitest';
import { expiresAt, isExpired, localDate } from './expiry';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('share link expiry', () => {
  it('adds whole days for the presets', () => {
    expect(expiresAt('1d', '', NOW)).toBe('2026-03-11T12:00:00.000Z');
    expect(expiresAt('7d', '', NOW)).toBe('2026-03-17T12:00:00.000Z');
    expect(expiresAt('30d', '', NOW)).toBe('2026-04-09T12:00:00.000Z');
  });

  it('sends null for a link that never expires', () => {
    expect(expiresAt('never', '', NOW)).toBeNull();
  });

  it('ends a chosen date at the end of that day in local time', () => {
    const iso = expiresAt('date', '2026-03-20', NOW);
    const end = new Date(iso ?? '');
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      2026, 2, 20, 23, 59,
    ]);
  });

  it('has no expiry for a missing or malformed date', () => {
    expect(expiresAt('date', '', NOW)).toBeUndefined();
    expect(expiresAt('date', '20/03/2026', NOW)).toBeUndefined();
  });

  it('formats today for a date field and tells expired links apart', () => {
    expect(localDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(isExpired(null, NOW)).toBe(false);
    expect(isExpired('2026-03-10T11:59:59Z', NOW)).toBe(true);
    expect(isExpired('2026-03-10T12:00:01Z', NOW)).toBe(false);
  });
});
