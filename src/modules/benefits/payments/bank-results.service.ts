import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { formatYuan } from '../../../policies/values.ts';
import { todayOf } from '../cases/case-scope.ts';
import { moveCase } from '../cases/case-transitions.ts';
import { bookSettlement } from './ledger.service.ts';
import { findPaymentWithCase, settlePayment } from './payments.repository.ts';

/**
 * The bank's answer to a payment instruction: paid (the ledger books the settlement, the case is
 * paid) or failed with a reason (the case waits for a retry). The same answer twice changes
 * nothing; an answer to an older attempt, or one contradicting a recorded answer, is refused.
 */

export interface BankResult {
  instruction: string;
  result: 'paid' | 'failed';
  reference: string | null;
  reason: string | null;
}

export type BankResultOutcome =
  { status: 'accepted' | 'unchanged' } | { status: 'rejected'; code: string; message: string };

/** Applies one result line in the caller's transaction. */
export async function applyBankResult(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  line: BankResult,
): Promise<BankResultOutcome> {
  const [paymentText, attemptText] = line.instruction.split('-');
  const payment = await findPaymentWithCase(trx, Number(paymentText));
  if (!payment || !/^\d+-\d+$/.test(line.instruction))
    return reject('INSTRUCTION_UNKNOWN', `没有指令编号 ${line.instruction}`);
  const attempt = Number(attemptText);
  if (attempt !== toNumber(payment.attempt))
    return reject('INSTRUCTION_STALE', `指令 ${line.instruction} 已被第 ${toNumber(payment.attempt)} 次指令取代`);
  if (payment.payment_state !== 'instructed') {
    const same = payment.payment_state === line.result;
    return same
      ? { status: 'unchanged' }
      : reject(
          'RESULT_CONFLICT',
          `指令 ${line.instruction} 已记录为${payment.payment_state === 'paid' ? '成功' : '失败'}`,
        );
  }
  const at = ctx.clock().toISOString();
  const amountFen = toNumber(payment.amount_fen);
  if (
    !(await settlePayment(trx, payment.id, attempt, {
      state: line.result,
      reference: line.reference,
      reason: line.reason,
      at,
    }))
  )
    return { status: 'unchanged' };
  const caseRef = {
    id: payment.case_id,
    state: payment.state,
    uscc: payment.uscc,
    policy_code: payment.policy_code,
    period: payment.period,
  };
  if (line.result === 'paid') {
    await moveCase(trx, ctx, actor, caseRef, 'settle', {
      patch: { reason: null },
      notice: { title: '补贴已拨付', body: (subject) => `您单位的${subject}${formatYuan(amountFen)}已拨付到账。` },
      details: { reference: line.reference },
    });
    await bookSettlement(trx, {
      caseId: payment.case_id,
      policy: payment.policy_code,
      region: payment.region_code,
      month: todayOf(ctx.clock).month,
      amountFen,
      at,
    });
  } else {
    await moveCase(trx, ctx, actor, caseRef, 'fail', {
      patch: { reason: line.reason },
      note: line.reason,
      notice: {
        title: '补贴拨付失败',
        body: (subject) =>
          `您单位的${subject}拨付失败：${line.reason ?? '银行未说明原因'}。请核对收款账户，经办机构将重新发起拨付。`,
      },
    });
  }
  return { status: 'accepted' };
}

function reject(code: string, message: string): BankResultOutcome {
  return { status: 'rejected', code, message };
}
