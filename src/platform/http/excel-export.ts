import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/**
 * Excel files the server writes for a page's 导出 (alerts, reconciliation, audit log): one data
 * sheet with a bold frozen header, and a 说明 sheet saying when, by whom and with which filters
 * the file was made, how many rows it holds, and that personal data in it is masked.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  /** Excel number format, e.g. '#,##0.00' for yuan. */
  numFmt?: string;
}

export type SheetRow = Record<string, string | number | null>;

export interface ExportSheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetRow[];
}

export { beijingMinute } from '../time.ts';

/** Integer fen as a yuan number for a '#,##0.00' cell (exact: fen / 100 has at most two decimals). */
export function yuanOf(fen: number): number {
  return fen / 100;
}

export const YUAN_FORMAT = '#,##0.00';

/** The workbook: the data sheets, then 说明 with the given lines (label, value). */
export async function exportWorkbook(sheets: ExportSheet[], about: [string, string | number][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const data = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    data.columns = sheet.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 14,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    data.getRow(1).font = { bold: true };
    data.addRows(sheet.rows);
  }
  const notes = workbook.addWorksheet('说明');
  notes.columns = [
    { header: '项目', key: 'label', width: 16 },
    { header: '内容', key: 'value', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRows(about.map(([label, value]) => ({ label, value })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as an attachment with its Chinese file name (and an ASCII fallback). */
export function sendWorkbook(reply: FastifyReply, fileName: string, fallbackName: string, content: Buffer) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(content);
}
