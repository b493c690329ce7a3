import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { PROVINCE_ROLES } from '../../../platform/roles.ts';
import { findCollectionRow, recordAnswers } from '../collections/collections.repository.ts';
import { PROVINCE_CODE, findManagedCollection } from '../collections/collections.service.ts';
import { requireAnswerableForm } from '../collections/forms.service.ts';
import { regionScopeCodes } from '../../reference/reference.service.ts';
import type { ShortageUrgency } from '../collections/collections.table.ts';
import type { SignedIn } from '../governance-scope.ts';
import * as shortage from './shortage.repository.ts';

/**
 * 急需紧缺职业（工种）调查: within an approved survey round enterprises report shortage positions by
 * 大典 occupation code with a headcount and urgency; the city sees its answers; the province publishes
 * a catalogue per city and year. The catalogue is what the skills subsidy's shortage fact reads
 * (policy/certificate-facts.repository.ts).
 */

export const URGENCY_LABELS: Record<ShortageUrgency, string> = {
  high: '非常紧缺',
  medium: '比较紧缺',
  low: '一般紧缺',
};

export interface ShortagePosition {
  occupationCode: string;
  headcount: number;
  urgency: ShortageUrgency;
  note?: string | null;
}

function reportView(row: shortage.ReportRow) {
  return {
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    cityCode: row.city_code,
    cityName: row.city_name,
    occupationCode: row.occupation_code,
    occupationName: row.occupation_name,
    headcount: toNumber(row.headcount),
    urgency: row.urgency,
    urgencyLabel: URGENCY_LABELS[row.urgency] ?? row.urgency,
    note: row.note,
    reportedAt: row.reported_at,
  };
}

/** The city of the caller's reading scope: none for the province (all), its city for a city or county. */
function cityScopeOf(user: CurrentUser): string[] | undefined {
  if (PROVINCE_ROLES.includes(user.role)) return undefined;
  return [`${(user.regionCode ?? '').slice(0, 4)}00`];
}

/** An enterprise reports (or replaces) its shortage positions in an open, approved survey. */
export async function reportShortage(
  ctx: AppContext,
  actor: SignedIn,
  collectionId: number,
  positions: ShortagePosition[],
) {
  const day = todayInShanghai(ctx.clock);
  const { uscc, row } = await requireAnswerableForm(ctx.db, actor.user, collectionId, day);
  if (row.kind !== 'shortage_survey') throw new AppError('VALIDATION_FAILED', '该调查不是急需紧缺职业调查');
  if (positions.length === 0) throw new AppError('VALIDATION_FAILED', '请至少填报一个紧缺岗位');
  const codes = [...new Set(positions.map((p) => p.occupationCode))];
  if (codes.length !== positions.length) throw new AppError('VALIDATION_FAILED', '同一职业请合并为一行填报');
  const known = await shortage.findKnownOccupations(ctx.db, codes);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `职业编码不在《职业分类大典》中：${unknown.join('、')}`);
  const enterprise = await shortage.findEnterpriseCity(ctx.db, uscc);
  if (!enterprise) throw new AppError('NOT_FOUND', '企业不在培育库中');
  const at = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await shortage.replaceReports(
      trx,
      collectionId,
      uscc,
      positions.map((p) => ({
        collection_id: collectionId,
        uscc,
        city_code: enterprise.city_code,
        occupation_code: p.occupationCode,
        headcount: p.headcount,
        urgency: p.urgency,
        note: p.note?.trim() || null,
        reported_at: at,
      })),
    );
    await recordAnswers(trx, collectionId, uscc, null, at);
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.shortage.report',
        outcome: 'success',
        objectType: 'collection',
        objectId: collectionId,
        details: { positions: positions.length, occupations: codes },
      },
      ctx.clock(),
    );
  });
  return myShortageReports(ctx, actor.user, collectionId);
}

/** The positions the enterprise reported in a survey. */
export async function myShortageReports(ctx: AppContext, user: CurrentUser, collectionId: number) {
  if (!user.uscc) throw new AppError('FORBIDDEN', '账号未关联企业');
  return { items: (await shortage.listReportRows(ctx.db, collectionId, { uscc: user.uscc })).map(reportView) };
}

/** A survey's answers as the caller may read them (a city its own enterprises'), with the sums per occupation. */
export async function shortageAnswers(ctx: AppContext, user: CurrentUser, collectionId: number) {
  // A city reads the province's survey (and its own) for its own enterprises.
  const collection = await findCollectionRow(ctx.db, collectionId);
  const regions = PROVINCE_ROLES.includes(user.role) ? 'all' : await regionScopeCodes(ctx.db, user.regionCode ?? '');
  if (
    !collection ||
    (regions !== 'all' && collection.region_code !== PROVINCE_CODE && !regions.includes(collection.region_code))
  )
    throw new AppError('NOT_FOUND', '调查不存在或不属于本地区');
  if (collection.kind !== 'shortage_survey') throw new AppError('VALIDATION_FAILED', '该调查不是急需紧缺职业调查');
  const cities = cityScopeOf(user);
  const [reports, sums] = await Promise.all([
    shortage.listReportRows(ctx.db, collectionId, { cityCodes: cities }),
    shortage.summariseReports(ctx.db, collectionId, cities),
  ]);
  return {
    items: reports.map(reportView),
    summary: sums.map((s) => ({
      cityCode: s.city_code,
      occupationCode: s.occupation_code,
      occupationName: s.occupation_name,
      headcount: toNumber(s.headcount),
      enterprises: toNumber(s.enterprises),
      urgent: toNumber(s.urgent),
    })),
  };
}

/**
 * The province publishes a city's catalogue for the survey's year: the occupations chosen (by default
 * every one reported in the city), with the headcount and enterprises the survey gave. One per city and year.
 */
export async function publishCatalogue(
  ctx: AppContext,
  actor: SignedIn,
  input: { collectionId: number; cityCode: string; occupationCodes?: string[] },
) {
  const collection = await findManagedCollection(ctx.db, actor.user, input.collectionId);
  if (collection.kind !== 'shortage_survey')
    throw new AppError('VALIDATION_FAILED', '只能依据急需紧缺职业调查发布目录');
  if (collection.state === 'draft') throw new AppError('CONFLICT', '调查尚未发出，不能发布目录');
  const year = Number(collection.year);
  const sums = await shortage.summariseReports(ctx.db, input.collectionId, [input.cityCode]);
  const chosen = input.occupationCodes ?? sums.map((s) => s.occupation_code);
  if (chosen.length === 0) throw new AppError('VALIDATION_FAILED', '该市没有企业填报紧缺岗位，目录不能为空');
  const known = await shortage.findKnownOccupations(ctx.db, chosen);
  const unknown = chosen.filter((c) => !known.has(c));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `职业编码不在《职业分类大典》中：${unknown.join('、')}`);
  const byCode = new Map(sums.map((s) => [s.occupation_code, s]));
  await ctx.db.transaction().execute(async (trx) => {
    if (await shortage.findCatalogue(trx, input.cityCode, year))
      throw new AppError('CONFLICT', `${input.cityCode} ${year} 年的急需紧缺职业目录已发布`);
    const id = await shortage.insertCatalogue(
      trx,
      {
        city_code: input.cityCode,
        year,
        collection_id: input.collectionId,
        published_at: ctx.clock().toISOString(),
        published_by: actor.user.id,
      },
      [...new Set(chosen)].map((code) => ({
        occupation_code: code,
        headcount: toNumber(byCode.get(code)?.headcount ?? 0),
        enterprises: toNumber(byCode.get(code)?.enterprises ?? 0),
      })),
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.shortage.publish',
        outcome: 'success',
        objectType: 'shortage_catalogue',
        objectId: id,
        details: { city: input.cityCode, year, occupations: chosen },
      },
      ctx.clock(),
    );
  });
  return (await listCatalogues(ctx, { year, cityCode: input.cityCode })).items[0]!;
}

/** Published catalogues with their occupations (reference data every role may read). */
export async function listCatalogues(ctx: AppContext, filter: { year?: number; cityCode?: string }) {
  const { catalogues, entries } = await shortage.listCatalogueRows(ctx.db, filter);
  return {
    items: catalogues.map((c) => ({
      id: Number(c.id),
      cityCode: c.city_code,
      cityName: c.city_name,
      year: Number(c.year),
      collectionId: Number(c.collection_id),
      publishedAt: c.published_at,
      publishedByName: c.published_by_name,
      occupations: entries
        .filter((e) => Number(e.catalogue_id) === Number(c.id))
        .map((e) => ({
          code: e.occupation_code,
          name: e.occupation_name,
          headcount: toNumber(e.headcount),
          enterprises: toNumber(e.enterprises),
        })),
    })),
  };
}
