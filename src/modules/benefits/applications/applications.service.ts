import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { formatYuan } from '../../../policies/values.ts';
import { deliveryOfPolicy, requireDelivery, uploadCeilings } from './applications-policy.ts';
import { formerMaterialView, materialView, missingMaterials } from './applications-views.ts';
import { findAttachments, markAttachmentsSubmitted } from './applications.repository.ts';
import { isEditable } from './attachments.service.ts';
import { canApply, CASE_STATE_LABELS, type CaseState } from '../cases/case-states.ts';
import { startReview, visibleCase, type BankAccount } from '../cases/confirm.service.ts';
import { settleDeclarationsForApply } from './declared-facts.service.ts';

/**
 * 即申即享 with a submission (SPEC §2.5): for a policy whose delivery is `application`, the
 * enterprise uploads the materials the policy lists, then submits them with the receiving account.
 * The case then follows the same states as a one-click confirmation, with the same working-day
 * review clock; a submission missing a required material is refused, naming what is missing.
 * Where the policy lets the applicant declare facts (申报事实), every row must be declared and the
 * case re-evaluated eligible with them; the re-evaluated amount is the amount under review.
 */

/** The case's delivery, each material with its files, what is still missing, and whether files may change. */
export async function getApplication(ctx: AppContext, user: CurrentUser, caseId: number) {
  const current = await visibleCase(ctx.db, user, caseId);
  const { delivery, attachments } = await deliveryOfPolicy(ctx.db, current.policy_code);
  const rows = await findAttachments(ctx.db, caseId);
  const listed = new Set(attachments.map((attachment) => attachment.code));
  const former = [...new Set(rows.map((row) => row.attachment_code).filter((code) => !listed.has(code)))];
  const { maxBytes, maxFilesPerCase } = uploadCeilings();
  return {
    case_id: caseId,
    policy: current.policy_code,
    delivery,
    state: current.state,
    is_editable: delivery === 'application' && isEditable(current.state),
    max_bytes_ceiling: maxBytes,
    max_files: maxFilesPerCase,
    materials: [
      ...attachments.map((attachment) => materialView(attachment, rows)),
      ...former.map((code) => formerMaterialView(code, rows)),
    ],
    missing: missingMaterials(attachments, rows),
  };
}

/** Submits the application: every required material present, the account checked; the review clock starts today. */
export async function submitApplication(
  trx: Db,
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  caseId: number,
  account: BankAccount,
) {
  const current = await visibleCase(trx, actor.user, caseId);
  const { attachments } = await requireDelivery(trx, current.policy_code, 'application');
  if (!canApply('confirm', current.state)) {
    throw new AppError(
      'INVALID_STATE_TRANSITION',
      `案件当前状态（${CASE_STATE_LABELS[current.state as CaseState] ?? current.state}）不能提交申请，或已被他人处理`,
      { id: caseId, state: current.state, action: 'apply' },
    );
  }
  const declared = await settleDeclarationsForApply(trx, ctx, current);
  const rows = await findAttachments(trx, caseId);
  const missing = missingMaterials(attachments, rows);
  if (missing.length > 0) {
    throw new AppError('APPLICATION_INCOMPLETE', `申请材料不齐全，还缺少：${missing.map((m) => m.name).join('、')}`, {
      missing,
    });
  }
  const note = `提交申请材料 ${rows.length} 份${declared ? `，申报 ${declared.declaredRows} 人，测算金额 ${formatYuan(declared.amountFen)}` : ''}`;
  const state = await startReview(trx, ctx, actor, current, account, {
    note,
    details: {
      application: true,
      attachments: rows.map((row) => ({ code: row.attachment_code, sha256: row.sha256 })),
      ...(declared ? { amount_fen: declared.amountFen } : {}),
    },
  });
  await markAttachmentsSubmitted(trx, caseId, ctx.clock().toISOString());
  return { id: caseId, state };
}
