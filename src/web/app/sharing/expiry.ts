/** How long a new share link works: a preset, or until the end of a chosen day. */
export type ExpiryChoice = '1d' | '7d' | '30d' | 'never' | 'date';

export const EXPIRY_CHOICES: { value: ExpiryChoice; label: string }[] = [
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: 'never', label: 'Never' },
  { value: 'date', label: 'On a date' },
];

const DAY_MS = 24 * 3600 * 1000;
const DAYS: Record<'1d' | '7d' | '30d', number> = { '1d': 1, '7d': 7, '30d': 30 };

/**
 * The expires_at to send for a choice: an ISO timestamp, null for never, or undefined when the
 * chosen date is missing or malformed. A date (YYYY-MM-DD, from a date field) means the end of
 * that day in the viewer's time zone, so "until Friday" includes Friday.
 */
export function expiresAt(choice: ExpiryChoice, date: string, now = Date.now()): string | null | undefined {
  if (choice === 'never') return null;
  if (choice !== 'date') return new Date(now + DAYS[choice] * DAY_MS).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

/** Today's date as YYYY-MM-DD in local time (the earliest a date field should offer). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a link's expiry has passed. */
export function isExpired(expires: string | null, now = Date.now()): boolean {
  return expires !== null && new Date(expires).getTime() <= now;
}
