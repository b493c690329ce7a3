import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { toDetail } from './enterprise-views.ts';
import {
  countEnterprises,
  nextEnterpriseRows,
  type EnterpriseListRow,
  type RegisterFilter,
} from './enterprises.repository.ts';
import { registerFilterFor, type RegisterQuery } from './enterprises.service.ts';

// The first ten headers are the import's own (SPEC §3), so an export reads back as a register file.
const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '统一社会信用代码', key: 'uscc', width: 22 },
  { header: '企业名称', key: 'name', width: 36 },
  { header: '梯度类型', key: 'tier', width: 22 },
  { header: '认定日期', key: 'recognizedOn', width: 12 },
  { header: '有效期至', key: 'validUntil', width: 12 },
  { header: '所在地区代码', key: 'regionCode', width: 12 },
  { header: '行业代码', key: 'industryCode', width: 10 },
  { header: '企业规模', key: 'size', width: 10 },
  { header: '联系人', key: 'contact', width: 10 },
  { header: '联系电话（脱敏）', key: 'phone', width: 16 },
  { header: '所在地区', key: 'regionName', width: 14 },
  { header: '所属设区市', key: 'cityName', width: 12 },
  { header: '行业名称', key: 'industryName', width: 28 },
  { header: '有效状态', key: 'validity', width: 12 },
  { header: '距到期天数', key: 'daysLeft', width: 12 },
];

const VALIDITY_LABELS = { not_yet_valid: '尚未生效', valid: '有效', expiring: '即将到期', expired: '已过期' } as const;
const PAGE_ROWS = 1000;

/**
 * The filtered register as an Excel file, written row by row to a stream (memory stays flat for
 * the province's whole list). The export is audited with its filters and row count before the
 * first byte leaves; contact phones are masked.
 */
export async function exportEnterprises(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  query: RegisterQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const filter = await registerFilterFor(ctx, actor.user, query);
  const rows = await countEnterprises(ctx.db, filter);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action: 'enterprises.export', outcome: 'success', objectType: 'enterprises', details: { filters, rows } },
    ctx.clock(),
  );
  const stream = new PassThrough();
  writeWorkbook(ctx, filter, stream).catch((error: unknown) => stream.destroy(error as Error));
  return { fileName: `专精特新企业名录-${todayInShanghai(ctx.clock)}.xlsx`, stream };
}

async function writeWorkbook(ctx: AppContext, filter: RegisterFilter, stream: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('专精特新企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const today = todayInShanghai(ctx.clock);
  let after = '';
  for (;;) {
    const page = await nextEnterpriseRows(ctx.db, filter, after, PAGE_ROWS);
    for (const row of page) sheet.addRow(toSheetRow(ctx, row, today)).commit();
    if (page.length < PAGE_ROWS) break;
    after = page.at(-1)!.uscc;
  }
  sheet.commit();
  await workbook.commit();
}

function toSheetRow(ctx: AppContext, row: EnterpriseListRow, today: string): Record<string, string | number | null> {
  const view = toDetail(row, [], undefined, today, ctx.cipher);
  return {
    uscc: view.uscc,
    name: view.name,
    tier: view.tierLabel,
    recognizedOn: view.recognizedOn,
    validUntil: view.validUntil,
    regionCode: view.regionCode,
    industryCode: view.industryCode,
    size: view.sizeLabel,
    contact: view.contactName,
    phone: view.contactPhone,
    regionName: view.regionName,
    cityName: view.cityName,
    industryName: view.industryName,
    validity: VALIDITY_LABELS[view.validity.status],
    daysLeft: view.validity.daysLeft,
  };
}
