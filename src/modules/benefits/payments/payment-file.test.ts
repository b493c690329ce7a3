import { describe, expect, it } from 'vitest';
import { paymentFileOf, paymentPurposeOf } from './payment-file.ts';

describe('payment instruction file', () => {
  it('writes the 摘要 as a bank clerk reads it: the policy’s Chinese name and its year or month', () => {
    expect(paymentPurposeOf('失业保险稳岗返还', '2025')).toBe('失业保险稳岗返还 2025年度');
    expect(paymentPurposeOf('一次性扩岗补助', '202512')).toBe('一次性扩岗补助 2025年12月');
    expect(paymentPurposeOf('一次性扩岗补助', '202503')).toBe('一次性扩岗补助 2025年3月');
  });

  it('carries no policy code in any line', () => {
    const file = paymentFileOf([
      {
        paymentId: 7,
        attempt: 2,
        amountFen: 4_800_000,
        bankAccount: '6222020200112233445',
        current: {
          id: 12,
          uscc: '91320115MA1XXXXX0X',
          enterprise_name: '南京扬帆装备有限公司',
          bank_name: '中国银行',
          policy_code: 'stable_jobs_refund',
          period: '2025',
        },
        policyName: '失业保险稳岗返还',
      },
    ]);
    expect(file.split('\r\n')[1]).toBe(
      '7-2,12,91320115MA1XXXXX0X,南京扬帆装备有限公司,中国银行,6222020200112233445,48000.00,失业保险稳岗返还 2025年度',
    );
    expect(file).not.toMatch(/stable_jobs_refund/);
  });
});
