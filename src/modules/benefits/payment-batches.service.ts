import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { findPaymentBatch } from './payments.repository.ts';

/** A stored payment instruction file, for download (the download is audited: it carries bank accounts). */
export async function getPaymentFile(ctx: AppContext, actor: Actor, id: number) {
  const batch = await findPaymentBatch(ctx.db, id);
  if (!batch) throw new AppError('NOT_FOUND', '没有该支付指令');
  await appendAudit(ctx.db, ctx.dialect, actor, { action: 'benefits.payment_batch.download', outcome: 'success', objectType: 'benefit_payment_batch', objectId: id, details: { sha256: batch.sha256 } }, ctx.clock());
  return { file_name: batch.file_name, content: batch.content };
}
