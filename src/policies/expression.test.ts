import { describe, expect, it } from 'vitest';
import { describeExpressionError, ExpressionError } from './errors.ts';
import { parseExpression } from './parser.ts';
import { tokenize } from './tokenizer.ts';
import { typecheck, type TypeEnv } from './typecheck.ts';
import type { FactDef, ParamDef, TExpr, ValueType } from './types.ts';

function fact(name: string, type: ValueType, values?: string[]): [string, FactDef] {
  return [name, { name, bit: 0, label: name, type, description: '', values }];
}

function param(name: string, type: ValueType, indexedBy: string[] = [], keys: string[][] = []): [string, ParamDef] {
  return [name, { name, label: name, type, indexedBy, keys, values: [] }];
}

const env: TypeEnv = {
  facts: new Map([
    fact('paid', 'money'), fact('months', 'number'), fact('rate', 'percent'), fact('hired', 'date'),
    fact('is_large', 'bool'), fact('size', 'text', ['大型', '中型', '小型']),
  ]),
  parameters: new Map([param('refund_rate', 'percent'), param('standard', 'money', ['size'], [['大型', '中型', '小型']])]),
  definitions: new Map([['cap', { type: 'percent' as ValueType }]]),
};

function typed(text: string): TExpr {
  return typecheck(parseExpression(text), env);
}

function errorOf(text: string): ExpressionError {
  try {
    typed(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected an error for ${text}`);
}

describe('tokenizer', () => {
  it('reads typed literals: percent, money in fen, dates, texts in Chinese quotes', () => {
    const tokens = tokenize('60% 1500元 2024-01-01 “大型” 5.5%');
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['percent', 0.6], ['money', 150_000], ['date', 19_723], ['text', '大型'], ['percent', 0.055], ['eof', ''],
    ]);
  });

  it('accepts the typographic operators of legal text', () => {
    expect(tokenize('a × b ÷ c ≤ d ≥ e ≠ f − g').filter((t) => t.kind === 'op').map((t) => t.value)).toEqual(['*', '/', '<=', '>=', '!=', '-']);
  });

  it('refuses an unknown character and an impossible date, with the column', () => {
    expect(() => tokenize('a @ b')).toThrow(expect.objectContaining({ pos: 2, message: '无法识别的字符「@」' }));
    expect(() => tokenize('x >= 2023-02-30')).toThrow(/日期不存在：2023-02-30/);
  });
});

describe('parser', () => {
  it('gives × precedence over + and comparisons over and/or', () => {
    const tree = parseExpression('a + b * c <= d and not e or f');
    expect(tree).toMatchObject({ kind: 'binary', op: 'or', left: { kind: 'binary', op: 'and', left: { op: '<=', left: { op: '+', right: { op: '*' } } } } });
  });

  it('parses if-then-else, calls, indexing and in-lists', () => {
    expect(parseExpression('if x then max(1, 2) else t[k][j]')).toMatchObject({ kind: 'if', then: { kind: 'call', name: 'max' }, otherwise: { kind: 'index' } });
    expect(parseExpression('s not in ["a", "b"]')).toMatchObject({ kind: 'in', negated: true, items: [{ value: 'a' }, { value: 'b' }] });
  });

  it('refuses chained comparisons and unfinished expressions, naming the position', () => {
    const chained = (() => { try { parseExpression('a < b < c'); } catch (e) { return e as ExpressionError; } })();
    expect(chained?.pos).toBe(6);
    expect(describeExpressionError(chained as ExpressionError, 'a < b < c')).toContain('第 7 列：比较不能连写');
    expect(() => parseExpression('(a + b')).toThrow(/此处应为「\)」/);
    expect(() => parseExpression('a +')).toThrow('表达式不完整');
  });
});

describe('type checking', () => {
  it('money × percent is money (rounded to the fen at run time)', () => {
    expect(typed('paid × refund_rate')).toMatchObject({ k: 'arith', op: 'mul_money', type: 'money' });
    expect(typed('refund_rate × paid')).toMatchObject({ op: 'mul_money', type: 'money' });
    expect(typed('paid ÷ months')).toMatchObject({ op: 'div_money', type: 'money' });
    expect(typed('paid ÷ paid')).toMatchObject({ op: 'div', type: 'number' });
  });

  it('counts and percentages mix; money and dates do not mix with counts', () => {
    expect(typed('months ÷ months <= cap').type).toBe('bool');
    expect(typed('100% + rate').type).toBe('percent');
    expect(errorOf('paid > months').message).toBe('金额不能与数值比较（左边为金额，右边为数值）');
    expect(errorOf('paid + months').message).toContain('金额 + 数值 没有意义');
    expect(errorOf('hired + 1').message).toContain('日期 + 数值 没有意义');
  });

  it('texts are compared only with values from the fact’s list', () => {
    expect(typed('size = "大型"')).toMatchObject({ k: 'text_in', items: ['大型'], negated: false });
    expect(typed('size in ["中型", "小型"]')).toMatchObject({ k: 'text_in', items: ['中型', '小型'] });
    const error = errorOf('size = "巨型"');
    expect(error.message).toBe('「巨型」不是事实「size」的取值（可取：大型、中型、小型）');
    expect(error.pos).toBe(7);
  });

  it('tables are indexed by the enumerated fact they are declared with', () => {
    expect(typed('standard[size] × rate')).toMatchObject({ op: 'mul_money', left: { k: 'table', name: 'standard' } });
    expect(errorOf('standard × rate').message).toContain('参数「standard」是表格');
    expect(errorOf('standard[months]').message).toContain('第 1 个下标应为事实「size」');
  });

  it('conditions must be booleans, branches must agree, names must exist', () => {
    expect(errorOf('if months then 1 else 2').message).toContain('if 的条件应为是非值');
    expect(errorOf('if is_large then paid else 1').message).toContain('then 与 else 两支类型应相同');
    expect(errorOf('months >= minimum').message).toBe('未定义的名称「minimum」（不是本政策的事实、参数或中间量）');
    expect(errorOf('months >= minimum').pos).toBe(10);
    expect(errorOf('sqrt(months)').message).toContain('没有函数「sqrt」');
  });

  it('types the built-in functions', () => {
    expect(typed('age_on(hired, eval_date) >= 16').type).toBe('bool');
    expect(typed('add_months(hired, 3)').type).toBe('date');
    expect(typed('round_half_up(paid × rate, 0)')).toMatchObject({ k: 'call', fn: 'round_half_up', digits: 0, type: 'money' });
    expect(errorOf('round_half_up(paid, 3)').message).toBe('金额最多保留两位小数（到分）');
    expect(errorOf('year(months)').message).toBe('year 的第 1 个参数应为日期，却是数值');
  });
});
