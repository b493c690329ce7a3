import { ExpressionError } from './errors.ts';
import { civilFromDays, daysFromCivil } from './dates.ts';
import { parseYuan } from './values.ts';

/**
 * Tokenizer of the policy expression language. Literals carry their typed value: `60%` is a
 * percent (0.6), `1500元` money in fen (150000), `2024-01-01` a date (day number).
 */

export type TokenKind = 'number' | 'percent' | 'money' | 'date' | 'text' | 'name' | 'keyword' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  value: number | string;
  pos: number;
}

export const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'if', 'then', 'else', 'true', 'false']);

// Longest first, so "<=" wins over "<". Typographic forms (≤ × ÷ −) read like the legal text.
const OPERATORS: [string, string][] = [
  ['<=', '<='], ['>=', '>='], ['!=', '!='], ['==', '='], ['≤', '<='], ['≥', '>='], ['≠', '!='],
  ['<', '<'], ['>', '>'], ['=', '='], ['+', '+'], ['-', '-'], ['−', '-'], ['*', '*'], ['×', '*'],
  ['/', '/'], ['÷', '/'], ['(', '('], [')', ')'], ['[', '['], [']', ']'], [',', ','], ['，', ','],
];

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '「': '」' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/;
const NUMBER = /^\d+(?:\.\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits an expression into tokens, ending with an `eof` token; throws ExpressionError. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const char = text[pos] ?? '';
    if (/\s/.test(char)) {
      pos += 1;
      continue;
    }
    const token = readToken(text, pos);
    tokens.push(token);
    pos += token.text.length;
  }
  tokens.push({ kind: 'eof', text: '', value: '', pos: text.length });
  return tokens;
}

function readToken(text: string, pos: number): Token {
  const rest = text.slice(pos);
  const date = DATE.exec(rest);
  if (date) return dateToken(date, pos);
  const number = NUMBER.exec(rest);
  if (number) return numberToken(rest, number[0], pos);
  const name = NAME.exec(rest);
  if (name) return { kind: KEYWORDS.has(name[0]) ? 'keyword' : 'name', text: name[0], value: name[0], pos };
  const closing = QUOTES[rest[0] ?? ''];
  if (closing) return textToken(rest, closing, pos);
  const operator = OPERATORS.find(([spelling]) => rest.startsWith(spelling));
  if (operator) return { kind: 'op', text: operator[0], value: operator[1], pos };
  throw new ExpressionError(`无法识别的字符「${rest[0]}」`, pos);
}

function dateToken(match: RegExpExecArray, pos: number): Token {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = daysFromCivil(year, month, day);
  const roundTrip = civilFromDays(dayNumber);
  // A date that does not survive the round trip (2023-02-30) is a typing mistake, not a rollover.
  if (month < 1 || month > 12 || roundTrip.month !== month || roundTrip.day !== day) {
    throw new ExpressionError(`日期不存在：${match[0]}`, pos);
  }
  return { kind: 'date', text: match[0], value: dayNumber, pos };
}

function numberToken(rest: string, digits: string, pos: number): Token {
  const suffix = rest[digits.length];
  if (suffix === '%') return { kind: 'percent', text: `${digits}%`, value: Number(digits) / 100, pos };
  if (suffix === '元') {
    const fen = parseYuan(digits);
    if (fen === undefined) throw new ExpressionError(`金额最多两位小数：${digits}元`, pos);
    return { kind: 'money', text: `${digits}元`, value: fen, pos };
  }
  if (/[A-Za-z_]/.test(suffix ?? '')) throw new ExpressionError(`数字后不能紧跟字母：${digits}${suffix}`, pos);
  return { kind: 'number', text: digits, value: Number(digits), pos };
}

function textToken(rest: string, closing: string, pos: number): Token {
  const end = rest.indexOf(closing, 1);
  if (end < 0) throw new ExpressionError(`文本缺少结束引号「${closing}」`, pos);
  return { kind: 'text', text: rest.slice(0, end + 1), value: rest.slice(1, end), pos };
}
