import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { writeKeyedRows } from '../../workforce/persons/keyed-write.ts';
import { ensurePersons, personIndexOf } from '../../workforce/persons/persons.service.ts';
import { column, PERSON_COLUMNS, RowReader } from '../../workforce/row-reader.ts';
import { YES_NO } from '../skills-columns.ts';
import { findApprovedBases, findTrainees, upsertTrainees, type TraineeRow } from './internships.repository.ts';

/** One trainee at an internship base (import kind `trainees`, or the page). */
export interface TraineeInput {
  idNumber: string;
  name: string;
  uscc: string;
  post: string;
  startDate: string;
  endDate: string | null;
  isCompleted: boolean;
  isRetained: boolean;
  allowanceFen: number;
  satisfaction?: number | null;
}

/** The columns of a trainees file (issue 16). */
export const TRAINEE_COLUMNS = [
  ...PERSON_COLUMNS,
  column('uscc', '见习基地统一社会信用代码'),
  column('post', '岗位'),
  column('start_date', '开始日期'),
  column('end_date', '结束日期', false),
  column('is_completed', '是否完成'),
  column('is_retained', '是否留用'),
  column('allowance', '月见习补贴（元）'),
] as const;

/** Validates a trainee row: credit code, dates in order, 是/否, amount; retained only when completed. */
export function parseTraineeRow(
  cells: Record<string, RawCell>,
  context?: Parameters<ImportKind<TraineeInput>['parseRow']>[1],
  today?: string,
): ParsedRow<TraineeInput> {
  const row = new RowReader(cells, TRAINEE_COLUMNS, today, context?.usccOverrides);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const uscc = row.uscc('uscc');
  const post = row.text('post', 60);
  const startDate = row.pastDate('start_date');
  const endDate = row.pastDate('end_date');
  if (startDate && endDate && endDate < startDate)
    row.reject('end_date', 'DATE_RANGE_INVALID', `结束日期 ${endDate} 早于开始日期 ${startDate}`);
  const completed = row.choice('is_completed', YES_NO);
  const retained = row.choice('is_retained', YES_NO);
  if (completed === '1' && !endDate && startDate)
    row.reject('end_date', 'END_DATE_REQUIRED', '已完成见习的须填写结束日期');
  const allowance = row.money('allowance');
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    uscc: uscc!,
    post: post!,
    startDate: startDate!,
    endDate: endDate ?? null,
    isCompleted: completed === '1',
    isRetained: retained === '1',
    allowanceFen: allowance!,
  }));
}

/**
 * Writes trainees: persons found or created (encrypted, blind index), upserted by (person, base,
 * start date). A base that is not an approved internship base refuses the row.
 */
export async function writeTraineeBatch(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: TraineeInput }[],
  source: TraineeRow['source'] = 'import',
): Promise<BatchOutcome> {
  const approved = await findApprovedBases(
    trx,
    rows.map((r) => r.record.uscc),
  );
  const rejects: RowReject[] = [];
  const known = rows.filter(({ line, record }) => {
    if (approved.has(record.uscc)) return true;
    rejects.push({
      line,
      column: '见习基地统一社会信用代码',
      code: 'BASE_NOT_APPROVED',
      message: `见习基地统一社会信用代码：${record.uscc} 不是已认定的就业见习基地`,
    });
    return false;
  });
  const indexes = known.map((r) => personIndexOf(ctx, r.record.idNumber));
  const personIds = await ensurePersons(
    trx,
    ctx,
    known.map((r, i) => ({ idNumber: r.record.idNumber, name: r.record.name, idIndex: indexes[i]! })),
  );
  const outcome = await writeKeyedRows<TraineeRow>(
    trx,
    known.map(({ line, record }, i) => ({
      line,
      row: {
        person_id: personIds.get(indexes[i]!)!,
        uscc: record.uscc,
        start_date: record.startDate,
        post: record.post,
        end_date: record.endDate,
        is_completed: record.isCompleted ? 1 : 0,
        is_retained: record.isRetained ? 1 : 0,
        allowance_fen: record.allowanceFen,
        satisfaction: record.satisfaction ?? null,
        source,
      },
    })),
    {
      keyOf: (r) => `${r.person_id}|${r.uscc}|${r.start_date}`,
      findStored: findTrainees,
      upsert: upsertTrainees,
      // A file has no satisfaction column: a re-import keeps what the page recorded, and the first source.
      merge: (stored, incoming) => ({
        ...incoming,
        satisfaction: incoming.satisfaction ?? stored.satisfaction,
        source: stored.source,
      }),
    },
  );
  return { ...outcome, rejects: [...rejects, ...outcome.rejects] };
}

/** `trainees`: internship trainees at approved bases (issue 16). */
export const traineesImport: ImportKind<TraineeInput> = {
  kind: 'trainees',
  label: '就业见习人员',
  columns: TRAINEE_COLUMNS,
  parseRow: (cells, context) => parseTraineeRow(cells, context),
  writeBatch: (trx, ctx, rows) => writeTraineeBatch(trx, ctx, rows),
};
