import type { CaseDetail, MoneyPreview } from '../../api/benefits.ts';

/**
 * The rules the money steps' dialogs share: the 审核意见 an approval needs, the case numbers an
 * official may type, and why a case of a preview is left out.
 */

/** 审核意见: 2–500 characters once trimmed (the server's OPINION_REQUIRED rule). */
export const OPINION_MIN = 2;
export const OPINION_MAX = 500;

export function isOpinionValid(opinion: string | undefined): boolean {
  const length = opinion?.trim().length ?? 0;
  return length >= OPINION_MIN && length <= OPINION_MAX;
}

const CASE_IDS = /^\s*\d+(\s*[,，、\s]\s*\d+)*\s*$/;

/** "12, 15，18" → [12, 15, 18] (distinct, in order); empty → undefined (every payable case); anything else → null. */
export function parseCaseIds(text: string | undefined): number[] | undefined | null {
  if (!text?.trim()) return undefined;
  if (!CASE_IDS.test(text)) return null;
  return [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .filter(Boolean)
        .map(Number),
    ),
  ];
}

/** Why a case of a preview is left out: not in the caller's area, or no longer awaiting this step. */
export function skippedReasonKey(
  skipped: MoneyPreview['skipped'][number],
): 'benefits.money.skippedNotFound' | 'benefits.money.skippedState' {
  return skipped.reason === 'NOT_FOUND' ? 'benefits.money.skippedNotFound' : 'benefits.money.skippedState';
}

/** The case ids a confirmation sends: exactly the previewed ones. */
export function previewedIds(preview: MoneyPreview): number[] {
  return preview.cases.map((line) => line.id);
}

/** One case's approval previewed from its page: its amount and masked account (the server checks the amount again). */
export function previewOfCase(item: CaseDetail): MoneyPreview {
  return {
    count: 1,
    total_fen: item.amount_fen,
    total_yuan: item.amount_yuan,
    token: '',
    cases: [
      {
        id: item.id,
        policy: item.policy,
        period: item.period,
        uscc: item.uscc,
        enterprise_name: item.enterprise_name,
        amount_fen: item.amount_fen,
        amount_yuan: item.amount_yuan,
        bank_name: item.bank?.bank_name ?? null,
        bank_account: item.bank?.bank_account ?? null,
        account_holder: item.bank?.account_holder ?? null,
      },
    ],
    skipped: [],
  };
}
