import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { maskIdNumber } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { findVisibleEnterprise } from '../../workforce/employees/enterprise-scope.ts';
import type { BaseLevel } from '../skills.table.ts';
import {
  findBase,
  findBaseFigures,
  findEnterpriseRegion,
  findLatestScoreRun,
  findRunScores,
  insertBase,
  insertScoreRun,
  listBases,
  listTraineesOf,
  updateBase,
} from './internships.repository.ts';
import { scoreBase, scoringFormula } from './scoring.ts';
import { auditSkills, skillsRegionsOf } from '../skills-scope.ts';
import { parseTraineeRow, writeTraineeBatch } from './trainees.import.ts';

type SignedIn = Actor & { user: CurrentUser };

/**
 * Internship bases (见习基地, SPEC §2.8): an enterprise applies (posts, mentors), the city approves
 * as 市级 (the province as 省级), trainees are imported or entered, the province scores the bases
 * with the versioned formula and selects demonstration bases from the ranking.
 */

/** An enterprise applies to be an internship base (or the city records it for one in its region). */
export async function applyForBase(
  ctx: AppContext,
  actor: SignedIn,
  input: { uscc?: string; posts: number; mentors: number; note?: string },
) {
  const asked = actor.user.role === 'enterprise' ? actor.user.uscc : input.uscc;
  if (!asked) throw new AppError('VALIDATION_FAILED', '请填写申请企业的统一社会信用代码');
  const uscc = await findVisibleEnterprise(ctx, actor.user, asked);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findBase(trx, uscc);
    if (existing && existing.status !== 'rejected')
      throw new AppError(
        'CONFLICT',
        existing.status === 'approved' ? '该企业已是就业见习基地' : '该企业的申请正在审核',
      );
    const region = (await findEnterpriseRegion(trx, uscc))!;
    const now = ctx.clock().toISOString();
    const values = {
      region_code: region,
      posts: input.posts,
      mentors: input.mentors,
      note: input.note?.trim() || null,
      status: 'applied' as const,
      level: null,
      applied_at: now,
      applied_by: actor.user.id,
      decided_at: null,
      decided_by: null,
      demonstration_at: null,
      demonstration_by: null,
      demonstration_score_run: null,
    };
    if (existing) await updateBase(trx, uscc, values);
    else await insertBase(trx, { uscc, ...values });
    await auditSkills(ctx, trx, actor, 'skills.base.apply', 'internship_base', uscc, {
      posts: input.posts,
      mentors: input.mentors,
    });
    return { uscc, status: 'applied' as const };
  });
}

/** The city approves (市级) or refuses an application in its region; the province may approve as 省级. */
export async function decideBase(
  ctx: AppContext,
  actor: SignedIn,
  usccInput: string,
  input: { decision: 'approve' | 'reject'; level?: BaseLevel },
) {
  const uscc = await findVisibleEnterprise(ctx, actor.user, usccInput);
  const level: BaseLevel | null = input.decision === 'reject' ? null : (input.level ?? 'city');
  if (level === 'province' && actor.user.role !== 'province_hrss')
    throw new AppError('FORBIDDEN', '省级见习基地由省人社认定');
  return ctx.db.transaction().execute(async (trx) => {
    const base = await findBase(trx, uscc);
    if (!base) throw new AppError('NOT_FOUND', '该企业没有见习基地申请');
    if (base.status === 'rejected') throw new AppError('CONFLICT', '该申请已退回，请企业重新申请');
    if (base.status === 'approved' && input.decision === 'reject')
      throw new AppError('CONFLICT', '已认定的见习基地不能退回');
    const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
    await updateBase(trx, uscc, { status, level, decided_at: ctx.clock().toISOString(), decided_by: actor.user.id });
    await auditSkills(ctx, trx, actor, 'skills.base.decide', 'internship_base', uscc, { status, level });
    return { uscc, status, level };
  });
}

/** Bases the user may see: the province all, a city its region, an enterprise its own. */
export async function listInternshipBases(ctx: AppContext, user: CurrentUser) {
  const rows =
    user.role === 'enterprise'
      ? (await listBases(ctx.db)).filter((b) => b.uscc === user.uscc)
      : await listBases(ctx.db, await skillsRegionsOf(ctx, user));
  return {
    items: rows.map((b) => ({
      uscc: b.uscc,
      name: b.name ?? b.uscc,
      region_code: b.region_code,
      posts: b.posts,
      mentors: b.mentors,
      note: b.note,
      status: b.status,
      level: b.level,
      is_demonstration: b.is_demonstration === 1,
      applied_at: b.applied_at,
      decided_at: b.decided_at,
      trainees: b.trainees,
    })),
  };
}

/** Scores every approved base with the formula in force and ranks them; the run keeps the version. */
export async function scoreInternshipBases(ctx: AppContext, actor: SignedIn) {
  return ctx.db.transaction().execute((trx) => writeScoreRun(ctx, trx, actor, actor.user.id));
}

/** One scoring run inside a transaction, by a signed-in official or (user null) the demo loader. */
export async function writeScoreRun(
  ctx: AppContext,
  trx: Parameters<typeof appendAudit>[0],
  actor: Actor,
  userId: number | null,
) {
  const formula = scoringFormula();
  const today = ctx.clock().toISOString().slice(0, 10);
  const scored = (await findBaseFigures(trx, today))
    .flatMap((figures) => {
      const result = scoreBase(formula, figures);
      return result ? [{ uscc: figures.uscc, ...result }] : [];
    })
    .sort((a, b) => b.score - a.score || a.uscc.localeCompare(b.uscc));
  const runId = await insertScoreRun(
    trx,
    { formula_version: formula.version, computed_at: ctx.clock().toISOString(), computed_by: userId },
    scored.map((s, i) => ({
      uscc: s.uscc,
      rank: i + 1,
      score: s.score.toFixed(4),
      details: JSON.stringify(s.components),
    })),
  );
  await auditSkills(ctx, trx, actor, 'skills.base.score', 'internship_score_run', runId, {
    formula_version: formula.version,
    bases: scored.length,
  });
  return { run_id: runId, formula_version: formula.version, bases: scored.length };
}

/** The latest ranking (the province sees all; a city its region's bases), with each run's formula version. */
export async function latestRanking(ctx: AppContext, user: CurrentUser) {
  const run = await findLatestScoreRun(ctx.db);
  if (!run) return { run: null, items: [] };
  const regions = await skillsRegionsOf(ctx, user);
  const rows = (await findRunScores(ctx.db, run.id)).filter((r) => !regions || regions.includes(r.region_code));
  return {
    run: { id: run.id, formula_version: run.formula_version, computed_at: run.computed_at },
    items: rows.map((r) => ({
      uscc: r.uscc,
      name: r.name ?? r.uscc,
      region_code: r.region_code,
      rank: r.rank,
      score: Number(r.score),
      components: JSON.parse(r.details) as { key: string; label: string; value: number; points: number }[],
      level: r.level,
      is_demonstration: r.is_demonstration === 1,
    })),
  };
}

/** The province selects a scored base as a 省级示范见习基地. */
export async function selectDemonstrationBase(ctx: AppContext, actor: SignedIn, uscc: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const base = await findBase(trx, uscc);
    if (!base || base.status !== 'approved') throw new AppError('NOT_FOUND', '该企业不是已认定的就业见习基地');
    if (base.is_demonstration === 1) throw new AppError('CONFLICT', '该基地已是省级示范见习基地');
    const run = await findLatestScoreRun(trx);
    const scored = run ? (await findRunScores(trx, run.id)).find((r) => r.uscc === uscc) : undefined;
    if (!run || !scored) throw new AppError('CONFLICT', '该基地不在最近一次评分排名中，请先评分');
    await updateBase(trx, uscc, {
      is_demonstration: 1,
      level: 'province',
      demonstration_at: ctx.clock().toISOString(),
      demonstration_by: actor.user.id,
      demonstration_score_run: run.id,
    });
    await auditSkills(ctx, trx, actor, 'skills.base.select', 'internship_base', uscc, {
      run_id: run.id,
      rank: scored.rank,
      score: scored.score,
      formula_version: run.formula_version,
    });
    return { uscc, is_demonstration: true, run_id: run.id };
  });
}

/** A base's trainees, ID numbers masked. */
export async function listBaseTrainees(ctx: AppContext, user: CurrentUser, usccInput: string) {
  const uscc = await findVisibleEnterprise(ctx, user, usccInput);
  const rows = await listTraineesOf(ctx.db, uscc);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      id_number: maskIdNumber(ctx.cipher.decrypt(r.id_enc)),
      post: r.post,
      start_date: r.start_date,
      end_date: r.end_date,
      is_completed: r.is_completed === 1,
      is_retained: r.is_retained === 1,
      allowance: r.allowance_fen / 100,
      satisfaction: r.satisfaction,
      source: r.source,
    })),
  };
}

/** Records one trainee from the page, with the same checks as a trainees file row. */
export async function addTrainee(
  ctx: AppContext,
  actor: SignedIn,
  usccInput: string,
  input: {
    id_number: string;
    name: string;
    post: string;
    start_date: string;
    end_date?: string;
    is_completed: boolean;
    is_retained: boolean;
    allowance: string;
    satisfaction?: number;
  },
) {
  const uscc = await findVisibleEnterprise(ctx, actor.user, usccInput);
  const parsed = parseTraineeRow({
    id_number: input.id_number,
    name: input.name,
    uscc,
    post: input.post,
    start_date: input.start_date,
    end_date: input.end_date ?? '',
    is_completed: input.is_completed ? '是' : '否',
    is_retained: input.is_retained ? '是' : '否',
    allowance: input.allowance,
  });
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.rejects.map((r) => r.message).join('；'));
  return ctx.db.transaction().execute(async (trx) => {
    const outcome = await writeTraineeBatch(
      trx,
      ctx,
      [{ line: 1, record: { ...parsed.record, satisfaction: input.satisfaction ?? null } }],
      'page',
    );
    if (outcome.rejects.length) throw new AppError('CONFLICT', outcome.rejects[0]!.message);
    await auditSkills(ctx, trx, actor, 'skills.trainee.add', 'internship_base', uscc, {
      id_number: maskIdNumber(parsed.record.idNumber),
      start_date: parsed.record.startDate,
    });
    return { uscc, changed: outcome.accepted > 0 };
  });
}
