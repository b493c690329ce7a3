import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Parses the payment instruction CSV (UTF-8 with BOM, CRLF) into objects keyed by its header. */
export function parseInstructionFile(text) {
  const [header, ...lines] = text
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

/** A bank's result file (银行拨付结果) as the bank returns it: one row per instruction. */
export function writeBankResultCsv(rows, name = 'bank-results.csv') {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-e2e-bank-'));
  const file = path.join(dir, name);
  const lines = [
    ['指令编号', '结果', '银行流水号', '失败原因'],
    ...rows.map((row) => [row.instruction, row.result, row.reference ?? '', row.reason ?? '']),
  ];
  writeFileSync(file, `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
  return file;
}
