import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { writePersonRows } from '../persons/keyed-write.ts';
import { findUnemploymentRegistrations, upsertUnemploymentRegistrations } from './registries.repository.ts';
import { column, PERSON_COLUMNS, RowReader } from '../row-reader.ts';

/** An unemployment registration (失业登记), open until it is closed (注销). */
export interface UnemploymentRecord {
  idNumber: string;
  name: string;
  registeredOn: string;
  closedOn: string | null;
}

/** The columns of an unemployment file (SPEC §3); 注销日期 is optional. */
export const UNEMPLOYMENT_COLUMNS = [
  ...PERSON_COLUMNS,
  column('registered_on', '登记日期'),
  column('closed_on', '注销日期', false),
] as const;

/** Validates an unemployment row; a closing date before the registration is refused. */
export function parseUnemploymentRow(cells: Record<string, RawCell>, today?: string): ParsedRow<UnemploymentRecord> {
  const row = new RowReader(cells, UNEMPLOYMENT_COLUMNS, today);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const registeredOn = row.pastDate('registered_on');
  const closedOn = row.pastDate('closed_on') ?? null;
  if (registeredOn && closedOn && closedOn < registeredOn) {
    row.reject('closed_on', 'CLOSED_BEFORE_REGISTERED', `注销日期 ${closedOn} 早于登记日期 ${registeredOn}`);
  }
  return row.finish(() => ({ idNumber: idNumber!, name: name!, registeredOn: registeredOn!, closedOn }));
}

/**
 * Upserts registrations by (person, registration date). A later file closes a registration;
 * a file without the closing date never reopens one already closed.
 */
export function writeUnemploymentBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: UnemploymentRecord }[],
): Promise<BatchOutcome> {
  return writePersonRows(
    trx,
    ctx,
    rows,
    (r, personId) => ({ person_id: personId, registered_on: r.registeredOn, closed_on: r.closedOn }),
    {
      keyOf: (r) => `${r.person_id}|${r.registered_on}`,
      findStored: findUnemploymentRegistrations,
      upsert: upsertUnemploymentRegistrations,
      merge: (stored, incoming) => ({ ...incoming, closed_on: incoming.closed_on ?? stored.closed_on }),
    },
  );
}

/** `unemployment`: unemployment registrations (SPEC §3). */
export const unemploymentImport: ImportKind<UnemploymentRecord> = {
  kind: 'unemployment',
  label: '失业登记',
  columns: UNEMPLOYMENT_COLUMNS,
  parseRow: (cells) => parseUnemploymentRow(cells),
  writeBatch: writeUnemploymentBatch,
};
