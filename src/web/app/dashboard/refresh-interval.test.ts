import { describe, expect, it } from 'vitest';
import { refreshIntervalMs, refreshLabel } from './refresh-interval';

describe('refreshIntervalMs', () => {
  it('reads seconds, minutes and hours', () => {
    expect(refreshIntervalMs('30s')).toBe(30_000);
    expect(refreshIntervalMs('5m')).toBe(300_000);
    expect(refreshIntervalMs('1h')).toBe(3_600_000);
  });

  it('is off for "off", nothing, nonsense and intervals under five seconds', () => {
    for (const value of ['off', null, undefined, '', '1x', '-5s', '1.5m', '4s'])
      expect(refreshIntervalMs(value)).toBeNull();
    expect(refreshIntervalMs('5s')).toBe(5_000);
  });
});

describe('refreshLabel', () => {
  it('names the offered intervals as the control shows them, and others alike', () => {
    expect(refreshLabel('1m')).toBe('1 min');
    expect(refreshLabel('10s')).toBe('10 s');
    expect(refreshLabel('2h')).toBe('2 h');
  });
});
