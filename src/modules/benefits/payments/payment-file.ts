import { formatYuan } from '../../../policies/values.ts';

/**
 * The payment instruction file (直补快办): UTF-8 CSV with a BOM so that spreadsheet programs
 * read the Chinese header. The instruction number `<payment>-<attempt>` is what the bank's
 * result file refers to, so a late answer to an old attempt cannot settle a newer one.
 */

export interface InstructionLine {
  paymentId: number;
  attempt: number;
  amountFen: number;
  /** The whole receiving account, opened from its ciphertext for this file only. */
  bankAccount: string | null;
  current: {
    id: number | string;
    uscc: string;
    enterprise_name: string;
    bank_name: string | null;
    policy_code: string;
    period: string;
  };
  /** The policy's Chinese name (失业保险稳岗返还), for the 摘要 a bank clerk reads. */
  policyName: string;
}

export const PAYMENT_FILE_HEADER = [
  '指令编号',
  '案件编号',
  '统一社会信用代码',
  '收款单位',
  '开户银行',
  '银行账号',
  '金额（元）',
  '摘要',
];

/** The instruction file's text. */
export function paymentFileOf(lines: readonly InstructionLine[]): string {
  const rows = lines.map(({ paymentId, attempt, amountFen, bankAccount, current, policyName }) => [
    `${paymentId}-${attempt}`,
    String(current.id),
    current.uscc,
    current.enterprise_name,
    current.bank_name ?? '',
    bankAccount ?? '',
    formatYuan(amountFen).replace(/[,元\s]/g, ''),
    paymentPurposeOf(policyName, current.period),
  ]);
  return `\ufeff${[PAYMENT_FILE_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The 摘要 of a payment as a bank clerk reads it: “失业保险稳岗返还 2025年度”, “一次性扩岗补助 2025年12月”. */
export function paymentPurposeOf(policyName: string, period: string): string {
  const month = /^(\d{4})(\d{2})$/.exec(period);
  if (month) return `${policyName} ${month[1]}年${Number(month[2])}月`;
  return /^\d{4}$/.test(period) ? `${policyName} ${period}年度` : `${policyName} ${period}`;
}

function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
