import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import type { SignedIn } from '../governance-scope.ts';
import * as collections from './collections.repository.ts';

/**
 * Approval records of data collections (统计调查审批: office, number, scope, sample, frequency, validity):
 * the province records them; a collection goes out, and is answered, only under one valid today.
 */

export interface ApprovalInput {
  title: string;
  office: string;
  approvalNumber: string;
  scope: string;
  sample: string;
  frequency: string;
  validFrom: string;
  validUntil: string;
}

export function approvalView(row: collections.ApprovalRow, today: string) {
  return {
    id: Number(row.id),
    title: row.title,
    office: row.office,
    approvalNumber: row.approval_number,
    scope: row.scope,
    sample: row.sample,
    frequency: row.frequency,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    isValidToday: row.valid_from <= today && today <= row.valid_until,
    createdAt: row.created_at,
  };
}
export type ApprovalView = ReturnType<typeof approvalView>;

/** Why an approval does not let a collection go out today, or null when it does. */
export function approvalRefusal(
  approval: { approval_number: string | null; valid_from: string | null; valid_until: string | null },
  today: string,
): string | null {
  if (!approval.approval_number || !approval.valid_from || !approval.valid_until)
    return '该调查没有统计调查批准文号，不得向企业发出或收集数据（通知禁止擅自开展统计调查）。请先登记省级批准记录';
  if (today < approval.valid_from || today > approval.valid_until)
    return `批准文号 ${approval.approval_number} 的有效期为 ${approval.valid_from} 至 ${approval.valid_until}，今天（${today}）不在有效期内，不得发出或收集数据`;
  return null;
}

/** Every approval on record, valid or not. */
export async function listApprovals(ctx: AppContext) {
  const day = todayInShanghai(ctx.clock);
  return { items: (await collections.listApprovalRows(ctx.db)).map((r) => approvalView(r, day)) };
}

/** The province records an approval (its number unique, its validity a real date range). */
export async function recordApproval(ctx: AppContext, actor: SignedIn, input: ApprovalInput): Promise<ApprovalView> {
  if (!isIsoDate(input.validFrom) || !isIsoDate(input.validUntil) || input.validFrom > input.validUntil)
    throw new AppError('VALIDATION_FAILED', '批准有效期须为真实日期，且起始日不晚于截止日');
  for (const [key, label] of [
    ['title', '调查名称'],
    ['office', '批准机关'],
    ['approvalNumber', '批准文号'],
    ['scope', '调查范围'],
    ['sample', '调查对象（样本）'],
    ['frequency', '调查频率'],
  ] as const)
    if (!input[key].trim()) throw new AppError('VALIDATION_FAILED', `请填写${label}`);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await collections.findApprovalByNumber(trx, input.approvalNumber.trim()))
      throw new AppError('CONFLICT', `批准文号 ${input.approvalNumber.trim()} 已登记`);
    const newId = await collections.insertApproval(trx, {
      title: input.title.trim(),
      office: input.office.trim(),
      approval_number: input.approvalNumber.trim(),
      scope: input.scope.trim(),
      sample: input.sample.trim(),
      frequency: input.frequency.trim(),
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      created_at: ctx.clock().toISOString(),
      created_by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.collection_approval.record',
        outcome: 'success',
        objectType: 'collection_approval',
        objectId: newId,
        details: {
          approval_number: input.approvalNumber.trim(),
          valid_from: input.validFrom,
          valid_until: input.validUntil,
        },
      },
      ctx.clock(),
    );
    return newId;
  });
  return approvalView((await collections.findApprovalRow(ctx.db, id))!, todayInShanghai(ctx.clock));
}
