import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { POVERTY_CATEGORY_OPTIONS, type PovertyCategory } from '../enumerations.ts';
import { writePersonRows } from '../persons/keyed-write.ts';
import { findPovertyStatus, upsertPovertyStatus } from './registries.repository.ts';
import { column, PERSON_COLUMNS, RowReader } from '../row-reader.ts';

/** A person's poverty-alleviation status (脱贫人口 or 防止返贫监测对象). */
export interface PovertyRecord {
  idNumber: string;
  name: string;
  category: PovertyCategory;
}

/** The columns of a poverty-status file (SPEC §3). */
export const POVERTY_COLUMNS = [...PERSON_COLUMNS, column('category', '类别')] as const;

/** Validates a poverty-status row. */
export function parsePovertyRow(cells: Record<string, RawCell>, today?: string): ParsedRow<PovertyRecord> {
  const row = new RowReader(cells, POVERTY_COLUMNS, today);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const category = row.choice('category', POVERTY_CATEGORY_OPTIONS);
  return row.finish(() => ({ idNumber: idNumber!, name: name!, category: category! }));
}

/** Upserts the status by person: one current category per person. */
export function writePovertyBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: PovertyRecord }[],
): Promise<BatchOutcome> {
  return writePersonRows(trx, ctx, rows, (r, personId) => ({ person_id: personId, category: r.category }), {
    keyOf: (r) => String(r.person_id),
    findStored: findPovertyStatus,
    upsert: upsertPovertyStatus,
  });
}

/** `poverty`: poverty-alleviation status (SPEC §3). */
export const povertyImport: ImportKind<PovertyRecord> = {
  kind: 'poverty',
  label: '脱贫人口和防止返贫监测对象',
  columns: POVERTY_COLUMNS,
  parseRow: (cells) => parsePovertyRow(cells),
  writeBatch: writePovertyBatch,
};
