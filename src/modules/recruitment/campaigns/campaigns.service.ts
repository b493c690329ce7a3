import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { isIsoDate } from '../../../platform/iso-date.ts';
import * as repo from './campaigns.repository.ts';
import type { CampaignEventMode, CampaignKind } from './campaigns.table.ts';
import { provincesByCode } from './home-province.ts';

/**
 * Recruitment campaigns (引才活动, SPEC §2.6; notice 二（三）): the province or a city records a campaign
 * — 百名海外博士江苏行, 江苏招才月, 四对接 or 东西部劳务协作 — with its events (date, place, city, online
 * or on site) and results (participating enterprises, postings, seekers, intentions); each hire made
 * through it is recorded per person, the ID number kept encrypted and never shown, its first two digits
 * giving the home province for the 东西部劳务协作 report (campaign-report.service.ts).
 */

export const CAMPAIGN_KIND_NAMES: Record<CampaignKind, string> = {
  overseas_doctors: '百名海外博士江苏行',
  talent_month: '江苏招才月',
  four_docking: '四对接',
  east_west: '东西部劳务协作',
};
export const EVENT_MODE_NAMES: Record<CampaignEventMode, string> = { online: '线上', onsite: '线下' };
export const PROVINCE_CODE = '320000';

type SignedIn = Actor & { user: CurrentUser };

export interface CampaignInput {
  kind: CampaignKind;
  name: string;
  year: number;
  regionCode: string;
  organiser: string;
  summary: string;
  enterprises: number;
  postings: number;
  seekers: number;
  intentions: number;
  events: { heldOn: string; place: string; city: string; mode: CampaignEventMode }[];
}

export function campaignScopeOf(user: CurrentUser): repo.CampaignScope {
  if (user.role === 'city_hrss') {
    if (!user.regionCode) throw new AppError('FORBIDDEN', '账号未设置所属地区');
    return { kind: 'city', cityCode: user.regionCode };
  }
  return { kind: 'province' };
}

/** A person's name as shown: the family name and one mark per other character. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

function validate(user: CurrentUser, input: CampaignInput): void {
  const problems: string[] = [];
  if (!CAMPAIGN_KIND_NAMES[input.kind]) problems.push('活动类型无效');
  if (!input.name.trim()) problems.push('请填写活动名称');
  if (!input.organiser.trim()) problems.push('请填写主办单位');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push('年度无效');
  if (user.role === 'city_hrss' && input.regionCode !== user.regionCode) problems.push('只能登记本市的引才活动');
  if (input.intentions > input.seekers && input.seekers > 0) problems.push('达成意向人数不能多于参加求职者人数');
  input.events.forEach((e, i) => {
    if (!isIsoDate(e.heldOn)) problems.push(`第 ${i + 1} 场活动的日期应为 YYYY-MM-DD`);
    if (!e.place.trim() || !e.city.trim()) problems.push(`请填写第 ${i + 1} 场活动的地点和城市`);
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
}

async function requireRegion(db: Db, regionCode: string) {
  if (regionCode === PROVINCE_CODE) return;
  const region = await db.selectFrom('regions').select('level').where('code', '=', regionCode).executeTakeFirst();
  if (region?.level !== 'city')
    throw new AppError('VALIDATION_FAILED', `主办地区 ${regionCode} 应为 320000（全省）或江苏省的设区市代码`);
}

function columnsOf(input: CampaignInput) {
  return {
    kind: input.kind,
    name: input.name.trim(),
    year: input.year,
    region_code: input.regionCode,
    organiser: input.organiser.trim(),
    summary: input.summary.trim(),
    enterprises: input.enterprises,
    postings: input.postings,
    seekers: input.seekers,
    intentions: input.intentions,
  };
}

function eventsOf(input: CampaignInput) {
  return input.events.map((e) => ({ held_on: e.heldOn, place: e.place.trim(), city: e.city.trim(), mode: e.mode }));
}

export async function audit(ctx: AppContext, db: Db, actor: Actor, action: string, id: number, details = {}) {
  await appendAudit(
    db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'recruitment_campaign', objectId: id, details },
    ctx.clock(),
  );
}

async function viewsOf(db: Db, rows: repo.CampaignRow[]) {
  const ids = rows.map((r) => Number(r.id));
  const events = await repo.listEvents(db, ids);
  const hires = new Map((await repo.countHires(db, ids)).map((h) => [Number(h.campaign_id), Number(h.n)]));
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    kindName: CAMPAIGN_KIND_NAMES[r.kind],
    name: r.name,
    year: Number(r.year),
    regionCode: r.region_code,
    regionName: r.region_code === PROVINCE_CODE ? '江苏省' : (r.region_name ?? r.region_code),
    organiser: r.organiser,
    summary: r.summary,
    events: events
      .filter((e) => Number(e.campaign_id) === Number(r.id))
      .map((e) => ({
        heldOn: e.held_on,
        place: e.place,
        city: e.city,
        mode: e.mode,
        modeName: EVENT_MODE_NAMES[e.mode],
      })),
    results: {
      enterprises: Number(r.enterprises),
      postings: Number(r.postings),
      seekers: Number(r.seekers),
      intentions: Number(r.intentions),
      hires: hires.get(Number(r.id)) ?? 0,
    },
    updatedAt: r.updated_at,
  }));
}
export type CampaignView = Awaited<ReturnType<typeof viewsOf>>[number];

export async function requireCampaign(db: Db, user: CurrentUser, id: number): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(db, campaignScopeOf(user), id);
  if (!row) throw new AppError('NOT_FOUND', '引才活动不存在或不在您的数据范围内');
  return row;
}

export async function listCampaignsFor(
  ctx: AppContext,
  user: CurrentUser,
  query: repo.CampaignFilter & { page?: number; pageSize?: number },
) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listCampaigns(ctx.db, campaignScopeOf(user), {
    ...(query.year ? { year: query.year } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    limit: pageSize,
    offset,
  });
  return { items: await viewsOf(ctx.db, rows), total, page, pageSize };
}

/** One campaign with its hires: the enterprise, the person's masked name and home province — never the ID. */
export async function getCampaign(ctx: AppContext, user: CurrentUser, id: number) {
  const row = await requireCampaign(ctx.db, user, id);
  const [view] = await viewsOf(ctx.db, [row]);
  const provinces = provincesByCode();
  const hires = (await repo.listHires(ctx.db, id)).map((h) => ({
    id: Number(h.id),
    uscc: h.uscc,
    enterpriseName: h.enterprise_name ?? null,
    name: maskName(ctx.cipher.decrypt(h.name_enc)),
    homeProvinceCode: h.home_province_code,
    homeProvinceName: provinces.get(h.home_province_code)?.name ?? h.home_province_code,
    hiredOn: h.hired_on,
  }));
  return { ...view!, hires };
}

export async function createCampaign(ctx: AppContext, actor: SignedIn, input: CampaignInput) {
  validate(actor.user, input);
  await requireRegion(ctx.db, input.regionCode);
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCampaign(trx, {
      ...columnsOf(input),
      created_by: actor.user.id,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceEvents(trx, id, eventsOf(input));
    await audit(ctx, trx, actor, 'recruitment_campaign.create', id, { kind: input.kind, name: input.name.trim() });
    return id;
  });
  return getCampaign(ctx, actor.user, id);
}

export async function updateCampaign(ctx: AppContext, actor: SignedIn, id: number, input: CampaignInput) {
  validate(actor.user, input);
  await requireRegion(ctx.db, input.regionCode);
  await ctx.db.transaction().execute(async (trx) => {
    await requireCampaign(trx, actor.user, id);
    await repo.updateCampaignRow(trx, id, { ...columnsOf(input), updated_at: ctx.clock().toISOString() });
    await repo.replaceEvents(trx, id, eventsOf(input));
    await audit(ctx, trx, actor, 'recruitment_campaign.update', id, { events: input.events.length });
  });
  return getCampaign(ctx, actor.user, id);
}
