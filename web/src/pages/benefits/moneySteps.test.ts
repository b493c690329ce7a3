import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../api/benefits.ts';
import { isOpinionValid, parseCaseIds, previewedIds, previewOfCase, skippedReasonKey } from './moneySteps.ts';

describe('money steps', () => {
  it('requires an opinion of 2–500 characters once trimmed', () => {
    expect(isOpinionValid(undefined)).toBe(false);
    expect(isOpinionValid('  好 ')).toBe(false);
    expect(isOpinionValid('同意')).toBe(true);
    expect(isOpinionValid('意'.repeat(500))).toBe(true);
    expect(isOpinionValid('意'.repeat(501))).toBe(false);
  });

  it('reads typed case numbers, or none for every payable case', () => {
    expect(parseCaseIds('')).toBeUndefined();
    expect(parseCaseIds('  ')).toBeUndefined();
    expect(parseCaseIds('12, 15，18、12 20')).toEqual([12, 15, 18, 20]);
    expect(parseCaseIds('12;15')).toBeNull();
    expect(parseCaseIds('案件12')).toBeNull();
  });

  it('names why a case is left out and confirms exactly the previewed cases', () => {
    expect(skippedReasonKey({ id: 1, reason: 'NOT_FOUND', state: null })).toBe('benefits.money.skippedNotFound');
    expect(skippedReasonKey({ id: 2, reason: 'INVALID_STATE_TRANSITION', state: 'approved' })).toBe(
      'benefits.money.skippedState',
    );
    const line = {
      policy: 'stable_jobs_refund',
      period: '2025',
      uscc: 'x',
      enterprise_name: '甲',
      amount_fen: 1,
      amount_yuan: '0.01 元',
      bank_name: null,
      bank_account: null,
      account_holder: null,
    };
    expect(
      previewedIds({
        count: 2,
        total_fen: 2,
        total_yuan: '0.02 元',
        token: 't',
        cases: [
          { ...line, id: 7 },
          { ...line, id: 3 },
        ],
        skipped: [],
      }),
    ).toEqual([7, 3]);
  });

  it('previews one case from its page with the masked account', () => {
    const item = {
      id: 9,
      policy: 'stable_jobs_refund',
      period: '2025',
      uscc: 'u',
      enterprise_name: '乙',
      amount_fen: 4_800_000,
      amount_yuan: '48,000.00 元',
      bank: { bank_name: '中国银行', bank_account: '****1234', account_holder: '乙' },
    } as CaseDetail;
    expect(previewOfCase(item)).toMatchObject({
      count: 1,
      total_fen: 4_800_000,
      cases: [{ id: 9, bank_account: '****1234', bank_name: '中国银行' }],
      skipped: [],
    });
    expect(previewOfCase({ ...item, bank: null }).cases[0]!.bank_account).toBeNull();
  });
});
