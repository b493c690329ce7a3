import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { rankRegions } from '../../monitoring/indicators/ranking.service.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import type { SignedIn } from '../governance-scope.ts';
import { governanceFigures, type Figures } from './assessment-figures.ts';
import { defaultAssessment, scoreOf, type AssessmentIndicator } from './assessment-weights.ts';
import * as assessment from './assessment.repository.ts';

/**
 * The annual assessment (notice 三（一）): the province's indicators with weights, versioned (a change
 * is a new version); a computation scores each unit (13 cities, 昆山, 泰兴, 沭阳) per indicator from the
 * figures behind it — monitoring's rankings for the year, and the module's own requests, plans and
 * 调度 returns — totals by weight, ranks, and keeps the weights version it used.
 */

function versionView(row: assessment.WeightVersionRow) {
  return {
    id: Number(row.id),
    version: Number(row.version),
    indicators: JSON.parse(row.indicators) as AssessmentIndicator[],
    note: row.note,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}
export type WeightVersionView = ReturnType<typeof versionView>;

/**
 * The weight versions, newest first. The default edition of reference/governance is version 1 when none
 * is on record, and a new version when it brings indicators the current version lacks (the earlier
 * versions, and the computations that used them, stay as they were).
 */
async function weightVersions(ctx: AppContext): Promise<WeightVersionView[]> {
  let rows = await assessment.listWeightVersionRows(ctx.db);
  const edition = defaultAssessment();
  const current = rows[0] ? versionView(rows[0]) : undefined;
  if (!current || edition.indicators.some((i) => !current.indicators.some((c) => c.key === i.key))) {
    await assessment
      .insertWeightVersion(ctx.db, {
        version: (current?.version ?? 0) + 1,
        indicators: JSON.stringify(edition.indicators),
        note: `默认权重（${edition.file}）`,
        created_at: ctx.clock().toISOString(),
        created_by: null,
      })
      .catch(() => undefined); // another process loaded it first (version is unique)
    rows = await assessment.listWeightVersionRows(ctx.db);
  }
  return rows.map(versionView);
}

export async function listWeightVersions(ctx: AppContext) {
  return { source: defaultAssessment().source, items: await weightVersions(ctx) };
}

/** New weights: the same indicators, whole numbers summing to 100, different from the current version. */
export async function changeWeights(
  ctx: AppContext,
  actor: SignedIn,
  input: { weights: Record<string, number>; note?: string | null },
): Promise<WeightVersionView> {
  const [current] = await weightVersions(ctx);
  const indicators = current!.indicators.map((i) => {
    const weight = input.weights[i.key];
    if (weight === undefined) throw new AppError('VALIDATION_FAILED', `请填写「${i.label}」的权重`);
    return { ...i, weight };
  });
  const unknown = Object.keys(input.weights).filter((k) => !current!.indicators.some((i) => i.key === k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `没有这些考核指标：${unknown.join('、')}`);
  const total = indicators.reduce((sum, i) => sum + i.weight, 0);
  if (total !== 100) throw new AppError('VALIDATION_FAILED', `各项权重合计应为 100，现为 ${total}`);
  if (indicators.every((i, n) => i.weight === current!.indicators[n]!.weight))
    throw new AppError('CONFLICT', `权重与当前版本（第 ${current!.version} 版）相同，未形成新版本`);
  const version = current!.version + 1;
  await ctx.db.transaction().execute(async (trx) => {
    const id = await assessment.insertWeightVersion(trx, {
      version,
      indicators: JSON.stringify(indicators),
      note: input.note?.trim() || null,
      created_at: ctx.clock().toISOString(),
      created_by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.assessment.weights',
        outcome: 'success',
        objectType: 'assessment_weights',
        objectId: id,
        details: { version, weights: Object.fromEntries(indicators.map((i) => [i.key, i.weight])) },
      },
      ctx.clock(),
    );
  });
  return (await weightVersions(ctx))[0]!;
}

/** Scores and ranks every unit for the year with the current weights; the result keeps the version used. */
export async function computeAssessment(ctx: AppContext, actor: SignedIn, year: number) {
  const [weights] = await weightVersions(ctx);
  const indicators = weights!.indicators;
  const figures: Figures = new Map();
  let units: { code: string; name: string }[] = [];
  for (const indicator of indicators.filter((i) => i.figure.startsWith('monitoring:'))) {
    const ranking = await rankRegions(
      ctx,
      { indicator: indicator.figure.slice('monitoring:'.length), period: String(year) },
      null,
    );
    if (units.length === 0)
      units = [...ranking.rows].sort((a, b) => (a.code < b.code ? -1 : 1)).map((r) => ({ code: r.code, name: r.name }));
    figures.set(indicator.figure, new Map(ranking.rows.map((r) => [r.code, r.value])));
  }
  const unitCodes = new Set(units.map((u) => u.code));
  const own = await governanceFigures(ctx.db, year, todayInShanghai(ctx.clock), unitCodes, indicators);
  for (const [key, values] of own.figures) figures.set(key, values);
  const best = new Map(
    indicators.map((i) => [i.key, Math.max(0, ...[...(figures.get(i.figure)?.values() ?? [])].map((v) => v ?? 0))]),
  );
  const rows = units.map((unit) => {
    const values = Object.fromEntries(indicators.map((i) => [i.key, figures.get(i.figure)?.get(unit.code) ?? null]));
    const scores = Object.fromEntries(
      indicators.map((i) => [i.key, scoreOf(i, values[i.key] ?? null, best.get(i.key) ?? null)]),
    );
    const total = Math.round(indicators.reduce((sum, i) => sum + (scores[i.key]! * i.weight) / 100, 0) * 100) / 100;
    const basis = Object.fromEntries(
      indicators.flatMap((i) => {
        const words = own.basis.get(i.figure)?.get(unit.code);
        return words ? [[i.key, words]] : [];
      }),
    );
    return { code: unit.code, name: unit.name, figures: values, basis, scores, total, rank: 0 };
  });
  rows.sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : 1));
  rows.forEach((row, n) => {
    row.rank = n > 0 && rows[n - 1]!.total === row.total ? rows[n - 1]!.rank : n + 1;
  });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await assessment.insertAssessment(trx, {
      year,
      weights_version_id: weights!.id,
      results: JSON.stringify(rows),
      computed_at: ctx.clock().toISOString(),
      computed_by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.assessment.compute',
        outcome: 'success',
        objectType: 'assessment',
        objectId: newId,
        details: { year, weights_version: weights!.version },
      },
      ctx.clock(),
    );
    return newId;
  });
  return getAssessment(ctx, id);
}

function assessmentView(row: assessment.AssessmentRow) {
  return {
    id: Number(row.id),
    year: Number(row.year),
    weightsVersion: Number(row.weights_version),
    indicators: JSON.parse(row.indicators) as AssessmentIndicator[],
    rows: JSON.parse(row.results) as {
      code: string;
      name: string;
      figures: Record<string, number | null>;
      /** The counts behind a figure, in words (computations before 2026 have none). */
      basis?: Record<string, string>;
      scores: Record<string, number>;
      total: number;
      rank: number;
    }[],
    computedAt: row.computed_at,
    computedByName: row.computed_by_name,
  };
}
export type AssessmentView = ReturnType<typeof assessmentView>;

export async function listAssessments(ctx: AppContext) {
  return { items: (await assessment.listAssessmentRows(ctx.db)).map(assessmentView) };
}

export async function getAssessment(ctx: AppContext, id: number): Promise<AssessmentView> {
  const row = (await assessment.listAssessmentRows(ctx.db)).find((r) => Number(r.id) === id);
  if (!row) throw new AppError('NOT_FOUND', '考核结果不存在');
  return assessmentView(row);
}
