import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { shownRejectReason } from './reject-reason.ts';
import { listRejects, type RejectCursor } from './imports.repository.ts';

const PAGE = 5000;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rejects of a run as CSV lines (UTF-8 with BOM so Excel shows Chinese): 行号, 列, 原因代码, 原因 —
 * read page by page, so a file with a million bad rows streams without filling memory. An ID,
 * phone or account number a reason quotes from the file is masked, as on the import page (a
 * credit code stays whole: the official needs it for a 人工核验例外).
 */
export async function* rejectsCsvLines(db: Db, runId: number): AsyncGenerator<string> {
  yield '\ufeff行号,列,原因代码,原因\n';
  let cursor: RejectCursor = { line: 0, column: '', code: '' };
  for (;;) {
    const rows = await listRejects(db, runId, cursor, PAGE);
    for (const row of rows)
      yield `${[row.line, row.column_name, row.code, shownRejectReason(row.column_name, row.message)].map(csvField).join(',')}\n`;
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    cursor = { line: last.line, column: last.column_name, code: last.code };
  }
}

/** Writes the rejects CSV of a run into the data directory and returns its path. */
export async function writeRejectsFile(db: Db, dataDir: string, runId: number, kind: string): Promise<string> {
  const dir = path.join(dataDir, 'imports');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `run-${runId}-${kind}-rejects.csv`);
  const out = createWriteStream(file);
  for await (const line of rejectsCsvLines(db, runId)) {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return file;
}
