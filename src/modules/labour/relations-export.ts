import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { beijingMinute, exportWorkbook, type SheetColumn, type SheetRow } from '../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { listDiagnosisResults } from './diagnoses.service.ts';
import { listViolations, type ViolationQuery } from './violations.service.ts';

/** The Excel files of the 柔性执法 records and the diagnosis results (filters as on the page; audited). */

type SignedIn = Actor & { user: CurrentUser };
const MAX_PAGES = 250;

async function collect<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const next = await fetch(page);
    all.push(...next.items);
    if (all.length >= next.total || next.items.length === 0) break;
  }
  return all;
}

async function workbook(
  ctx: AppContext,
  actor: SignedIn,
  name: string,
  columns: SheetColumn[],
  rows: SheetRow[],
  action: string,
) {
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', details: { rows: rows.length } },
    ctx.clock(),
  );
  const content = await exportWorkbook(
    [{ name, columns, rows }],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['行数', rows.length],
    ],
  );
  return { fileName: `${name}_${todayInShanghai(ctx.clock)}.xlsx`, content };
}

export async function exportViolations(ctx: AppContext, actor: SignedIn, query: ViolationQuery) {
  const items = await collect((page) => listViolations(ctx, actor.user, { ...query, page, pageSize: 200 }));
  return workbook(
    ctx,
    actor,
    '柔性执法记录',
    [
      { header: '企业名称', key: 'enterprise', width: 32 },
      { header: '统一社会信用代码', key: 'uscc', width: 22 },
      { header: '所在地区', key: 'region', width: 14 },
      { header: '发现日期', key: 'foundOn', width: 12 },
      { header: '违法事实', key: 'description', width: 40 },
      { header: '免罚清单条目', key: 'item', width: 30 },
      { header: '处理结果', key: 'outcome', width: 18 },
      { header: '依据和理由', key: 'reason', width: 60 },
    ],
    items.map((v) => ({
      enterprise: v.enterpriseName,
      uscc: v.uscc,
      region: v.regionName ?? v.regionCode,
      foundOn: v.foundOn,
      description: v.description,
      item: v.itemCode ? `${v.itemCode} ${v.itemTitle ?? ''}` : '不在清单内',
      outcome: v.outcomeLabel,
      reason: v.reason,
    })),
    'labour.violations.export',
  );
}

export async function exportDiagnosisResults(ctx: AppContext, actor: SignedIn, query: { atRisk?: boolean }) {
  const items = await collect((page) => listDiagnosisResults(ctx, actor.user, { ...query, page, pageSize: 200 }));
  const areaTitles = items[0]?.areas.map((a) => ({ code: a.code, title: a.title })) ?? [];
  return workbook(
    ctx,
    actor,
    '劳动关系体检结果',
    [
      { header: '企业名称', key: 'enterprise', width: 32 },
      { header: '统一社会信用代码', key: 'uscc', width: 22 },
      { header: '所在地区', key: 'region', width: 14 },
      { header: '总分', key: 'total', width: 8 },
      { header: '风险企业', key: 'risk', width: 8 },
      ...areaTitles.map((a) => ({ header: a.title, key: `area_${a.code}`, width: 12 })),
      { header: '问卷版本', key: 'version', width: 10 },
      { header: '提交时间', key: 'submittedAt', width: 17 },
    ],
    items.map((d) => ({
      enterprise: d.enterpriseName,
      uscc: d.uscc,
      region: d.regionName ?? d.regionCode,
      total: d.total,
      risk: d.isAtRisk ? '是' : '否',
      ...Object.fromEntries(d.areas.map((a) => [`area_${a.code}`, a.score])),
      version: d.version,
      submittedAt: beijingMinute(d.submittedAt),
    })),
    'labour.diagnoses.export',
  );
}
