import { LRUCache } from 'lru-cache';
import { RE2JS, RE2JSSyntaxException } from 're2js';

// Custom command patterns are written by users and run against every message, so they are matched
// by RE2 (re2js): time linear in the message, whatever the pattern. RE2 refuses what would need
// backtracking (backreferences, lookahead, lookbehind), and the API refuses what RE2 refuses.
//
// Linear is not free: a match costs up to (compiled program size × message length) steps, so the
// program size is bounded too. 2,000 instructions over a 20,000-character message is the worst
// case (a fraction of a second); a typical `^/name\s+(.*)$` compiles to a few dozen.

/** The largest compiled program a pattern may have (`a{1000}` compiles to about 1,000). */
export const MAX_PROGRAM_SIZE = 2000;

/** Custom patterns are not tried on longer messages (the assistant takes at most 20,000 characters). */
export const MAX_MATCHED_LENGTH = 20_000;

/**
 * What a match captured: `'0'` the whole match, `'1'`, `'2'`… the numbered groups, and each named
 * group under its name (named groups are also numbered). A group that took no part is null.
 */
export type MatchGroups = Record<string, string | null>;

/** Why RE2 refuses `pattern`, as a sentence for a 422; undefined when it compiles. */
export function patternError(pattern: string): string | undefined {
  const compiled = compileCached(pattern);
  return 'error' in compiled ? compiled.error : undefined;
}

/** The compiled pattern; throws a PatternError (with RE2's reason) when it does not compile. */
export function compilePattern(pattern: string): RE2JS {
  const compiled = compileCached(pattern);
  if ('error' in compiled) throw new PatternError(compiled.error);
  return compiled.regex;
}

export class PatternError extends Error {
  override name = 'PatternError';
}

/**
 * Matches `message` against a command pattern, as given: unanchored, like a search, so `report`
 * matches anywhere in the message. Write `^/report\s+(.*)$` to match only a message that is the
 * command. Case-sensitive unless the pattern says `(?i)`; `.` does not match a newline unless it
 * says `(?s)`. Answers null when the pattern does not match, or the message is over
 * MAX_MATCHED_LENGTH characters. Throws a PatternError when the pattern does not compile.
 */
export function matchPattern(pattern: string | RE2JS, message: string): MatchGroups | null {
  if (message.length > MAX_MATCHED_LENGTH) return null;
  const regex = typeof pattern === 'string' ? compilePattern(pattern) : pattern;
  const matcher = regex.matcher(message);
  if (!matcher.find()) return null;
  const entries: [string, string | null][] = [];
  for (let i = 0; i <= matcher.groupCount(); i++) entries.push([String(i), matcher.group(i)]);
  for (const [name, value] of Object.entries(matcher.getNamedGroups())) entries.push([name, value]);
  // fromEntries defines own properties, so a group named __proto__ is just a key.
  return Object.fromEntries(entries);
}

type Compiled = { regex: RE2JS } | { error: string };

// Patterns are compiled once per process (a stored command runs on every message of its users).
const cache = new LRUCache<string, Compiled>({ max: 1000 });

function compileCached(pattern: string): Compiled {
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compile(pattern);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function compile(pattern: string): Compiled {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    return { error: `is not a valid regular expression (${describeRefusal(error)})` };
  }
  const size = regex.programSize();
  if (size > MAX_PROGRAM_SIZE)
    return {
      error: `is too complex: RE2 compiles it to ${size} instructions, at most ${MAX_PROGRAM_SIZE} are allowed`,
    };
  return { regex };
}

/** RE2's own words, plus a hint when the pattern uses what only backtracking engines have. */
function describeRefusal(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return `RE2: ${error instanceof Error ? error.message : error}`;
  const said = `RE2: ${error.message.replace(/^error parsing regexp: /, '')}`;
  const at = error.input ?? '';
  if (/^\\[1-9]/.test(at) || /^\\k</.test(at)) return `${said}; RE2 has no backreferences`;
  if (/^\(\?<?[=!]/.test(at)) return `${said}; RE2 has no lookahead or lookbehind`;
  return said;
}
