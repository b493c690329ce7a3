import ExcelJS from 'exceljs';
import type { BulletinContent } from './bulletin-content.ts';
import type { IndicatorValue } from '../indicators/indicator-values.ts';

/**
 * The 通报 as an Excel workbook: sheets 指标 (the month, the previous month, change, target and
 * progress), 排名 (cities or districts) and 预警 (the month's alerts), with Chinese headers.
 */
export async function renderBulletinWorkbook(content: BulletinContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '扬帆 — 江苏专精特新企业就业创业扬帆计划信息系统';
  workbook.created = new Date(content.generatedAt);
  addIndicatorSheet(workbook, content);
  addRankingSheet(workbook, content);
  addAlertSheet(workbook, content);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number }[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 14 };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return sheet;
}

// Money leaves in yuan; shares and progress as fractions with a percentage format.
function cellValue(value: IndicatorValue, actual: number | null): number | string {
  if (!value.available) return '暂无数据';
  if (actual === null) return '—';
  return value.unit === '分' ? Math.round(actual) / 100 : actual;
}

function addIndicatorSheet(workbook: ExcelJS.Workbook, content: BulletinContent): void {
  const sheet = addSheet(workbook, '指标', `${content.region.name}专精特新企业就业监测通报（${content.periodLabel}）`, [
    { header: '指标', width: 30 },
    { header: '单位', width: 8 },
    { header: '本月', width: 16 },
    { header: '上月', width: 16 },
    { header: '较上月', width: 14 },
    { header: '目标', width: 12 },
    { header: '完成进度', width: 12 },
    { header: '时序进度', width: 12 },
    { header: '口径说明', width: 80 },
  ]);
  for (const [key, value] of Object.entries(content.current.indicators)) {
    const previous = content.previous.indicators[key]!;
    const isShare = value.unit === '比例';
    const [now, before] = [cellValue(value, value.actual), cellValue(previous, previous.actual)];
    const delta = typeof now === 'number' && typeof before === 'number' ? now - before : '—';
    const row = sheet.addRow([
      value.label,
      value.unit === '分' ? '元' : value.unit,
      now,
      before,
      delta,
      value.target ?? '—',
      value.progress ?? '—',
      value.expected_progress ?? '—',
      value.definition,
    ]);
    if (isShare) [3, 4, 5, 6].forEach((c) => (row.getCell(c).numFmt = '0.0%'));
    [7, 8].forEach((c) => (row.getCell(c).numFmt = '0.0%'));
    if (value.unit === '分') [3, 4, 5].forEach((c) => (row.getCell(c).numFmt = '#,##0.00'));
  }
  sheet.addRow([]);
  for (const paragraph of content.paragraphs) sheet.addRow([paragraph]);
}

function addRankingSheet(workbook: ExcelJS.Workbook, content: BulletinContent): void {
  const sheet = addSheet(workbook, '排名', `按吸纳就业参保累计人数排名（${content.periodLabel}）`, [
    { header: '名次', width: 8 },
    { header: '地区代码', width: 10 },
    { header: '地区', width: 24 },
    { header: '吸纳就业参保累计（人）', width: 22 },
    { header: '其中高校毕业生占比', width: 18 },
    { header: '参保职工（人）', width: 16 },
    { header: '当月新增参保（人）', width: 18 },
    { header: '当月减员（人）', width: 16 },
  ]);
  for (const r of content.ranking) {
    const row = sheet.addRow([
      r.rank ?? '—',
      r.code,
      r.name,
      r.absorbed ?? '—',
      r.graduateShare ?? '—',
      r.insured ?? '—',
      r.hires ?? '—',
      r.separations ?? '—',
    ]);
    row.getCell(5).numFmt = '0.0%';
  }
}

function addAlertSheet(workbook: ExcelJS.Workbook, content: BulletinContent): void {
  const sheet = addSheet(
    workbook,
    '预警',
    `本月监测预警（${content.alertCounts.map((a) => `${a.label} ${a.count} 家`).join('，')}）`,
    [
      { header: '企业名称', width: 34 },
      { header: '统一社会信用代码', width: 22 },
      { header: '地区', width: 12 },
      { header: '预警类型', width: 14 },
      { header: '所属期', width: 10 },
      { header: '状态', width: 10 },
      { header: '说明', width: 60 },
    ],
  );
  for (const a of content.alerts)
    sheet.addRow([
      a.enterpriseName ?? '',
      a.uscc,
      a.regionName ?? a.regionCode,
      a.kindLabel,
      a.period,
      a.statusLabel,
      a.message,
    ]);
}
