import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import type { SignedIn } from '../governance-scope.ts';
import * as collections from './collections.repository.ts';
import { approvalRefusal } from './approvals.service.ts';
import { collectionView } from './collections.service.ts';

/** The enterprise's side of collections: the forms it received (each with its approval number) and its answers. */

function formView(row: collections.FormRow, day: string) {
  return {
    ...collectionView({ ...row, recipients: 0, answered: 0 }, day),
    sentAt: row.sent_at,
    answeredAt: row.answered_at,
    answers: row.answers ? (JSON.parse(row.answers) as Record<string, string>) : null,
  };
}
export type FormView = ReturnType<typeof formView>;

function enterpriseOf(user: CurrentUser): string {
  if (!user.uscc) throw new AppError('FORBIDDEN', '账号未关联企业');
  return user.uscc;
}

/** The forms an enterprise received, each with its approval number. */
export async function listMyForms(ctx: AppContext, user: CurrentUser) {
  const day = todayInShanghai(ctx.clock);
  return { items: (await collections.listFormsOf(ctx.db, enterpriseOf(user))).map((r) => formView(r, day)) };
}

/**
 * The form an enterprise may answer now: it received it, it is open, its approval is valid today
 * and its deadline has not passed; otherwise refused with the reason.
 */
export async function requireAnswerableForm(db: Db, user: CurrentUser, id: number, day: string) {
  const uscc = enterpriseOf(user);
  const row = (await collections.listFormsOf(db, uscc)).find((r) => Number(r.id) === id);
  if (!row) throw new AppError('NOT_FOUND', '本企业没有收到该调查');
  if (row.state !== 'open') throw new AppError('CONFLICT', '该调查不在填报期内');
  const refusal = approvalRefusal(
    {
      approval_number: row.approval_number,
      valid_from: row.approval_valid_from,
      valid_until: row.approval_valid_until,
    },
    day,
  );
  if (refusal) throw new AppError('COLLECTION_NOT_APPROVED', refusal);
  if (row.deadline && day > row.deadline) throw new AppError('CONFLICT', `该调查已于 ${row.deadline} 截止填报`);
  return { uscc, row };
}

/** An enterprise answers a form: one answer per question it shows. */
export async function answerForm(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  answers: Record<string, string>,
): Promise<FormView> {
  const day = todayInShanghai(ctx.clock);
  const { uscc, row } = await requireAnswerableForm(ctx.db, actor.user, id, day);
  if (row.kind !== 'form') throw new AppError('VALIDATION_FAILED', '该调查请按职业填报急需紧缺岗位');
  const fields = JSON.parse(row.fields) as string[];
  const kept = Object.fromEntries(fields.map((f) => [f, (answers[f] ?? '').trim().slice(0, 2000)]));
  const missing = fields.filter((f) => !kept[f]);
  if (missing.length) throw new AppError('VALIDATION_FAILED', `请填写：${missing.join('、')}`);
  await ctx.db.transaction().execute(async (trx) => {
    await collections.recordAnswers(trx, id, uscc, JSON.stringify(kept), ctx.clock().toISOString());
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'governance.collection.answer', outcome: 'success', objectType: 'collection', objectId: id },
      ctx.clock(),
    );
  });
  return formView(
    (await collections.listFormsOf(ctx.db, uscc)).find((r) => Number(r.id) === id)!,
    day,
  );
}
