import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { systemActor, type Actor, type CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow, type Page } from '../../../platform/http/schemas.ts';
import { ROLE_DEFINITIONS } from '../../../platform/roles.ts';
import { regionScopeCodes } from '../../reference/reference.service.ts';
import { isPeriod } from '../../workforce/periods.ts';
import { buildBulletinContent, type BulletinContent } from './bulletin-content.ts';
import { computeIndicators, type IndicatorReport } from '../indicators/indicators.service.ts';
import { renderBulletinHtml } from './bulletin-html.ts';
import { renderBulletinWorkbook } from './bulletin-workbook.ts';
import * as repo from './bulletins.repository.ts';
import { PROVINCE_CODE, resolveView, type MonitoringView } from '../indicators/monitoring-view.ts';

/** The monthly 通报 (SPEC §2.4): generated on demand or on schedule, stored, served as Excel and as a page. */
export interface BulletinView {
  id: number;
  period: number;
  regionCode: string;
  regionName: string;
  trigger: 'manual' | 'schedule';
  status: 'generating' | 'ready' | 'failed';
  summary: string | null;
  error: string | null;
  /** False for a month without monitoring data (stored before such bulletins were refused). */
  hasData: boolean;
  createdAt: string;
  finishedAt: string | null;
  links: { xlsx: string; html: string };
}

function toBulletinView(row: repo.BulletinListRow): BulletinView {
  const id = toNumber(row.id);
  return {
    id,
    period: toNumber(row.period),
    regionCode: row.region_code,
    regionName: row.region_name,
    trigger: row.trigger,
    status: row.status,
    summary: row.summary,
    error: row.error,
    hasData: toNumber(row.has_data) === 1,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    links: { xlsx: `/api/v1/monitoring/bulletins/${id}.xlsx`, html: `/api/v1/monitoring/bulletins/${id}.html` },
  };
}

/** Generates a region's bulletin for a month now (the caller's own region at most) and stores it. */
export async function generateBulletin(
  ctx: AppContext,
  input: { period: number; region?: string },
  actor: Actor & { user: CurrentUser },
): Promise<BulletinView> {
  if (!isPeriod(input.period)) throw new AppError('VALIDATION_FAILED', `通报月份应为 YYYYMM：${input.period}`);
  const view = await resolveView(ctx, actor.user, input.region);
  if (view.scope === 'assigned') throw new AppError('NOT_FOUND', '服务专员不生成地区通报');
  const data = await monthData(ctx, view, input.period);
  if (!data.hasData) throw new AppError('CONFLICT', noDataMessage(view, input.period, data.dataThrough));
  const now = ctx.clock().toISOString();
  const id = await repo.insertBulletin(ctx.db, {
    period: input.period,
    region_code: view.regionCode,
    region_name: view.regionName,
    trigger: 'manual',
    schedule_key: null,
    status: 'generating',
    created_by: actor.user.id,
    created_at: now,
    claimed_at: now,
  });
  await produceBulletin(ctx, id, view, input.period, actor);
  return getBulletin(ctx, actor.user, id);
}

/** Whether the region has monitoring data for the month (monitored enterprises), and the data horizon. */
export async function monthData(
  ctx: AppContext,
  view: MonitoringView,
  period: number,
): Promise<{ hasData: boolean; dataThrough: number | null }> {
  const report = await computeIndicators(
    ctx,
    { period: String(period), region: view.regionCode === PROVINCE_CODE ? undefined : view.regionCode },
    null,
  );
  return { hasData: hasMonitoredEnterprises(report), dataThrough: report.data_through };
}

function hasMonitoredEnterprises(report: IndicatorReport): boolean {
  return report.months !== null && (report.indicators.monitored_enterprises?.actual ?? 0) > 0;
}

const monthLabel = (period: number) => `${Math.floor(period / 100)}年${period % 100}月`;

function noDataMessage(view: MonitoringView, period: number, dataThrough: number | null): string {
  const horizon = dataThrough ? `（监测数据截至${monthLabel(dataThrough)}）` : '（尚未导入监测数据）';
  return `${monthLabel(period)}${view.regionName}暂无监测数据${horizon}，不生成通报；请在数据导入后再生成。`;
}

/**
 * Builds, renders and stores a claimed bulletin; a failure is stored on the record (and
 * rethrown) so the list shows it instead of a bulletin stuck in 'generating'.
 */
export async function produceBulletin(
  ctx: AppContext,
  id: number,
  view: MonitoringView,
  period: number,
  actor: Actor,
): Promise<void> {
  try {
    const content = await buildBulletinContent(ctx, view, period);
    const html = renderBulletinHtml(content);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateBulletin(trx, id, {
        status: 'ready',
        content: JSON.stringify(content),
        html,
        has_data: hasMonitoredEnterprises(content.current) ? 1 : 0,
        summary: content.paragraphs[0] ?? null,
        finished_at: ctx.clock().toISOString(),
      });
      await appendAudit(
        trx,
        ctx.dialect,
        actor,
        {
          action: 'monitoring.bulletin.generate',
          outcome: 'success',
          objectType: 'monitoring_bulletin',
          objectId: id,
          details: { period, region: view.regionCode },
        },
        ctx.clock(),
      );
    });
  } catch (error) {
    await repo.updateBulletin(ctx.db, id, {
      status: 'failed',
      error: error instanceof AppError ? error.message : '生成失败：系统内部错误',
      finished_at: ctx.clock().toISOString(),
    });
    throw error;
  }
}

/** The scheduler's actor in the audit log. */
export const SCHEDULER_ACTOR = systemActor('scheduler');

// A city or county official sees the bulletins of their own region only; province roles all.
async function visibleRegions(ctx: AppContext, user: CurrentUser): Promise<string[] | undefined> {
  const scope = ROLE_DEFINITIONS[user.role].scope;
  if (scope === 'province') return undefined;
  if (scope === 'region' && user.regionCode) return regionScopeCodes(ctx.db, user.regionCode);
  return [];
}

export interface BulletinListQuery {
  period?: number;
  year?: number;
  month?: number;
  region?: string;
  includeEmpty?: boolean;
  page?: number;
  pageSize?: number;
}

/** A page of stored bulletins in the caller's scope, the latest first; months without data only when asked. */
export async function listBulletins(
  ctx: AppContext,
  user: CurrentUser,
  query: BulletinListQuery,
): Promise<Page<BulletinView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const visible = await visibleRegions(ctx, user);
  const asked = query.region ? [query.region] : undefined;
  const regionCodes = visible && asked ? asked.filter((c) => visible.includes(c)) : (asked ?? visible);
  const { rows, total } = await repo.listBulletinRows(
    ctx.db,
    {
      regionCodes,
      period: query.period,
      year: query.year,
      month: query.month,
      includeEmpty: query.includeEmpty,
    },
    offset,
    pageSize,
  );
  return { items: rows.map(toBulletinView), total, page, pageSize };
}

async function findVisibleBulletin(ctx: AppContext, user: CurrentUser, id: number) {
  const row = await repo.findBulletin(ctx.db, id);
  const visible = await visibleRegions(ctx, user);
  if (!row || (visible && !visible.includes(row.region_code)))
    throw new AppError('NOT_FOUND', '通报不存在或不在您的管辖范围内');
  return row;
}

/** One bulletin's record. */
export async function getBulletin(ctx: AppContext, user: CurrentUser, id: number): Promise<BulletinView> {
  return toBulletinView(await findVisibleBulletin(ctx, user, id));
}

async function readyContent(ctx: AppContext, user: CurrentUser, id: number) {
  const row = await findVisibleBulletin(ctx, user, id);
  if (row.status !== 'ready' || !row.content || !row.html)
    throw new AppError(
      'CONFLICT',
      row.status === 'failed' ? `该通报生成失败：${row.error ?? ''}` : '该通报正在生成，请稍后再试',
    );
  return { row, content: JSON.parse(row.content) as BulletinContent, html: row.html };
}

/** The bulletin as an Excel workbook, with a Chinese file name. */
export async function bulletinWorkbook(
  ctx: AppContext,
  user: CurrentUser,
  id: number,
): Promise<{ fileName: string; buffer: Buffer }> {
  const { content } = await readyContent(ctx, user, id);
  return {
    fileName: `${content.region.name}专精特新企业就业监测通报（${content.periodLabel}）.xlsx`,
    buffer: await renderBulletinWorkbook(content),
  };
}

/** The bulletin's printable page as stored. */
export async function bulletinPage(ctx: AppContext, user: CurrentUser, id: number): Promise<string> {
  return (await readyContent(ctx, user, id)).html;
}
