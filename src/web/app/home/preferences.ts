// Starred and recently viewed dashboards live in the profile's preferences (there is no table of
// stars): PATCH /api/profile merges preferences key by key, so each list is sent whole under its
// own key and the two never overwrite each other.

export const STARRED_KEY = 'starred_dashboards';
export const RECENT_KEY = 'recent_dashboards';
/** How many recently viewed dashboards are remembered. */
export const RECENT_LIMIT = 12;

export interface RecentVisit {
  id: string;
  /** When it was last opened (ISO 8601). */
  at: string;
}

/** The starred dashboard ids in the preferences (anything malformed is ignored). */
export function starredIds(preferences: Record<string, unknown> | undefined): string[] {
  const raw = preferences?.[STARRED_KEY];
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((id): id is string => typeof id === 'string'))];
}

/** The recently viewed dashboards, most recent first (anything malformed is ignored). */
export function recentVisits(preferences: Record<string, unknown> | undefined): RecentVisit[] {
  const raw = preferences?.[RECENT_KEY];
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const visits: RecentVisit[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, at } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof at !== 'string' || seen.has(id)) continue;
    seen.add(id);
    visits.push({ id, at });
  }
  return visits;
}

/** The starred list with the dashboard starred (added last) or not; unchanged if already so. */
export function withStar(starred: string[], id: string, star: boolean): string[] {
  const without = starred.filter((other) => other !== id);
  return star ? [...without, id] : without;
}

/** The recent list with this visit first, older visits of the same dashboard dropped, capped. */
export function withVisit(recent: RecentVisit[], id: string, at: string, limit = RECENT_LIMIT): RecentVisit[] {
  return [{ id, at }, ...recent.filter((visit) => visit.id !== id)].slice(0, limit);
}

/**
 * Whether a visit is worth saving: not when the dashboard is already the most recent one and was
 * opened moments ago (a reload, or back and forth), so that browsing does not hammer the API.
 */
export function visitWorthSaving(recent: RecentVisit[], id: string, now: number, quietMs = 60_000): boolean {
  const latest = recent[0];
  if (!latest || latest.id !== id) return true;
  return now - new Date(latest.at).getTime() > quietMs;
}
