import type { AppContext } from '../../../app-context.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { beijingMinute, exportWorkbook, type SheetColumn } from '../../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { planTargets } from '../../monitoring/targets.ts';
import { countPublishedInYear } from '../postings/postings.service.ts';
import { fairScopeOf, listAllFairs, type FairQuery } from './fairs.service.ts';
import * as repo from './fairs.repository.ts';

interface CityFigures {
  cityCode: string;
  cityName: string;
  fairs: number;
  online: number;
  enterprises: number;
  posts: number;
  registrations: number;
  attendance: number;
  intentions: number;
  postingsPublished: number;
}

/**
 * The province's (and a city's) view of a year: per city the fairs held, online and on site,
 * enterprises and posts, registrations, attendance and intentions, and the postings first
 * published that year, against the plan's annual targets (reference/targets/sailing-plan-2025.json).
 */
export async function fairFiguresOfYear(ctx: AppContext, user: CurrentUser, year: number) {
  const scope = fairScopeOf(user);
  const held = todayInShanghai(ctx.clock);
  const to = `${year}-12-31` < held ? `${year}-12-31` : held;
  const { fairs, enterprises } = await repo.sumFairsByCity(ctx.db, scope, `${year}-01-01`, to);
  const cities = (await repo.listCities(ctx.db)).filter(
    (c) => scope.kind === 'province' || user.regionCode?.slice(0, 4) === c.code.slice(0, 4),
  );
  const rows: CityFigures[] = [];
  for (const city of cities) {
    const f = fairs.find((r) => r.city_code === city.code);
    const e = enterprises.find((r) => r.city_code === city.code);
    rows.push({
      cityCode: city.code,
      cityName: city.name,
      fairs: Number(f?.fairs ?? 0),
      online: Number(f?.online ?? 0),
      enterprises: Number(e?.enterprises ?? 0),
      posts: Number(e?.posts ?? 0),
      registrations: Number(f?.registrations ?? 0),
      attendance: Number(f?.attendance ?? 0),
      intentions: Number(f?.intentions ?? 0),
      postingsPublished: await countPublishedInYear(ctx, year, city.code),
    });
  }
  const sum = (key: Exclude<keyof CityFigures, 'cityCode' | 'cityName'>) =>
    rows.reduce((s, r) => s + Number(r[key]), 0);
  const targets = planTargets().targets;
  return {
    year,
    rows,
    totals: {
      fairs: sum('fairs'),
      online: sum('online'),
      enterprises: sum('enterprises'),
      posts: sum('posts'),
      registrations: sum('registrations'),
      attendance: sum('attendance'),
      intentions: sum('intentions'),
      postingsPublished: sum('postingsPublished'),
    },
    // The plan's targets are the province's, per year; a city sees them for reference.
    targets: {
      fairs: targets.get('job_fairs')?.value ?? null,
      postings: targets.get('job_postings')?.value ?? null,
      basis: [targets.get('job_fairs')?.clause, targets.get('job_postings')?.clause].filter(Boolean).join('；'),
    },
  };
}

const COLUMNS: SheetColumn[] = [
  { header: '招聘会名称', key: 'name', width: 36 },
  { header: '举办日期', key: 'fairDate', width: 12 },
  { header: '形式', key: 'mode', width: 8 },
  { header: '举办地', key: 'region', width: 14 },
  { header: '地点/平台', key: 'place', width: 28 },
  { header: '主办单位', key: 'organiser', width: 24 },
  { header: '参会企业数', key: 'enterprises', width: 10 },
  { header: '提供岗位数', key: 'posts', width: 10 },
  { header: '报名人数', key: 'registrations', width: 10 },
  { header: '参会人数', key: 'attendance', width: 10 },
  { header: '达成意向人数', key: 'intentions', width: 12 },
];
const MAX_ROWS = 10_000;

/** The fairs of a query as an Excel file; the export is audited. */
export async function exportFairs(ctx: AppContext, actor: Actor & { user: CurrentUser }, query: FairQuery) {
  const items = await listAllFairs(ctx, actor.user, query, MAX_ROWS);
  const rows = items.map((f) => ({
    name: f.name,
    fairDate: f.fairDate,
    mode: f.modeName,
    region: f.regionName ?? f.regionCode,
    place: f.place,
    organiser: f.organiser,
    enterprises: f.enterpriseCount,
    posts: f.posts,
    registrations: f.registrations,
    attendance: f.attendance,
    intentions: f.intentions,
  }));
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action: 'job_fair.export', outcome: 'success', objectType: 'job_fair', details: { query, rows: rows.length } },
    ctx.clock(),
  );
  const content = await exportWorkbook(
    [{ name: '专场招聘会', columns: COLUMNS, rows }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['行数', rows.length],
    ],
  );
  return { fileName: `专场招聘会_${todayInShanghai(ctx.clock)}.xlsx`, content };
}
