import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { maskPhone } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { exportWorkbook, type SheetColumn } from '../../../platform/http/excel-export.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { beijingMinute } from '../../../platform/time.ts';
import { maskAddress } from '../../benefits/delivery/direct-messages.service.ts';
import { maskName } from '../seekers/seekers.service.ts';
import * as seekers from '../seekers/seekers.repository.ts';
import { APPLICATION_STATUS_NAMES } from './applications.service.ts';
import type { ApplicationStatus } from './applications.table.ts';
import * as repo from './region-applications.repository.ts';

/**
 * The officials' view of applications (SPEC §2.6): a city sees the applications to postings in
 * its region, the province those of every city (or of one it picks). Counts per state by
 * posting, enterprise or county; a list with the applicants masked (name, phone, e-mail never
 * whole here); each page viewed and each export is audited as a view of the whole region.
 */

type SignedIn = Actor & { user: CurrentUser };
const STATUSES = Object.keys(APPLICATION_STATUS_NAMES) as ApplicationStatus[];
const MAX_EXPORT_ROWS = 10_000;

export interface RegionQuery {
  cityCode?: string | undefined;
  status?: ApplicationStatus | undefined;
  postingId?: number | undefined;
  uscc?: string | undefined;
}

/** A city official sees its own region only; the province all, or one city it names. */
function scopeOf(user: CurrentUser, cityCode: string | undefined): repo.RegionScope {
  if (user.role === 'city_hrss') {
    if (!user.regionCode) throw new AppError('FORBIDDEN', '账号未设置所属地区');
    if (cityCode && cityCode !== user.regionCode) throw new AppError('FORBIDDEN', '只能查看本地区岗位的应聘情况');
    return { kind: 'region', regionCode: user.regionCode };
  }
  return cityCode ? { kind: 'province', cityCode } : { kind: 'province' };
}

async function auditView(ctx: AppContext, actor: SignedIn, action: string, details: Record<string, unknown>) {
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'job_application', details },
    ctx.clock(),
  );
}

/** Applications per state, grouped by posting, enterprise or county, with the region's totals. */
export async function summariseRegionApplications(
  ctx: AppContext,
  user: CurrentUser,
  query: { cityCode?: string | undefined; groupBy?: repo.ApplicationGrouping | undefined },
) {
  const grouping = query.groupBy ?? 'posting';
  const rows = await repo.countApplicationsBy(ctx.db, scopeOf(user, query.cityCode), grouping);
  const groups = new Map<
    string,
    { key: string; name: string; parent: string | null; total: number; counts: Record<ApplicationStatus, number> }
  >();
  const totals = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const r of rows) {
    const key = String(r.key);
    const group = groups.get(key) ?? {
      key,
      name: r.name ?? key,
      parent: 'parent' in r ? (r.parent ?? null) : null,
      total: 0,
      counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>,
    };
    group.counts[r.status] += Number(r.n);
    group.total += Number(r.n);
    totals[r.status] += Number(r.n);
    groups.set(key, group);
  }
  const items = [...groups.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { groupBy: grouping, items, totals, total: STATUSES.reduce((sum, s) => sum + totals[s], 0) };
}

async function maskedItems(ctx: AppContext, rows: Awaited<ReturnType<typeof repo.listRegionApplications>>['rows']) {
  const people = new Map(
    (await seekers.findSeekers(ctx.db, [...new Set(rows.map((r) => Number(r.seeker_id)))])).map((s) => [
      Number(s.id),
      s,
    ]),
  );
  return rows.map((r) => {
    const seeker = people.get(Number(r.seeker_id));
    const phone = seeker?.phone_enc ? ctx.cipher.decrypt(seeker.phone_enc) : null;
    const email = seeker?.email_enc ? ctx.cipher.decrypt(seeker.email_enc) : null;
    return {
      id: Number(r.id),
      postingId: Number(r.posting_id),
      postingTitle: r.posting_title,
      enterpriseName: r.enterprise_name ?? null,
      uscc: r.uscc,
      regionCode: r.region_code,
      regionName: r.region_name ?? null,
      applicantName: seeker ? maskName(ctx.cipher.decrypt(seeker.name_enc)) : '*',
      contact: phone ? maskPhone(phone) : email ? maskAddress(email) : null,
      education: seeker?.education ?? null,
      status: r.status,
      statusName: APPLICATION_STATUS_NAMES[r.status],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** One page of the region's applications, applicants masked; the view is audited. */
export async function listRegionApplications(
  ctx: AppContext,
  actor: SignedIn,
  query: RegionQuery & { page?: number; pageSize?: number },
) {
  const scope = scopeOf(actor.user, query.cityCode);
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listRegionApplications(ctx.db, scope, { ...query, limit: pageSize, offset });
  await auditView(ctx, actor, 'job_application.region_view', { scope, query, rows: rows.length, total });
  return { items: await maskedItems(ctx, rows), total, page, pageSize };
}

const COLUMNS: SheetColumn[] = [
  { header: '岗位', key: 'postingTitle', width: 30 },
  { header: '企业', key: 'enterpriseName', width: 30 },
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '县（市、区）', key: 'regionName', width: 14 },
  { header: '求职者（脱敏）', key: 'applicantName', width: 12 },
  { header: '联系方式（脱敏）', key: 'contact', width: 20 },
  { header: '学历', key: 'education', width: 10 },
  { header: '状态', key: 'statusName', width: 10 },
  { header: '投递时间', key: 'createdAt', width: 18 },
  { header: '更新时间', key: 'updatedAt', width: 18 },
];

/** The region's applications as an Excel file (masked, at most 10,000 rows); the export is audited. */
export async function exportRegionApplications(ctx: AppContext, actor: SignedIn, query: RegionQuery) {
  const scope = scopeOf(actor.user, query.cityCode);
  const { rows, total } = await repo.listRegionApplications(ctx.db, scope, {
    ...query,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
  });
  const items = (await maskedItems(ctx, rows)).map((i) => ({
    ...i,
    createdAt: beijingMinute(i.createdAt),
    updatedAt: beijingMinute(i.updatedAt),
  }));
  await auditView(ctx, actor, 'job_application.region_export', { scope, query, rows: items.length, total });
  const content = await exportWorkbook(
    [{ name: '应聘情况', columns: COLUMNS, rows: items }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['行数', items.length],
      ['说明', total > items.length ? `共 ${total} 条，仅导出最新 ${items.length} 条` : '求职者姓名与联系方式已脱敏'],
    ],
  );
  return { fileName: `岗位应聘情况_${todayInShanghai(ctx.clock)}.xlsx`, content };
}
