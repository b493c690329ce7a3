import { createHash } from 'node:crypto';
import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatYuan } from '../../../policies/values.ts';
import { sealedPaymentFile, wholeAccountOf } from '../applications/bank-account.ts';
import { caseScopeOf, todayOf } from '../cases/case-scope.ts';
import { moveCase } from '../cases/case-transitions.ts';
import { findCase } from '../cases/cases.repository.ts';
import { bookRelease } from './ledger.service.ts';
import { insertOutbox } from '../delivery/notices.repository.ts';
import {
  findPayableCases,
  insertPayment,
  insertPaymentBatch,
  releaseGuard,
  retryPayment,
} from './payments.repository.ts';
import { moneyPreviewOf, requireConfirmedPreview, type MoneyConfirmation } from './money-preview.ts';
import { paymentFileOf, type InstructionLine } from './payment-file.ts';
import { policyNameOf } from '../policy-names.ts';

/**
 * 直补快办: releases payable cases into a payment instruction file for the treasury or bank,
 * stored and queued in the outbox in the same transaction as the state changes and the ledger's
 * release entries. A case is released by someone other than its approver; a failed payment goes
 * out again as the next attempt of the same payment. The file lists whole bank accounts, opened
 * from their ciphertext for it alone, and is itself stored encrypted.
 */

type Official = Actor & { user: CurrentUser };

// The cases a release would pay: asked-for ones must each be payable (with the precise reason
// if not); without a list, every payable case in scope the caller did not approve.
async function payableCases(trx: Db, ctx: AppContext, actor: Official, caseIds?: readonly number[]) {
  const scope = await caseScopeOf(trx, actor.user);
  const { today } = todayOf(ctx.clock);
  if (caseIds) for (const id of caseIds) await explainUnpayable(trx, ctx, actor, id);
  return (await findPayableCases(trx, scope, today, caseIds)).filter((c) => c.approved_by !== actor.user.id);
}

/** What a payment instruction would hold: cases, amounts, masked accounts, total, and the token to confirm it. */
export async function previewPaymentBatch(trx: Db, ctx: AppContext, actor: Official, caseIds?: readonly number[]) {
  const payable = await payableCases(trx, ctx, actor, caseIds);
  if (payable.length === 0) throw new AppError('NO_PAYABLE_CASES');
  return moneyPreviewOf('release', payable);
}

/** Releases the given cases (or every payable case in scope) into one payment batch, exactly as previewed. */
export async function createPaymentBatch(
  trx: Db,
  ctx: AppContext,
  actor: Official,
  request: { case_ids?: readonly number[] } & MoneyConfirmation,
) {
  const { today, month } = todayOf(ctx.clock);
  const payable = await payableCases(trx, ctx, actor, request.case_ids);
  if (payable.length === 0) throw new AppError('NO_PAYABLE_CASES');
  requireConfirmedPreview('release', moneyPreviewOf('release', payable), request, request.case_ids);
  const at = ctx.clock().toISOString();
  const lines: InstructionLine[] = [];
  for (const current of payable) {
    const id = toNumber(current.id);
    const amountFen = toNumber(current.amount_fen);
    const wasFailed = current.state === 'payment_failed';
    await moveCase(trx, ctx, actor, current, 'release', {
      patch: { released_by: actor.user.id },
      guard: releaseGuard(actor.user.id, today),
      details: { amount_fen: amountFen },
    });
    const payment = wasFailed
      ? await retryPayment(trx, id, at)
      : await insertPayment(trx, { case_id: id, amount_fen: amountFen, at });
    if (!payment) throw new AppError('INVALID_STATE_TRANSITION', `案件 ${id} 的支付记录状态不一致`);
    if (!wasFailed)
      await bookRelease(trx, {
        caseId: id,
        policy: current.policy_code,
        region: current.region_code,
        month,
        amountFen,
        at,
      });
    lines.push({
      paymentId: payment.id,
      attempt: payment.attempt,
      current,
      amountFen,
      bankAccount: wholeAccountOf(ctx.cipher, current),
      policyName: await policyNameOf(trx, current.policy_code),
    });
  }
  return storeBatch(trx, ctx, actor, lines, at, request.preview_token ?? null);
}

async function storeBatch(
  trx: Db,
  ctx: AppContext,
  actor: Official,
  lines: InstructionLine[],
  at: string,
  previewToken: string | null,
) {
  const content = paymentFileOf(lines);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  const fileName = `payment-${at.slice(0, 10).replace(/-/g, '')}-${sha256.slice(0, 8)}.csv`;
  const batchId = await insertPaymentBatch(
    trx,
    {
      file_name: fileName,
      ...sealedPaymentFile(ctx.cipher, content),
      sha256,
      payments: lines.length,
      total_fen: totalFen,
      created_by: actor.user.id,
      created_at: at,
    },
    lines.map((l) => l.paymentId),
  );
  await insertOutbox(trx, [
    {
      channel: 'payment_instruction',
      dedupe_key: `payment-batch:${batchId}`,
      recipient: 'treasury',
      payload: JSON.stringify({
        batch_id: batchId,
        file_name: fileName,
        sha256,
        payments: lines.length,
        total_fen: totalFen,
      }),
      created_at: at,
    },
  ]);
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.payment_batch.create',
      outcome: 'success',
      objectType: 'benefit_payment_batch',
      objectId: batchId,
      details: {
        payments: lines.length,
        total_fen: totalFen,
        sha256,
        case_ids: lines.map((l) => toNumber(l.current.id)),
        preview_token: previewToken,
      },
    },
    ctx.clock(),
  );
  return {
    id: batchId,
    file_name: fileName,
    sha256,
    payments: lines.length,
    total_fen: totalFen,
    total_yuan: formatYuan(totalFen),
    case_ids: lines.map((l) => toNumber(l.current.id)),
  };
}

// A case asked for by id gets the precise reason it cannot be paid (others in a bulk batch are skipped).
async function explainUnpayable(trx: Db, ctx: AppContext, actor: Official, id: number): Promise<void> {
  const current = await findCase(trx, id, await caseScopeOf(trx, actor.user));
  if (!current) throw new AppError('NOT_FOUND', '案件不存在或不在您的管辖范围内');
  if (current.approved_by === actor.user.id) throw new AppError('SEPARATION_OF_DUTIES');
  const { today } = todayOf(ctx.clock);
  if (current.state === 'approved' && !(current.publicity_until && current.publicity_until < today))
    throw new AppError('PUBLICITY_NOT_OVER', `公示期至 ${current.publicity_until ?? '（未定）'}，期满后方可拨付`);
  if (current.state !== 'approved' && current.state !== 'payment_failed')
    throw new AppError('INVALID_STATE_TRANSITION', '案件当前状态不能拨付，或已被他人处理');
  const objection = await trx
    .selectFrom('benefit_objections')
    .select('id')
    .where('case_id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (objection) throw new AppError('OBJECTION_OPEN');
}
