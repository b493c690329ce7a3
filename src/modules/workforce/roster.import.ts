import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../imports/import-kind.ts';
import { LEAVE_REASON_OPTIONS } from './leave-reasons.ts';
import { ensurePersons, personIndexOf } from './persons.service.ts';
import { keepRegisteredRows } from './register-check.ts';
import { column, RowReader } from './row-reader.ts';
import { planSpellChanges, type RosterMonth } from './spells.ts';
import { applySpellPlan, findSpellsOf, recordRosterPeriods } from './spells.repository.ts';

/** One row of a monthly insured roster: this person was insured at this enterprise this month. */
export interface RosterRecord {
  uscc: string;
  idNumber: string;
  name: string;
  period: number;
  baseFen: number;
  leaveReason: string | null;
}

/** The columns of a roster file (SPEC §3); 减员原因 is optional. */
export const ROSTER_COLUMNS = [
  column('uscc', '统一社会信用代码'),
  column('id_number', '公民身份号码'),
  column('name', '姓名'),
  column('period', '费款所属期'),
  column('base', '缴费基数'),
  column('leave_reason', '减员原因', false),
] as const;

/** Validates a roster row; every fault is reported with its column and reason code. */
export function parseRosterRow(cells: Record<string, RawCell>, today?: string): ParsedRow<RosterRecord> {
  const row = new RowReader(cells, ROSTER_COLUMNS, today);
  const uscc = row.uscc('uscc');
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const period = row.period('period');
  const baseFen = row.money('base');
  const leaveReason = row.choice('leave_reason', LEAVE_REASON_OPTIONS) ?? null;
  return row.finish(() => ({ uscc: uscc!, idNumber: idNumber!, name: name!, period: period!, baseFen: baseFen!, leaveReason }));
}

/**
 * Writes a batch of roster rows as employment spells: persons found or created in bulk, the
 * batch's stored spells read in one query, merged by the pure planner, and written back in
 * bulk. A row is accepted when it adds a month or changes the last month's base or reason.
 */
export async function writeRosterBatch(trx: Db, ctx: AppContext, rows: { line: number; record: RosterRecord }[], runId: number): Promise<BatchOutcome> {
  const { kept, rejects } = await keepRegisteredRows(trx, rows);
  const indexes = kept.map((r) => personIndexOf(ctx, r.record.idNumber));
  const personIds = await ensurePersons(trx, ctx, kept.map((r, i) => ({ idNumber: r.record.idNumber, name: r.record.name, idIndex: indexes[i]! })));
  const months: RosterMonth[] = kept.map(({ record }, i) => ({
    personId: personIds.get(indexes[i]!)!,
    uscc: record.uscc,
    period: record.period,
    baseFen: record.baseFen,
    leaveReason: record.leaveReason,
  }));
  const usccs = [...new Set(months.map((m) => m.uscc))];
  const stored = await findSpellsOf(trx, [...new Set(months.map((m) => m.personId))], usccs);
  const plan = planSpellChanges(stored, months);
  await applySpellPlan(trx, plan);
  const reported = new Map(months.map((m) => [`${m.uscc}|${m.period}`, { uscc: m.uscc, period: m.period }]));
  await recordRosterPeriods(trx, [...reported.values()], runId);
  const accepted = plan.isEffective.filter(Boolean).length;
  return { accepted, unchanged: kept.length - accepted, rejects };
}

/** `roster`: monthly insured rosters (SPEC §3), stored as employment spells. */
export const rosterImport: ImportKind<RosterRecord> = {
  kind: 'roster',
  label: '参保人员月度名单',
  columns: ROSTER_COLUMNS,
  parseRow: (cells) => parseRosterRow(cells),
  writeBatch: writeRosterBatch,
  // Larger batches amortise the per-batch lookups over more rows; 5,000 rows stay far
  // below the bind-parameter limits (7 parameters per new person).
  batchSize: 5_000,
};
