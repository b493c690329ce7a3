/**
 * Errors of the policy engine. The engine is pure (no HTTP, no database), so it carries its own
 * codes; callers (CLI, routes) render them in the SPEC §5 error shape.
 */
export const POLICY_ERROR_CODES = {
  POLICY_INVALID: '政策文件不正确',
  POLICY_NOT_FOUND: '没有该编码的政策',
  CASES_INVALID: '测试案例文件不正确',
  FACTS_INVALID: '事实数据不正确',
  SCENARIO_INVALID: '沙盘参数不正确',
  FACTS_NOT_AVAILABLE: '尚不能从数据库取得该企业的事实数据',
} as const;

export type PolicyErrorCode = keyof typeof POLICY_ERROR_CODES;

/** A policy-engine error with a code, a Chinese message and, for files, every problem found. */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  readonly problems: string[];

  constructor(code: PolicyErrorCode, message?: string, problems: string[] = []) {
    super(message ?? POLICY_ERROR_CODES[code]);
    this.name = 'PolicyError';
    this.code = code;
    this.problems = problems;
  }
}

/** An error inside one expression, at a 0-based offset; the loader adds file and path. */
export class ExpressionError extends Error {
  readonly pos: number;

  constructor(message: string, pos: number) {
    super(message);
    this.name = 'ExpressionError';
    this.pos = pos;
  }
}

/** "第 N 列：message" followed by the expression and a caret under the column. */
export function describeExpressionError(error: ExpressionError, text: string): string {
  const column = error.pos + 1;
  return `第 ${column} 列：${error.message}\n    ${text}\n    ${' '.repeat(Math.max(0, error.pos))}^`;
}
