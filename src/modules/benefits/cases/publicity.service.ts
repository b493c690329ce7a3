import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { maskPersonalDataInText } from '../../../platform/crypto/masking.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { formatYuan } from '../../../policies/values.ts';
import { caseScopeOf, todayOf } from './case-scope.ts';
import { moveCase } from './case-transitions.ts';
import { visibleCase } from './confirm.service.ts';
import { openObjectionText, sealedObjectionText } from './objection-text.ts';
import {
  findObjection,
  findObjections,
  findPublicNotices,
  insertObjection,
  resolveObjectionRow,
} from './publicity.repository.ts';

/**
 * 公示: approved cases are public for the 公示 period of time-limits.json (enterprise name, policy and amount — no
 * personal data); anyone may object meanwhile; an objection must be resolved before payment, and
 * an upheld one revokes the approval.
 */

/** The public page: cases in their notice window today. */
export async function listPublicNotices(ctx: AppContext, query: { page?: number; pageSize?: number }) {
  const { page, pageSize, offset } = pageWindow(query);
  const { today } = todayOf(ctx.clock);
  const { rows, total } = await findPublicNotices(ctx.db, today, offset, pageSize);
  const items = rows.map((r) => ({
    id: toNumber(r.id),
    policy: r.policy_code,
    period: r.period,
    enterprise_name: r.enterprise_name,
    city_code: r.city_code,
    amount_fen: toNumber(r.amount_fen),
    amount_yuan: formatYuan(toNumber(r.amount_fen)),
    publicity_from: r.publicity_from as string,
    publicity_until: r.publicity_until as string,
  }));
  return { items, total, page, pageSize };
}

/** Files an objection against a case in its notice window. */
export async function fileObjection(trx: Db, ctx: AppContext, actor: Actor, caseId: number, text: string) {
  const { today } = todayOf(ctx.clock);
  const found = await trx
    .selectFrom('benefit_cases')
    .select(['id', 'state', 'publicity_from', 'publicity_until'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!found || found.state !== 'approved' || !found.publicity_from) throw new AppError('NOT_FOUND', '没有该公示');
  if (today < found.publicity_from || (found.publicity_until !== null && today > found.publicity_until))
    throw new AppError('PUBLICITY_CLOSED');
  const id = await insertObjection(trx, {
    case_id: caseId,
    ...sealedObjectionText(ctx.cipher, text.trim()),
    created_at: ctx.clock().toISOString(),
  });
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.objection.file',
      outcome: 'success',
      objectType: 'benefit_objection',
      objectId: id,
      details: { case_id: caseId },
    },
    ctx.clock(),
  );
  return { id, case_id: caseId, status: 'open' as const };
}

/** Resolves an objection: upheld revokes the approval, dismissed lets payment go ahead. */
export async function resolveObjection(
  trx: Db,
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
  input: { decision: 'upheld' | 'dismissed'; resolution: string },
) {
  const objection = await findObjection(trx, id);
  if (!objection) throw new AppError('NOT_FOUND', '没有该异议');
  const current = await visibleCase(trx, actor.user, toNumber(objection.case_id));
  if (
    !(await resolveObjectionRow(trx, id, {
      status: input.decision,
      resolution: input.resolution,
      resolved_by: actor.user.id,
      resolved_at: ctx.clock().toISOString(),
    }))
  ) {
    throw new AppError('INVALID_STATE_TRANSITION', '该异议已处理');
  }
  if (input.decision === 'upheld') {
    await moveCase(trx, ctx, actor, current, 'revoke', {
      patch: { reason: input.resolution },
      note: input.resolution,
      notice: {
        title: '公示异议成立',
        body: (subject) => `您单位的${subject}经核查异议成立，审核结果撤销：${input.resolution}`,
      },
    });
  }
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.objection.resolve',
      outcome: 'success',
      objectType: 'benefit_objection',
      objectId: id,
      details: { decision: input.decision, case_id: current.id },
    },
    ctx.clock(),
  );
  return { id, case_id: toNumber(current.id), status: input.decision };
}

/**
 * An objection's whole text, for the officials of its case with the personal-data right; every
 * whole view is audited (SPEC §1). The case's scope is checked first, so another region's stays 404.
 */
export async function revealObjectionText(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
): Promise<{ id: number; text: string }> {
  const objection = await findObjection(ctx.db, id);
  if (!objection) throw new AppError('NOT_FOUND', '没有该异议');
  await visibleCase(ctx.db, actor.user, toNumber(objection.case_id));
  if (!actor.user.canViewPersonal) throw new AppError('PERSONAL_DATA_RIGHT_REQUIRED');
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'personal_data.view',
      outcome: 'success',
      objectType: 'benefit_objection.text',
      objectId: id,
      details: { case_id: toNumber(objection.case_id) },
    },
    ctx.clock(),
  );
  return { id, text: openObjectionText(ctx.cipher, objection) };
}

/**
 * Objections for the officials who resolve them: the province all, a city its region's. The
 * public form collects only the text, so the text is all there is of the objector; ID and mobile
 * numbers typed into it (or into the resolution) are masked before they leave the server.
 */
export async function listObjections(
  ctx: AppContext,
  user: CurrentUser,
  query: { status?: 'open' | 'resolved'; page?: number; pageSize?: number },
) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await findObjections(ctx.db, await caseScopeOf(ctx.db, user), query.status, offset, pageSize);
  const items = rows.map((r) => ({
    id: toNumber(r.id),
    case_id: toNumber(r.case_id),
    policy: r.policy_code,
    period: r.period,
    enterprise_name: r.enterprise_name,
    region_code: r.region_code,
    city_code: r.city_code,
    amount_fen: toNumber(r.amount_fen),
    amount_yuan: formatYuan(toNumber(r.amount_fen)),
    case_state: r.state,
    text: maskPersonalDataInText(openObjectionText(ctx.cipher, r)),
    filed_at: r.created_at,
    status: r.status,
    resolution: r.resolution === null ? null : maskPersonalDataInText(r.resolution),
    resolved_at: r.resolved_at,
  }));
  return { items, total, page, pageSize };
}
