/**
 * The life of a benefit case, from match to money. Every transition is applied by one
 * conditional update (`… WHERE state IN (from)`), so concurrent requests cannot both pass.
 */

export const CASE_STATES = [
  'matched',
  'confirmed',
  'declined',
  'returned',
  'approved',
  'rejected',
  'revoked',
  'payment_instructed',
  'payment_failed',
  'paid',
  'cancelled',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

/** Chinese labels for screens and notices. */
export const CASE_STATE_LABELS: Record<CaseState, string> = {
  matched: '已匹配待确认',
  confirmed: '已确认待审核',
  declined: '企业已放弃',
  returned: '退回补正',
  approved: '审核通过（公示）',
  rejected: '审核不通过',
  revoked: '公示异议成立已撤销',
  payment_instructed: '已发送支付指令',
  payment_failed: '支付失败待重发',
  paid: '已拨付',
  cancelled: '重复案件已作废',
};

export type CaseAction =
  'confirm' | 'decline' | 'approve' | 'reject' | 'return' | 'revoke' | 'release' | 'settle' | 'fail' | 'cancel';

/** Which states an action starts from and where it leads. */
export const TRANSITIONS: Record<CaseAction, { from: readonly CaseState[]; to: CaseState }> = {
  confirm: { from: ['matched', 'returned'], to: 'confirmed' },
  decline: { from: ['matched', 'returned'], to: 'declined' },
  approve: { from: ['confirmed'], to: 'approved' },
  reject: { from: ['confirmed'], to: 'rejected' },
  return: { from: ['confirmed'], to: 'returned' },
  revoke: { from: ['approved'], to: 'revoked' },
  // A failed payment goes out again as a new attempt of the same payment, never as a second one.
  release: { from: ['approved', 'payment_failed'], to: 'payment_instructed' },
  settle: { from: ['payment_instructed'], to: 'paid' },
  fail: { from: ['payment_instructed'], to: 'payment_failed' },
  // A duplicate of an earlier case's benefit, found when identities are settled; never once money has gone out.
  cancel: { from: ['matched', 'confirmed', 'returned', 'approved', 'payment_failed'], to: 'cancelled' },
};

/** States in which the case no longer holds its benefit: its identities are freed for another case. */
export const LOST_STATES: readonly CaseState[] = ['declined', 'rejected', 'revoked', 'cancelled'];

/** Whether an action is allowed from a state. */
export function canApply(action: CaseAction, state: string): boolean {
  return (TRANSITIONS[action].from as readonly string[]).includes(state);
}
