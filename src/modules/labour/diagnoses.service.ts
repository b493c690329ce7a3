import type { Selectable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schemas.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { getEnterprise } from '../enterprises/enterprises.service.ts';
import { regionNamesOf } from '../reference/reference.service.ts';
import * as repo from './diagnoses.repository.ts';
import {
  MissingAnswersError,
  questionnaireOf,
  scoreDiagnosis,
  type Answer,
  type DiagnosisResult,
} from './diagnosis.ts';
import { labourRegionScope, ownUsccOf, requireInScope } from './labour-scope.ts';
import type { LabourDiagnosisTable, LabourHarmonyApplicationTable } from './labour.table.ts';

/**
 * 劳动关系体检 and 和谐劳动关系创建: an enterprise answers the questionnaire in force and gets
 * its scores and advice; the city sees the latest result of each enterprise by region and those
 * at risk. An enterprise applies for the year's recognition and its city (or the province) reviews.
 */

type SignedIn = Actor & { user: CurrentUser };

/** The questionnaire in force today, as the form shows it. */
export function currentQuestionnaire(ctx: AppContext) {
  return questionnaireOf(undefined, todayInShanghai(ctx.clock));
}

function toDiagnosisView(row: Selectable<LabourDiagnosisTable>) {
  const result = JSON.parse(row.scores_json) as DiagnosisResult;
  return {
    id: toNumber(row.id),
    uscc: row.uscc,
    version: row.version,
    total: toNumber(row.total_score),
    isAtRisk: toNumber(row.is_at_risk) === 1,
    submittedAt: row.submitted_at,
    areas: result.areas,
  };
}

/** Scores and stores the enterprise's answers; audited. */
export async function submitDiagnosis(ctx: AppContext, actor: SignedIn, answers: Record<string, Answer>) {
  const uscc = ownUsccOf(actor.user);
  const enterprise = await getEnterprise(ctx, actor.user, uscc);
  const questionnaire = currentQuestionnaire(ctx);
  let result: DiagnosisResult;
  try {
    result = scoreDiagnosis(questionnaire, answers);
  } catch (error) {
    if (error instanceof MissingAnswersError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
  const at = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertDiagnosis(trx, {
      uscc,
      region_code: enterprise.regionCode,
      version: questionnaire.version,
      answers_json: JSON.stringify(answers),
      scores_json: JSON.stringify(result),
      total_score: result.total,
      is_at_risk: result.isAtRisk ? 1 : 0,
      submitted_by: actor.user.username,
      submitted_at: at,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.diagnosis.submit',
        outcome: 'success',
        objectType: 'labour_diagnosis',
        objectId: String(id),
        details: { total: result.total, at_risk: result.isAtRisk },
      },
      ctx.clock(),
    );
    return id;
  });
  return toDiagnosisView((await repo.findDiagnosis(ctx.db, id))!);
}

/** The enterprise's own diagnoses, the latest first. */
export async function listOwnDiagnoses(ctx: AppContext, user: CurrentUser) {
  return (await repo.findDiagnosesOf(ctx.db, ownUsccOf(user))).map(toDiagnosisView);
}

/** Officials: one enterprise's diagnoses (in their regions). */
export async function listEnterpriseDiagnoses(ctx: AppContext, user: CurrentUser, uscc: string) {
  const enterprise = await getEnterprise(ctx, user, uscc);
  requireInScope(await labourRegionScope(ctx, user), enterprise.regionCode, '企业');
  return (await repo.findDiagnosesOf(ctx.db, enterprise.uscc)).map(toDiagnosisView);
}

/** Officials: the latest result of each enterprise in their regions (lowest first), and the summary by region. */
export async function listDiagnosisResults(
  ctx: AppContext,
  user: CurrentUser,
  query: { page?: number; pageSize?: number; atRisk?: boolean },
) {
  const { page, pageSize, offset } = pageWindow(query);
  const filter = { regionCodes: await labourRegionScope(ctx, user), isAtRisk: query.atRisk };
  const { rows, total } = await repo.findLatestDiagnosisPage(ctx.db, filter, offset, pageSize);
  const regions = await repo.summariseLatestByRegion(ctx.db, { regionCodes: filter.regionCodes });
  const names = await regionNamesOf(ctx.db, [
    ...new Set([...rows.map((r) => r.region_code), ...regions.map((r) => r.region_code)]),
  ]);
  return {
    items: rows.map((r) => ({
      ...toDiagnosisView(r),
      enterpriseName: r.enterprise_name,
      regionCode: r.region_code,
      regionName: names.get(r.region_code) ?? null,
    })),
    total,
    page,
    pageSize,
    regions: regions.map((r) => ({
      regionCode: r.region_code,
      regionName: names.get(r.region_code) ?? null,
      enterprises: toNumber(r.enterprises as number),
      averageScore: Math.round(Number(r.average ?? 0)),
      atRisk: toNumber(r.at_risk as number | null),
    })),
  };
}

export const HARMONY_STATE_LABELS = { submitted: '待审核', approved: '已认定', rejected: '未通过' } as const;

function toApplicationView(row: Selectable<LabourHarmonyApplicationTable>) {
  return {
    id: toNumber(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    year: toNumber(row.year),
    statement: row.statement,
    state: row.state,
    stateLabel: HARMONY_STATE_LABELS[row.state],
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
  };
}

/** An enterprise applies for this year's 和谐劳动关系 recognition (once a year). */
export async function applyForHarmony(ctx: AppContext, actor: SignedIn, statement: string) {
  const uscc = ownUsccOf(actor.user);
  const enterprise = await getEnterprise(ctx, actor.user, uscc);
  const text = statement.trim();
  if (text.length < 10) throw new AppError('VALIDATION_FAILED', '请简述劳动关系情况和创建举措（至少 10 字）');
  const year = Number(todayInShanghai(ctx.clock).slice(0, 4));
  const at = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertHarmonyApplication(trx, {
      uscc,
      enterprise_name: enterprise.name,
      region_code: enterprise.regionCode,
      year,
      statement: text,
      state: 'submitted',
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: at,
    });
    if (id === null) throw new AppError('CONFLICT', `本企业${year}年已提交和谐劳动关系创建申请`);
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.harmony.apply',
        outcome: 'success',
        objectType: 'labour_harmony_application',
        objectId: String(id),
      },
      ctx.clock(),
    );
    return id;
  });
  return toApplicationView((await repo.findHarmonyApplication(ctx.db, id))!);
}

/** Applications: an enterprise its own, officials those of their regions. */
export async function listHarmonyApplications(ctx: AppContext, user: CurrentUser, query: { state?: string }) {
  const filter =
    user.role === 'enterprise'
      ? { regionCodes: null, uscc: user.uscc ?? '-' }
      : { regionCodes: await labourRegionScope(ctx, user), state: query.state };
  return (await repo.findHarmonyApplications(ctx.db, filter)).map(toApplicationView);
}

/** The city (or the province) approves or rejects a submitted application, with a note; audited. */
export async function reviewHarmonyApplication(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  decision: { approve: boolean; note: string },
) {
  const row = await repo.findHarmonyApplication(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '申请不存在或不在您的管辖范围内');
  requireInScope(await labourRegionScope(ctx, actor.user), row.region_code, '申请');
  const note = decision.note.trim();
  if (!decision.approve && note.length < 2) throw new AppError('VALIDATION_FAILED', '不予认定时请写明理由');
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await repo.updateHarmonyApplication(trx, id, {
      state: decision.approve ? 'approved' : 'rejected',
      review_note: note || null,
      reviewed_by: actor.user.username,
      reviewed_at: ctx.clock().toISOString(),
    });
    if (!changed) throw new AppError('INVALID_STATE_TRANSITION', '该申请已审核');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.harmony.review',
        outcome: 'success',
        objectType: 'labour_harmony_application',
        objectId: String(id),
        details: { approve: decision.approve },
      },
      ctx.clock(),
    );
  });
  return toApplicationView((await repo.findHarmonyApplication(ctx.db, id))!);
}
