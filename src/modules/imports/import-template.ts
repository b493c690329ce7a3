import ExcelJS from 'exceljs';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { listImportKinds } from './imports.service.ts';

/**
 * The import template of a kind as an Excel file: the header row (a column that accepts only
 * some values says which in the header cell's note), and a 填写说明 sheet listing each column,
 * whether it is required, and its allowed values.
 */
export async function importTemplate(
  user: CurrentUser,
  kindName: string,
): Promise<{ fileName: string; content: Buffer }> {
  const kind = listImportKinds(user).find((k) => k.kind === kindName);
  if (!kind) throw new AppError('IMPORT_KIND_UNKNOWN', `不支持的导入类型：${kindName}`);
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(kind.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = kind.columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(12, c.header.length * 2 + 4),
  }));
  data.getRow(1).font = { bold: true };
  kind.columns.forEach((column, index) => {
    if (column.values) data.getRow(1).getCell(index + 1).note = `可填：${column.values.join('、')}`;
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '英文列名', key: 'alias', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '可填的值', key: 'values', width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRows(
    kind.columns.map((c) => ({
      header: c.header,
      alias: c.alias,
      required: c.required ? '必填' : '选填',
      values: c.values ? c.values.join('、') : '',
    })),
  );
  return { fileName: `${kind.label}-导入模板.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
