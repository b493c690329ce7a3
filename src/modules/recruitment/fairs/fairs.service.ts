import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import * as repo from './fairs.repository.ts';
import type { FairMode } from './fairs.table.ts';

/**
 * 专场招聘会 (SPEC §2.6): a city or county HRSS office records its fairs — date, online or on
 * site, place, organiser, the enterprises taking part with their posts, and after the fair the
 * registrations, attendance and intentions reached (达成意向); an enterprise signs up with its
 * published postings. A fair counts in the year of its date, once it has been held.
 */

export const FAIR_MODE_NAMES: Record<FairMode, string> = { online: '线上', onsite: '线下' };

type SignedIn = Actor & { user: CurrentUser };

export interface FairEnterpriseInput {
  uscc: string;
  posts: number;
}

export interface FairInput {
  name: string;
  fairDate: string;
  mode: FairMode;
  place: string;
  organiser: string;
  regionCode: string;
  registrations: number;
  attendance: number;
  intentions: number;
  enterprises: FairEnterpriseInput[];
}

export function fairScopeOf(user: CurrentUser): repo.FairScope {
  if (user.role === 'city_hrss') {
    if (!user.regionCode) throw new AppError('NOT_FOUND', '账号未设置所属地区');
    return { kind: 'region', regionCode: user.regionCode };
  }
  return { kind: 'province' };
}

/** The city a county or city code belongs to, within the official's own region; problems named in Chinese. */
async function placeOf(db: Db, user: CurrentUser, regionCode: string): Promise<{ cityCode: string }> {
  const region = await repo.findRegion(db, regionCode);
  const cityCode = region?.level === 'city' ? region.code : region?.city_code;
  if (!region || !cityCode)
    throw new AppError('INVALID_REGION', `举办地 ${regionCode} 不是江苏省的市、县级行政区划代码`);
  if (user.role === 'city_hrss' && regionCode !== user.regionCode && cityCode !== user.regionCode)
    throw new AppError('INVALID_REGION', '只能登记本地区举办的招聘会');
  return { cityCode };
}

function validate(input: FairInput): void {
  const problems: string[] = [];
  if (!input.name.trim()) problems.push('请填写招聘会名称');
  if (!isIsoDate(input.fairDate)) problems.push('举办日期应为 YYYY-MM-DD');
  if (!input.place.trim()) problems.push('请填写举办地点或线上平台');
  if (!input.organiser.trim()) problems.push('请填写主办单位');
  for (const [value, label] of [
    [input.registrations, '报名人数'],
    [input.attendance, '参会人数'],
    [input.intentions, '达成意向人数'],
  ] as const)
    if (!Number.isInteger(value) || value < 0) problems.push(`${label}应为非负整数`);
  if (input.intentions > input.attendance && input.attendance > 0) problems.push('达成意向人数不能多于参会人数');
  const usccs = input.enterprises.map((e) => e.uscc);
  if (new Set(usccs).size !== usccs.length) problems.push('参会企业有重复');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
}

async function checkEnterprises(db: Db, enterprises: FairEnterpriseInput[]) {
  const known = new Set(
    (
      await repo.findEnterprises(
        db,
        enterprises.map((e) => e.uscc),
      )
    ).map((e) => e.uscc),
  );
  const unknown = enterprises.filter((e) => !known.has(e.uscc)).map((e) => e.uscc);
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', `参会企业不在培育库中：${unknown.slice(0, 5).join('、')}`);
}

async function audit(ctx: AppContext, db: Db, actor: Actor, action: string, id: number, details = {}) {
  await appendAudit(
    db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'job_fair', objectId: id, details },
    ctx.clock(),
  );
}

type EnterpriseRow = Awaited<ReturnType<typeof repo.listFairEnterprises>>[number];

function fairView(row: repo.FairRow, enterprises: EnterpriseRow[], user: CurrentUser) {
  const own = enterprises.filter((e) => Number(e.fair_id) === Number(row.id));
  return {
    id: Number(row.id),
    name: row.name,
    fairDate: row.fair_date,
    mode: row.mode,
    modeName: FAIR_MODE_NAMES[row.mode],
    place: row.place,
    organiser: row.organiser,
    regionCode: row.region_code,
    regionName: row.region_name ?? null,
    cityCode: row.city_code,
    registrations: Number(row.registrations),
    attendance: Number(row.attendance),
    intentions: Number(row.intentions),
    enterpriseCount: own.length,
    posts: own.reduce((sum, e) => sum + Number(e.posts), 0),
    // An enterprise sees which others take part, never their figures beyond the count.
    enterprises: own.map((e) => ({
      uscc: e.uscc,
      name: e.name ?? null,
      posts: Number(e.posts),
      postingIds: JSON.parse(e.posting_ids) as number[],
      signedUpBy: e.signed_up_by,
    })),
    isSignedUp: user.uscc ? own.some((e) => e.uscc === user.uscc) : false,
    updatedAt: row.updated_at,
  };
}
export type FairView = ReturnType<typeof fairView>;

async function viewOf(db: Db, user: CurrentUser, id: number): Promise<FairView> {
  const row = await repo.findFair(db, id, fairScopeOf(user));
  if (!row) throw new AppError('NOT_FOUND', '招聘会不存在或不在您的数据范围内');
  return fairView(row, await repo.listFairEnterprises(db, [id]), user);
}

async function writeEnterprises(db: Db, fairId: number, enterprises: FairEnterpriseInput[], at: string) {
  await repo.deleteFairEnterprises(
    db,
    fairId,
    enterprises.map((e) => e.uscc),
  );
  for (const e of enterprises)
    await repo.upsertFairEnterprise(db, {
      fair_id: fairId,
      uscc: e.uscc,
      posts: e.posts,
      posting_ids: '[]',
      signed_up_by: 'official',
      created_at: at,
    });
}

/** A city official records a fair (its figures may follow once it is held). */
export async function createFair(ctx: AppContext, actor: SignedIn, input: FairInput): Promise<FairView> {
  validate(input);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { cityCode } = await placeOf(trx, actor.user, input.regionCode);
    await checkEnterprises(trx, input.enterprises);
    const id = await repo.insertFair(trx, {
      source_key: null,
      ...columnsOf(input),
      city_code: cityCode,
      created_by: actor.user.id,
      created_at: now,
      updated_at: now,
    });
    await writeEnterprises(trx, id, input.enterprises, now);
    await audit(ctx, trx, actor, 'job_fair.create', id);
    return viewOf(trx, actor.user, id);
  });
}

function columnsOf(input: FairInput) {
  return {
    name: input.name.trim(),
    fair_date: input.fairDate,
    mode: input.mode,
    place: input.place.trim(),
    organiser: input.organiser.trim(),
    region_code: input.regionCode,
    registrations: input.registrations,
    attendance: input.attendance,
    intentions: input.intentions,
  };
}

/** Edits a fair of the official's region: its details, enterprises and figures. */
export async function updateFair(ctx: AppContext, actor: SignedIn, id: number, input: FairInput): Promise<FairView> {
  validate(input);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await viewOf(trx, actor.user, id);
    const { cityCode } = await placeOf(trx, actor.user, input.regionCode);
    await checkEnterprises(trx, input.enterprises);
    await repo.updateFairRow(trx, id, { ...columnsOf(input), city_code: cityCode, updated_at: now });
    // Enterprises that signed up themselves keep their postings; the official's list decides who takes part.
    const before = new Map((await repo.listFairEnterprises(trx, [id])).map((e) => [e.uscc, e]));
    await repo.deleteFairEnterprises(
      trx,
      id,
      input.enterprises.map((e) => e.uscc),
    );
    for (const e of input.enterprises) {
      const previous = before.get(e.uscc);
      await repo.upsertFairEnterprise(trx, {
        fair_id: id,
        uscc: e.uscc,
        posts: e.posts,
        posting_ids: previous?.posting_ids ?? '[]',
        signed_up_by: previous?.signed_up_by ?? 'official',
        created_at: previous?.created_at ?? now,
      });
    }
    await audit(ctx, trx, actor, 'job_fair.update', id);
    return viewOf(trx, actor.user, id);
  });
}

/** An enterprise signs up for a fair not yet held, bringing some of its published postings. */
export async function signUpForFair(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  postingIds: number[],
): Promise<FairView> {
  const uscc = actor.user.uscc;
  if (!uscc) throw new AppError('NOT_FOUND', '账号未绑定企业');
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const fair = await viewOf(trx, actor.user, id);
    if (fair.fairDate < todayInShanghai(() => now)) throw new AppError('CONFLICT', '该招聘会已举办，不能再报名');
    const postings = await repo.findOwnPublishedPostings(trx, uscc, postingIds);
    if (postings.length !== new Set(postingIds).size)
      throw new AppError('VALIDATION_FAILED', '只能带本企业已发布的岗位参会');
    await repo.upsertFairEnterprise(trx, {
      fair_id: id,
      uscc,
      posts: postings.reduce((sum, p) => sum + Number(p.posts), 0),
      posting_ids: JSON.stringify(postings.map((p) => Number(p.id)).sort((a, b) => a - b)),
      signed_up_by: 'enterprise',
      created_at: now.toISOString(),
    });
    await audit(ctx, trx, actor, 'job_fair.sign_up', id, { postings: postings.length });
    return viewOf(trx, actor.user, id);
  });
}

export interface FairQuery {
  year?: number;
  cityCode?: string;
  q?: string;
  upcoming?: boolean;
  page?: number;
  pageSize?: number;
}

function filterOf(ctx: AppContext, query: FairQuery): repo.FairFilter {
  return {
    ...(query.year ? { from: `${query.year}-01-01`, to: `${query.year}-12-31` } : {}),
    ...(query.upcoming ? { from: todayInShanghai(ctx.clock) } : {}),
    ...(query.cityCode ? { cityCode: query.cityCode } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
  };
}

/** Fairs of the caller's scope (officials: their region; enterprises: the province's, to sign up). */
export async function listFairsFor(ctx: AppContext, user: CurrentUser, query: FairQuery) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listFairs(ctx.db, fairScopeOf(user), {
    ...filterOf(ctx, query),
    limit: pageSize,
    offset,
  });
  const enterprises = await repo.listFairEnterprises(
    ctx.db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => fairView(r, enterprises, user)), total, page, pageSize };
}

export async function getFair(ctx: AppContext, user: CurrentUser, id: number): Promise<FairView> {
  return viewOf(ctx.db, user, id);
}

/** Every fair of a query, for the export (bounded). */
export async function listAllFairs(ctx: AppContext, user: CurrentUser, query: FairQuery, max: number) {
  return (await listFairsFor(ctx, user, { ...query, page: 1, pageSize: max })).items;
}

/**
 * 专场招聘会 over report months YYYYMM..YYYYMM (both included): fairs held then (their date
 * falls in the months and is not after today), in a city or county or the province.
 */
export async function countFairsInMonths(
  ctx: AppContext,
  fromMonth: number,
  toMonth: number,
  regionCode?: string,
): Promise<number> {
  const from = `${Math.floor(fromMonth / 100)}-${String(fromMonth % 100).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(Math.floor(toMonth / 100), toMonth % 100, 0)).toISOString().slice(0, 10);
  const today = todayInShanghai(ctx.clock);
  return repo.countFairsHeld(ctx.db, from, last < today ? last : today, regionCode);
}
