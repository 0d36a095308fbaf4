/**
 * Auto-refresh intervals, written as in Grafana's `?refresh=` (30s, 1m, 1h). The list offers the
 * usual ones; the URL may name any other of at least five seconds (a shared link, or a test).
 */
export const REFRESH_CHOICES = [
  { value: 'off', label: 'Off' },
  { value: '30s', label: '30 s' },
  { value: '1m', label: '1 min' },
  { value: '5m', label: '5 min' },
  { value: '15m', label: '15 min' },
  { value: '1h', label: '1 h' },
] as const;

/** Shorter intervals would load the server (and the data) for little gain. */
const MIN_MS = 5_000;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** The interval in milliseconds, or null for "off" and anything unreadable or too short. */
export function refreshIntervalMs(value: string | null | undefined): number | null {
  const match = /^(\d{1,5})(s|m|h)$/.exec(value ?? '');
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms >= MIN_MS ? ms : null;
}

/** "30 s", "5 min": how an interval reads in the control. */
export function refreshLabel(value: string): string {
  const known = REFRESH_CHOICES.find((choice) => choice.value === value);
  if (known) return known.label;
  const match = /^(\d+)(s|m|h)$/.exec(value);
  if (!match) return value;
  return `${match[1]} ${{ s: 's', m: 'min', h: 'h' }[match[2] as 's' | 'm' | 'h']}`;
}
