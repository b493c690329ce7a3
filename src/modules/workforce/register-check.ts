import type { Db } from '../../db/database.ts';
import type { RowReject } from '../imports/import-kind.ts';
import { findRegisteredUsccs } from './register.repository.ts';

/**
 * Keeps the rows whose enterprise is in the register (培育库) and refuses the others, checked
 * for the whole batch in one query: workforce data is kept for monitored enterprises only,
 * and the register is imported first.
 */
export async function keepRegisteredRows<R extends { uscc: string }>(
  db: Db,
  rows: readonly { line: number; record: R }[],
): Promise<{ kept: { line: number; record: R }[]; rejects: RowReject[] }> {
  const registered = await findRegisteredUsccs(db, [...new Set(rows.map((r) => r.record.uscc))]);
  const kept: { line: number; record: R }[] = [];
  const rejects: RowReject[] = [];
  for (const row of rows) {
    if (registered.has(row.record.uscc)) kept.push(row);
    else
      rejects.push({
        line: row.line,
        column: '统一社会信用代码',
        code: 'ENTERPRISE_NOT_IN_REGISTER',
        message: `统一社会信用代码：企业 ${row.record.uscc} 不在专精特新企业库中，请先导入企业名单`,
      });
  }
  return { kept, rejects };
}
