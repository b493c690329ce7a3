import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { requireIsoDate } from '../../platform/iso-date.ts';
import { parseYuan } from '../../policies/values.ts';
import { regionNamesOf, regionScopeCodes, resolveRegion } from '../reference/reference.service.ts';
import * as repo from './average-wages.repository.ts';
import { calculateCompensation, type AverageWage, type CompensationKind } from './compensation.ts';

/**
 * The compensation calculator over the database (SPEC §4 `yangfan compensation`, the web page):
 * the local average wage of the year before the end date is read for the region (a county
 * without its own figure takes its city's), and a region without a loaded figure is refused —
 * the cap is never checked against a guessed number.
 */

export interface CompensationRequest {
  kind: CompensationKind;
  /** Yuan, as typed (“12345.67”). */
  wage: string | number;
  from: string;
  to: string;
  region?: string;
}

/**
 * The amount, months and explained steps of one calculation (the CLI's `--json` object). Without
 * a region no database is needed (the CLI then opens none), and the cap is said to be unchecked.
 */
export async function calculateCompensationFor(ctx: AppContext | null, request: CompensationRequest) {
  const monthlyWageFen = parseYuan(request.wage);
  if (monthlyWageFen === undefined || monthlyWageFen <= 0)
    throw new AppError('VALIDATION_FAILED', `月工资应为大于 0 的金额（元，最多两位小数）：${String(request.wage)}`);
  const from = requireIsoDate(request.from, '入职日期');
  const to = requireIsoDate(request.to, '离职日期');
  const needsAverage = request.region && request.kind !== 'notice';
  if (needsAverage && !ctx) throw new Error('按地区核对封顶需要数据库');
  const averageWage = needsAverage ? await averageWageFor(ctx!, request.region!, to) : null;
  const result = calculateCompensation({ kind: request.kind, monthlyWageFen, from, to, averageWage });
  return { ...result, region: request.region ?? null, average_wage: averageWage };
}

/** The figure the cap uses for a region and an end date: the previous year's, the region's own or its city's. */
export async function averageWageFor(ctx: AppContext, regionCode: string, endDate: string): Promise<AverageWage> {
  const region = await resolveRegion(ctx.db, regionCode);
  const year = Number(endDate.slice(0, 4)) - 1;
  const candidates = [region.code, region.cityCode].filter((c): c is string => Boolean(c));
  const rows = await repo.findAverageWages(ctx.db, candidates, year);
  const row = candidates.map((code) => rows.find((r) => r.region_code === code)).find(Boolean);
  if (!row)
    throw new AppError(
      'AVERAGE_WAGE_NOT_LOADED',
      `${region.cityName ?? region.name}${year}年职工月平均工资尚未载入，无法核对三倍封顶：请地区人社部门按统计部门公布的数字载入（劳动关系 → 社平工资）`,
      { region: region.code, year },
    );
  const names = await regionNamesOf(ctx.db, [row.region_code]);
  return {
    regionCode: row.region_code,
    regionName: names.get(row.region_code) ?? row.region_code,
    year,
    monthlyFen: toNumber(row.monthly_wage_fen),
    source: row.source,
  };
}

export interface AverageWageView {
  regionCode: string;
  regionName: string;
  year: number;
  monthlyWageFen: number;
  source: string;
  loadedBy: string | null;
  loadedAt: string;
}

/** Every loaded figure with its source. */
export async function listAverageWages(ctx: AppContext): Promise<AverageWageView[]> {
  const rows = await repo.listAverageWageRows(ctx.db);
  const names = await regionNamesOf(ctx.db, [...new Set(rows.map((r) => r.region_code))]);
  return rows.map((r) => ({
    regionCode: r.region_code,
    regionName: names.get(r.region_code) ?? r.region_code,
    year: toNumber(r.year),
    monthlyWageFen: toNumber(r.monthly_wage_fen),
    source: r.source,
    loadedBy: r.loaded_by,
    loadedAt: r.loaded_at,
  }));
}

export interface AverageWageInput {
  monthlyWage: string | number;
  source: string;
}

/**
 * Loads a region's published figure for a year (a city official for their own region, the
 * province for any), with its source; audited in the same transaction.
 */
export async function setAverageWage(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  regionCode: string,
  year: number,
  input: AverageWageInput,
): Promise<AverageWageView> {
  const region = await resolveRegion(ctx.db, regionCode);
  if (actor.user.role !== 'province_hrss') {
    const scope = actor.user.regionCode ? await regionScopeCodes(ctx.db, actor.user.regionCode) : [];
    if (!scope.includes(region.code)) throw new AppError('NOT_FOUND', '该地区不在您的管辖范围内');
  }
  const fen = parseYuan(input.monthlyWage);
  if (fen === undefined || fen <= 0) throw new AppError('VALIDATION_FAILED', '月平均工资应为大于 0 的金额（元）');
  const source = input.source.trim();
  if (source.length < 4) throw new AppError('VALIDATION_FAILED', '请写明公布来源（文件或公告名称、发布机关、日期）');
  const at = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertAverageWage(trx, {
      region_code: region.code,
      year,
      monthly_wage_fen: fen,
      source,
      loaded_by: actor.user.username,
      loaded_at: at,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.average_wage.set',
        outcome: 'success',
        objectType: 'labour_average_wage',
        objectId: `${region.code}:${year}`,
        details: { monthly_wage_fen: fen, source },
      },
      ctx.clock(),
    );
  });
  return (await listAverageWages(ctx)).find((w) => w.regionCode === region.code && w.year === year)!;
}
