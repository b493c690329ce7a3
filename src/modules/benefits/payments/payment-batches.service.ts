import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { toNumber } from '../../../db/convert.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { formatYuan } from '../../../policies/values.ts';
import { openPaymentFile } from '../applications/bank-account.ts';
import { caseScopeOf } from '../cases/case-scope.ts';
import { findPaymentBatch, findPaymentBatches } from './payments.repository.ts';

/**
 * Earlier instruction files (counts, totals, who made them, when). The file itself carries bank
 * accounts, so its link is given only to callers the download route lets in (`mayDownload`).
 */
export async function listPaymentBatches(
  ctx: AppContext,
  user: CurrentUser,
  query: { page?: number; pageSize?: number },
  options: { mayDownload: boolean },
) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await findPaymentBatches(ctx.db, await caseScopeOf(ctx.db, user), offset, pageSize);
  const items = rows.map((r) => {
    const id = toNumber(r.id);
    const totalFen = toNumber(r.total_fen);
    return {
      id,
      file_name: r.file_name,
      sha256: r.sha256,
      payments: toNumber(r.payments),
      total_fen: totalFen,
      total_yuan: formatYuan(totalFen),
      created_by: r.created_by_name ?? null,
      created_at: r.created_at,
      file_url: options.mayDownload ? `/api/v1/benefits/payment-batches/${id}/file` : null,
    };
  });
  return { items, total, page, pageSize };
}

/**
 * A stored payment instruction file, decrypted for download. It lists whole bank accounts, so each
 * download is audited as a whole view of personal data.
 */
export async function getPaymentFile(ctx: AppContext, actor: Actor, id: number) {
  const batch = await findPaymentBatch(ctx.db, id);
  if (!batch) throw new AppError('NOT_FOUND', '没有该支付指令');
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'personal_data.view',
      outcome: 'success',
      objectType: 'benefit_payment_batch',
      objectId: id,
      details: {
        file: 'payment_instruction',
        payments: toNumber(batch.payments),
        sha256: batch.sha256,
        whole_document: true,
      },
    },
    ctx.clock(),
  );
  return { file_name: batch.file_name, content: openPaymentFile(ctx.cipher, batch) };
}
