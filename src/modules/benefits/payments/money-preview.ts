import { createHash } from 'node:crypto';
import { toNumber } from '../../../db/convert.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatYuan } from '../../../policies/values.ts';
import { maskedAccountOf } from '../applications/bank-account.ts';
import type { CaseState } from '../cases/case-states.ts';

/**
 * What an official sees before a money step (批量通过, 生成支付指令) and what the step checks
 * again when it runs: the cases, their amounts and masked receiving accounts, the total, and a
 * token. The token names the count and total and hashes each case's id, revision, amount and
 * account tail, so any change between preview and confirmation — a case moved by someone else,
 * a new payable case, an amount or account changed — refuses the step instead of executing
 * something other than what was confirmed.
 */

export type MoneyStep = 'approve' | 'release';

/** A case row as far as the preview reads it. */
export interface PreviewRow {
  id: number | string;
  revision: number | string;
  policy_code: string;
  period: string;
  uscc: string;
  enterprise_name: string;
  amount_fen: number | string;
  bank_name: string | null;
  bank_account_tail: string | null;
  account_holder: string | null;
}

export interface MoneyPreview {
  count: number;
  total_fen: number;
  total_yuan: string;
  token: string;
  cases: ReturnType<typeof previewLineOf>[];
  /** Cases asked for that the step would leave out: NOT_FOUND, or INVALID_STATE_TRANSITION with their state. */
  skipped: { id: number; reason: string; state: CaseState | null }[];
}

/** What the caller confirmed: the preview's token, or the total it showed for the exact list sent. */
export interface MoneyConfirmation {
  preview_token?: string;
  expected_total_fen?: number;
}

function previewLineOf(row: PreviewRow) {
  const amount = toNumber(row.amount_fen);
  return {
    id: toNumber(row.id),
    policy: row.policy_code,
    period: row.period,
    uscc: row.uscc,
    enterprise_name: row.enterprise_name,
    amount_fen: amount,
    amount_yuan: formatYuan(amount),
    bank_name: row.bank_name,
    bank_account: maskedAccountOf(row.bank_account_tail),
    account_holder: row.account_holder,
  };
}

/** The preview of a step over `rows` (the cases it would move), with the cases it would leave out. */
export function moneyPreviewOf(
  step: MoneyStep,
  rows: readonly PreviewRow[],
  skipped: MoneyPreview['skipped'] = [],
): MoneyPreview {
  const cases = [...rows].sort((a, b) => toNumber(a.id) - toNumber(b.id)).map(previewLineOf);
  const totalFen = cases.reduce((sum, line) => sum + line.amount_fen, 0);
  return {
    count: cases.length,
    total_fen: totalFen,
    total_yuan: formatYuan(totalFen),
    token: tokenOf(step, rows, totalFen),
    cases,
    skipped,
  };
}

// p1-<count>-<total fen>-<hash>: the count and total let a refusal say what was confirmed.
function tokenOf(step: MoneyStep, rows: readonly PreviewRow[], totalFen: number): string {
  const parts = [...rows]
    .sort((a, b) => toNumber(a.id) - toNumber(b.id))
    .map((r) => [toNumber(r.id), toNumber(r.revision), toNumber(r.amount_fen), r.bank_account_tail ?? ''].join(':'));
  const hash = createHash('sha256')
    .update(`${step}|${parts.join(',')}`)
    .digest('hex')
    .slice(0, 32);
  return `p1-${rows.length}-${totalFen}-${hash}`;
}

const STEP_NAMES: Record<MoneyStep, string> = { approve: '批量审核通过', release: '生成支付指令' };

/**
 * Refuses the step unless it is about to do exactly what was previewed: the same token, or — for
 * a caller sending the list and its total — every listed case still eligible and the same total.
 */
export function requireConfirmedPreview(
  step: MoneyStep,
  now: MoneyPreview,
  confirmation: MoneyConfirmation,
  listed?: readonly number[],
): void {
  const { preview_token: token, expected_total_fen: expectedTotal } = confirmation;
  if (token === undefined && expectedTotal === undefined) {
    throw new AppError('PREVIEW_REQUIRED', `${STEP_NAMES[step]}须先预览，并带上预览的确认码（或所列案件及合计金额）`);
  }
  if (token !== undefined) {
    if (token !== now.token) throw changed(step, now, /^p1-(\d+)-(-?\d+)-/.exec(token));
    return;
  }
  const isSameList = listed !== undefined && now.skipped.length === 0 && now.count === new Set(listed).size;
  if (!isSameList || now.total_fen !== expectedTotal) throw changed(step, now, null, expectedTotal);
}

function changed(
  step: MoneyStep,
  now: MoneyPreview,
  confirmed: RegExpExecArray | null,
  expectedTotal?: number,
): AppError {
  const was = confirmed
    ? `确认时 ${confirmed[1]} 件、合计 ${formatYuan(Number(confirmed[2]))}`
    : expectedTotal !== undefined
      ? `确认时合计 ${formatYuan(expectedTotal)}`
      : null;
  const isSameSum = confirmed !== null && Number(confirmed[1]) === now.count && Number(confirmed[2]) === now.total_fen;
  const detail = isSameSum
    ? '件数与合计未变，但有案件的状态、金额或收款账户已变动'
    : `${was ? `${was}；` : ''}现在 ${now.count} 件、合计 ${now.total_yuan}`;
  return new AppError(
    'PREVIEW_CHANGED',
    `预览后所选案件已有变化（${detail}），${STEP_NAMES[step]}未执行。请重新预览并确认。`,
    {
      count: now.count,
      total_fen: now.total_fen,
    },
  );
}
