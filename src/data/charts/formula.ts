/**
 * The `derived` calculation's formula: arithmetic over result columns, read by a small
 * recursive-descent parser and evaluated by walking the tree. Nothing is ever handed to `eval`
 * or `new Function`, and a name can only mean a column of the result, so a formula cannot reach
 * JavaScript globals (`constructor`, `process` are just columns that do not exist).
 *
 *   formula := sum
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | atom
 *   atom    := number | name | '"quoted name"' | '(' sum ')'
 */

/** A parsed formula. `position` is the 0-based offset of the node's first character. */
export type FormulaNode =
  | { kind: 'number'; value: number; position: number }
  | { kind: 'column'; name: string; position: number }
  | { kind: 'negate'; operand: FormulaNode; position: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode; position: number };

/** The formula cannot be read. `position` is 0-based; the message counts characters from 1. */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at character ${position + 1}`);
  }
}

type Token =
  | { type: 'number'; value: number; position: number }
  | { type: 'name'; name: string; position: number }
  | { type: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; position: number }
  | { type: 'end'; position: number };

type OpToken = Extract<Token, { type: 'op' }>;

function isOp<O extends OpToken['op']>(token: Token, ...ops: O[]): token is OpToken & { op: O } {
  return token.type === 'op' && (ops as string[]).includes(token.op);
}

const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const BARE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if ('+-*/()'.includes(ch)) {
      tokens.push({ type: 'op', op: ch as OpToken['op'], position: i });
      i++;
    } else if (ch === '"') {
      const { name, end } = readQuotedName(source, i);
      tokens.push({ type: 'name', name, position: i });
      i = end;
    } else if (/[\d.]/.test(ch)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(source);
      if (!match) throw new FormulaError(`Unexpected "${ch}"`, i);
      tokens.push({ type: 'number', value: Number(match[0]), position: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      BARE_NAME.lastIndex = i;
      const name = BARE_NAME.exec(source)?.[0] ?? ch;
      tokens.push({ type: 'name', name, position: i });
      i += name.length;
    } else {
      throw new FormulaError(`Unexpected "${ch}"`, i);
    }
  }
  tokens.push({ type: 'end', position: source.length });
  return tokens;
}

/** A "double quoted" column name; `""` inside stands for one quote, as in SQL. */
function readQuotedName(source: string, start: number): { name: string; end: number } {
  let name = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '"') {
      if (source.charAt(i + 1) !== '"') {
        if (name === '') throw new FormulaError('Empty column name', start);
        return { name, end: i + 1 };
      }
      name += '"';
      i += 2;
    } else {
      name += ch;
      i++;
    }
  }
  throw new FormulaError('Unclosed quote', start);
}

/** Reads a formula into a tree; throws FormulaError saying what is wrong and where. */
export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  let next = 0;
  const peek = (): Token => tokens[next] ?? { type: 'end', position: source.length };

  function sum(): FormulaNode {
    let left = product();
    for (let t = peek(); isOp(t, '+', '-'); t = peek()) {
      next++;
      left = { kind: 'binary', op: t.op, left, right: product(), position: left.position };
    }
    return left;
  }

  function product(): FormulaNode {
    let left = unary();
    for (let t = peek(); isOp(t, '*', '/'); t = peek()) {
      next++;
      left = { kind: 'binary', op: t.op, left, right: unary(), position: left.position };
    }
    return left;
  }

  function unary(): FormulaNode {
    const t = peek();
    if (isOp(t, '-')) {
      next++;
      return { kind: 'negate', operand: unary(), position: t.position };
    }
    return atom();
  }

  function atom(): FormulaNode {
    const t = peek();
    next++;
    if (t.type === 'number') return { kind: 'number', value: t.value, position: t.position };
    if (t.type === 'name') return { kind: 'column', name: t.name, position: t.position };
    if (isOp(t, '(')) {
      const inner = sum();
      const close = peek();
      if (!isOp(close, ')'))
        throw new FormulaError(`Expected ")" (to close the "(" at character ${t.position + 1})`, close.position);
      next++;
      return inner;
    }
    if (t.type === 'end') throw new FormulaError('The formula ends too early', t.position);
    throw new FormulaError(`Expected a number, a column or "(" but found "${t.op}"`, t.position);
  }

  const tree = sum();
  const rest = peek();
  if (rest.type !== 'end') throw new FormulaError('Expected an operator (+ - * /) or the end', rest.position);
  return tree;
}

/** The columns a formula reads, each once, in order of first use. */
export function formulaColumns(node: FormulaNode): { name: string; position: number }[] {
  const seen = new Map<string, number>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'column' && !seen.has(n.name)) seen.set(n.name, n.position);
    if (n.kind === 'negate') walk(n.operand);
    if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...seen].map(([name, position]) => ({ name, position }));
}

/**
 * The formula's value for one row. `column` gives a column's value by name (null when empty or
 * not numeric). Any null operand makes the result null, as in SQL; so does division by zero,
 * and an overflow to infinity, since neither can be drawn.
 */
export function evaluateFormula(node: FormulaNode, column: (name: string) => number | null): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'column':
      return column(node.name);
    case 'negate': {
      const v = evaluateFormula(node.operand, column);
      return v === null ? null : -v;
    }
    case 'binary': {
      const left = evaluateFormula(node.left, column);
      const right = evaluateFormula(node.right, column);
      if (left === null || right === null) return null;
      const result = applyOperator(node.op, left, right);
      return result !== null && Number.isFinite(result) ? result : null;
    }
  }
}

function applyOperator(op: '+' | '-' | '*' | '/', left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? null : left / right;
  }
}
