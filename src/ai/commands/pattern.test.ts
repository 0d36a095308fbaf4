import { describe, expect, it } from 'vitest';
import { MAX_MATCHED_LENGTH, matchPattern, PatternError, patternError } from './pattern.js';
import { fillJson, fillTemplate } from './template.js';

describe('compiling a command pattern', () => {
  it('accepts ordinary patterns, with numbered and named groups', () => {
    expect(patternError('^/report\\s+(?<period>\\w+)$')).toBeUndefined();
    expect(patternError('(?i)^/hello$')).toBeUndefined();
    expect(patternError('^/p (?P<x>\\d+)$')).toBeUndefined();
  });

  it('refuses what RE2 refuses, in RE2’s words', () => {
    expect(patternError('^/report(')).toBe('is not a valid regular expression (RE2: missing closing ): `^/report(`)');
    expect(patternError('[')).toMatch(/^is not a valid regular expression \(RE2: missing closing \]/);
    expect(patternError('a**')).toMatch(/RE2: invalid nested repetition operator/);
  });

  it('says that RE2 has no backreferences or lookaround, which JavaScript would have accepted', () => {
    expect(patternError('^(a)\\1$')).toMatch(/RE2: invalid escape sequence: `\\1`.*; RE2 has no backreferences\)$/);
    expect(patternError('^/x(?=y)')).toMatch(/; RE2 has no lookahead or lookbehind\)$/);
    expect(patternError('(?<!a)b')).toMatch(/; RE2 has no lookahead or lookbehind\)$/);
  });

  it('refuses a pattern whose compiled program is too large to match cheaply', () => {
    expect(patternError('\\pL{1000}\\pL{1000}\\pL{100}')).toMatch(
      /^is too complex: RE2 compiles it to \d+ instructions, at most 2000/,
    );
    expect(patternError('a'.repeat(1000))).toBeUndefined();
  });

  it('matching with an invalid pattern throws a PatternError', () => {
    expect(() => matchPattern('(', 'x')).toThrow(PatternError);
  });
});

describe('matching a message', () => {
  it('returns the whole match, the numbered groups and the named groups', () => {
    expect(matchPattern('^/report\\s+(?<period>\\w+)(?:\\s+(\\d+))?$', '/report monthly')).toEqual({
      '0': '/report monthly',
      '1': 'monthly',
      '2': null,
      period: 'monthly',
    });
  });

  it('searches anywhere in the message unless the pattern is anchored', () => {
    expect(matchPattern('report', 'please /report this')?.['0']).toBe('report');
    expect(matchPattern('^/report', 'please /report this')).toBeNull();
    expect(matchPattern('^/report$', '/report\nmore')).toBeNull();
  });

  it('a group named __proto__ is only a key', () => {
    const groups = matchPattern('(?P<__proto__>a)', 'a');
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
    expect(Object.hasOwn(groups ?? {}, '__proto__')).toBe(true);
  });

  it('answers at once for a pattern that makes backtracking engines run for ever', () => {
    // Nested quantifiers over 50,001 characters: exponential for a backtracking engine, linear for RE2.
    expect(matchPattern('^(a+)+$', `${'a'.repeat(50_000)}b`)).toBeNull();
    expect(matchPattern('^(a|a)*$', `${'a'.repeat(MAX_MATCHED_LENGTH - 1)}b`)).toBeNull();
    expect(matchPattern('^(a+)+$', 'a'.repeat(MAX_MATCHED_LENGTH))?.['1']?.length === MAX_MATCHED_LENGTH).toBe(true);
  });

  it('does not try messages longer than the limit', () => {
    expect(matchPattern('a', 'a'.repeat(MAX_MATCHED_LENGTH + 1))).toBeNull();
  });
});

describe('filling a template', () => {
  const values = {
    input: '/report monthly 2024',
    groups: { '0': '/report monthly', '1': 'monthly', '2': null, period: 'monthly' },
  };

  it('fills the whole message, the match, numbered and named groups', () => {
    expect(fillTemplate('{{input}} | {{0}} | {{1}} | {{ period }} | [{{2}}]', values)).toBe(
      '/report monthly 2024 | /report monthly | monthly | monthly | []',
    );
  });

  it('leaves unknown placeholders and other braces as written', () => {
    expect(fillTemplate('{{nope}} {{9}} {x} {{', values)).toBe('{{nope}} {{9}} {x} {{');
  });

  it('never reads what came from the message as a placeholder', () => {
    const hostile = { input: '{{1}}', groups: { '0': '{{input}}', '1': '{{0}}' } };
    expect(fillTemplate('{{0}}/{{1}}/{{input}}', hostile)).toBe('{{input}}/{{0}}/{{1}}');
  });

  it('fills every string of a JSON value, keeping other values and the keys', () => {
    expect(fillJson({ query: 'for {{period}}', limit: 5, tags: ['{{1}}', true], '{{1}}': null }, values)).toEqual({
      query: 'for monthly',
      limit: 5,
      tags: ['monthly', true],
      '{{1}}': null,
    });
  });
});
