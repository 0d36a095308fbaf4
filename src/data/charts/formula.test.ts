import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, formulaColumns, parseFormula } from './formula.js';

/** The formula's value with the given columns; a column not given is unknown (null). */
function calc(formula: string, columns: Record<string, number | null> = {}): number | null {
  const values = new Map(Object.entries(columns));
  return evaluateFormula(parseFormula(formula), (name) => values.get(name) ?? null);
}

/** The error a formula gives, as [message, 0-based position]. */
function failure(formula: string): [string, number] {
  try {
    parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaError) return [error.message, error.position];
    throw error;
  }
  throw new Error(`"${formula}" parsed`);
}

describe('formulas', () => {
  it('multiply and divide before they add and subtract', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('10 - 6 / 2')).toBe(7);
  });

  it('work left to right at the same precedence', () => {
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('12 / 3 / 2')).toBe(2);
  });

  it('follow parentheses', () => {
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('((2))')).toBe(2);
    expect(calc('2 * (3 - (4 - 5))')).toBe(8);
  });

  it('take unary minus, decimals and exponents', () => {
    expect(calc('-a * 2', { a: 3 })).toBe(-6);
    expect(calc('2 * -3')).toBe(-6);
    expect(calc('--3')).toBe(3);
    expect(calc('-(1 + 2)')).toBe(-3);
    expect(calc('.5 + 1.25')).toBe(1.75);
    expect(calc('1.5e2')).toBe(150);
  });

  it('read bare and "quoted" column names', () => {
    expect(calc('revenue_2024 - cost', { revenue_2024: 10, cost: 4 })).toBe(6);
    expect(calc('"net revenue" / "order count"', { 'net revenue': 100, 'order count': 4 })).toBe(25);
    expect(calc('"the ""best"" column" * 2', { 'the "best" column': 21 })).toBe(42);
  });

  it('give null for null operands and division by zero, as SQL does', () => {
    expect(calc('a + 1', { a: null })).toBeNull();
    expect(calc('-a', { a: null })).toBeNull();
    expect(calc('a / b', { a: 1, b: 0 })).toBeNull();
    expect(calc('(a / b) + 1', { a: 1, b: 0 })).toBeNull();
    expect(calc('0 / 5')).toBe(0);
  });

  it('list the columns they read, once each', () => {
    expect(formulaColumns(parseFormula('(a - b) / a + "c d"')).map((c) => c.name)).toEqual(['a', 'b', 'c d']);
  });

  it('say what is wrong and at which character', () => {
    expect(failure('1 +')).toEqual(['The formula ends too early at character 4', 3]);
    expect(failure('a * (b + c')[0]).toBe('Expected ")" (to close the "(" at character 5) at character 11');
    expect(failure('2 $ 3')).toEqual(['Unexpected "$" at character 3', 2]);
    expect(failure('a + "open')).toEqual(['Unclosed quote at character 5', 4]);
    expect(failure('a b')[0]).toBe('Expected an operator (+ - * /) or the end at character 3');
    expect(failure(') + 1')[0]).toBe('Expected a number, a column or "(" but found ")" at character 1');
    expect(failure('""')[0]).toBe('Empty column name at character 1');
    expect(failure('')[1]).toBe(0);
  });

  it('refuse JavaScript that is not arithmetic', () => {
    expect(failure('a; process.exit(1)')[1]).toBe(1);
    expect(failure('Math.max(1, 2)')[1]).toBe(4);
    expect(failure('a ** 2')[1]).toBe(3);
    expect(failure('a || b')[1]).toBe(2);
  });

  it('treat names of JavaScript globals as columns, which are unknown unless the result has them', () => {
    for (const name of ['constructor', 'process', '__proto__', 'toString', 'globalThis']) {
      expect(formulaColumns(parseFormula(`${name} + 1`))).toEqual([{ name, position: 0 }]);
      expect(calc(`${name} + 1`)).toBeNull();
    }
  });
});
