import { ExpressionError } from './errors.ts';
import { tokenize, type Token } from './tokenizer.ts';
import type { BinaryOp, Expr } from './types.ts';

/**
 * Recursive-descent parser of the policy expression language into an untyped tree. Precedence,
 * lowest first: if-then-else, or, and, not, comparison / in, + −, × ÷, unary −, indexing.
 * Comparisons do not chain: `a < b < c` is refused rather than guessed.
 */

const COMPARISONS = new Set(['<', '<=', '>', '>=', '=', '!=']);

/** Parses one expression; throws ExpressionError with the offset of the problem. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(tokenize(text));
  const expr = parser.expression();
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(): Expr {
    if (this.isKeyword('if')) return this.conditional();
    return this.binaryLevel(0);
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'eof') throw new ExpressionError(`表达式在此处应结束，却遇到「${token.text}」`, token.pos);
  }

  private conditional(): Expr {
    const start = this.next();
    const cond = this.expression();
    this.expectKeyword('then');
    const then = this.expression();
    this.expectKeyword('else');
    const otherwise = this.expression();
    return { kind: 'if', cond, then, otherwise, pos: start.pos };
  }

  // Levels 0 and 1 are `or` and `and`; below them `not`, then comparisons.
  private binaryLevel(level: 0 | 1): Expr {
    const keyword = level === 0 ? 'or' : 'and';
    let left = level === 0 ? this.binaryLevel(1) : this.negation();
    while (this.isKeyword(keyword)) {
      const operator = this.next();
      const right = level === 0 ? this.binaryLevel(1) : this.negation();
      left = { kind: 'binary', op: keyword, left, right, pos: operator.pos };
    }
    return left;
  }

  private negation(): Expr {
    if (!this.isKeyword('not') || this.peek(1).text === 'in') return this.comparison();
    const operator = this.next();
    return { kind: 'unary', op: 'not', operand: this.negation(), pos: operator.pos };
  }

  private comparison(): Expr {
    const left = this.additive();
    const token = this.peek();
    if (token.kind === 'op' && COMPARISONS.has(String(token.value))) {
      this.next();
      const right = this.additive();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(String(after.value))) {
        throw new ExpressionError('比较不能连写（如 a < b < c），请用 and 连接两个比较', after.pos);
      }
      return { kind: 'binary', op: token.value as BinaryOp, left, right, pos: token.pos };
    }
    const negated = this.isKeyword('not') && this.peek(1).text === 'in';
    if (negated) this.next();
    if (!this.isKeyword('in')) return left;
    const operator = this.next();
    return { kind: 'in', operand: left, items: this.list(), negated, pos: operator.pos };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const operator = this.next();
      left = { kind: 'binary', op: operator.value as BinaryOp, left, right: this.multiplicative(), pos: operator.pos };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const operator = this.next();
      left = { kind: 'binary', op: operator.value as BinaryOp, left, right: this.unary(), pos: operator.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (!this.isOp('-')) return this.postfix();
    const operator = this.next();
    return { kind: 'unary', op: '-', operand: this.unary(), pos: operator.pos };
  }

  private postfix(): Expr {
    let target = this.primary();
    while (this.isOp('[')) {
      const open = this.next();
      const key = this.expression();
      this.expectOp(']');
      target = { kind: 'index', target, key, pos: open.pos };
    }
    return target;
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === 'keyword' && token.text === 'if') return this.conditional();
    if (token.kind === 'keyword' && (token.text === 'true' || token.text === 'false')) {
      this.next();
      return { kind: 'literal', type: 'bool', value: token.text === 'true' ? 1 : 0, text: token.text, pos: token.pos };
    }
    if (token.kind === 'name') return this.nameOrCall();
    if (this.isOp('(')) {
      this.next();
      const inner = this.expression();
      this.expectOp(')');
      return inner;
    }
    const literal = literalOf(token);
    if (literal) {
      this.next();
      return literal;
    }
    throw new ExpressionError(token.kind === 'eof' ? '表达式不完整' : `此处应为数值、名称或括号，却遇到「${token.text}」`, token.pos);
  }

  private nameOrCall(): Expr {
    const name = this.next();
    if (!this.isOp('(')) return { kind: 'name', name: name.text, pos: name.pos };
    this.next();
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      do args.push(this.expression());
      while (this.acceptOp(','));
    }
    this.expectOp(')');
    return { kind: 'call', name: name.text, args, pos: name.pos };
  }

  private list(): Expr[] {
    this.expectOp('[');
    const items: Expr[] = [];
    if (!this.isOp(']')) {
      do items.push(this.expression());
      while (this.acceptOp(','));
    }
    this.expectOp(']');
    return items;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'keyword' && token.text === word;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === op;
  }

  private acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  private expectOp(op: string): void {
    const token = this.peek();
    if (!this.acceptOp(op)) throw new ExpressionError(`此处应为「${op}」，却遇到「${token.text || '结尾'}」`, token.pos);
  }

  private expectKeyword(word: string): void {
    const token = this.peek();
    if (!this.isKeyword(word)) throw new ExpressionError(`此处应为「${word}」，却遇到「${token.text || '结尾'}」`, token.pos);
    this.next();
  }
}

function literalOf(token: Token): Expr | undefined {
  const types = { number: 'number', percent: 'percent', money: 'money', date: 'date', text: 'text' } as const;
  if (!(token.kind in types)) return undefined;
  const type = types[token.kind as keyof typeof types];
  return { kind: 'literal', type, value: token.value, text: token.text, pos: token.pos };
}
