import { ExpressionError } from './errors.ts';
import { TYPE_NAMES, type FunctionName, type TExpr, type ValueType } from './types.ts';

/**
 * Types of the built-in functions. The list is closed on purpose: a policy can only call what
 * both evaluators implement identically.
 */

/** Chinese names of the functions, used in explanations. */
export const FUNCTION_LABELS: Record<FunctionName, string> = {
  min: '较小值',
  max: '较大值',
  round_half_up: '四舍五入',
  year: '年份',
  age_on: '周岁',
  add_months: '加月',
};

const NAMES = Object.keys(FUNCTION_LABELS) as FunctionName[];

/** Types a call of a built-in function, or throws ExpressionError. */
export function typeCall(name: string, args: TExpr[], pos: number): TExpr {
  if (!NAMES.includes(name as FunctionName)) {
    throw new ExpressionError(`没有函数「${name}」（可用：${NAMES.join('、')}）`, pos);
  }
  const fn = name as FunctionName;
  switch (fn) {
    case 'min':
    case 'max':
      return { k: 'call', type: typeExtremum(fn, args, pos), fn, args, digits: 0, pos };
    case 'round_half_up':
      return typeRound(args, pos);
    case 'year':
      requireArgs(fn, args, ['date'], pos);
      return { k: 'call', type: 'number', fn, args, digits: 0, pos };
    case 'age_on':
      requireArgs(fn, args, ['date', 'date'], pos);
      return { k: 'call', type: 'number', fn, args, digits: 0, pos };
    case 'add_months':
      requireArgs(fn, args, ['date', 'number'], pos);
      return { k: 'call', type: 'date', fn, args, digits: 0, pos };
  }
}

function typeExtremum(fn: FunctionName, args: TExpr[], pos: number): ValueType {
  if (args.length < 2) throw new ExpressionError(`${fn} 至少需要两个参数`, pos);
  let type = args[0]?.type as ValueType;
  for (const arg of args.slice(1)) {
    const isRatio = (t: ValueType) => t === 'number' || t === 'percent';
    if (arg.type === type && ['number', 'percent', 'money', 'date'].includes(type)) continue;
    if (isRatio(arg.type) && isRatio(type)) {
      type = 'percent';
      continue;
    }
    throw new ExpressionError(`${fn} 的参数类型应相同（${TYPE_NAMES[type]}与${TYPE_NAMES[arg.type]}）`, arg.pos);
  }
  return type;
}

function typeRound(args: TExpr[], pos: number): TExpr {
  const [value, digitsArg] = args;
  if (!value || args.length > 2) throw new ExpressionError('round_half_up 需要一个或两个参数：值和小数位数', pos);
  if (!['number', 'money', 'percent'].includes(value.type)) {
    throw new ExpressionError(`round_half_up 不能用于${TYPE_NAMES[value.type]}`, value.pos);
  }
  let digits = 0;
  if (digitsArg) {
    const isLiteralDigits = digitsArg.k === 'const' && digitsArg.type === 'number' && Number.isInteger(digitsArg.value) && Number(digitsArg.value) <= 6;
    if (!isLiteralDigits) throw new ExpressionError('小数位数应为 0 到 6 的整数常量', digitsArg.pos);
    digits = Number(digitsArg.value);
  }
  if (value.type === 'money' && digits > 2) throw new ExpressionError('金额最多保留两位小数（到分）', pos);
  return { k: 'call', type: value.type, fn: 'round_half_up', args: [value], digits, pos };
}

function requireArgs(fn: FunctionName, args: TExpr[], types: ValueType[], pos: number): void {
  if (args.length !== types.length) throw new ExpressionError(`${fn} 需要 ${types.length} 个参数，这里有 ${args.length} 个`, pos);
  args.forEach((arg, index) => {
    const expected = types[index] as ValueType;
    if (arg.type !== expected) {
      throw new ExpressionError(`${fn} 的第 ${index + 1} 个参数应为${TYPE_NAMES[expected]}，却是${TYPE_NAMES[arg.type]}`, arg.pos);
    }
  });
}
