import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, RowReject } from '../../imports/import-kind.ts';
import { ensurePersons, personIndexOf, type PersonInput } from './persons.service.ts';

/**
 * How one table is written from import rows keyed naturally (SPEC §3: the same file again
 * changes nothing). The batch's stored rows are read in one query, compared in memory, and
 * only new or changed rows are written, in one multi-row upsert.
 */
export interface KeyedTable<Row> {
  keyOf(row: Row): string;
  findStored(db: Db, rows: readonly Row[]): Promise<Row[]>;
  upsert(db: Db, rows: readonly Row[]): Promise<void>;
  /** The row to store when one is already stored (e.g. a blank closing date keeps the stored one). */
  merge?(stored: Row, incoming: Row): Row;
  /** A reason to refuse the incoming row given the stored one (e.g. a certificate of someone else). */
  conflict?(stored: Row, incoming: Row): Omit<RowReject, 'line'> | undefined;
}

/** Writes keyed rows: new and changed ones upserted, repeats and unchanged ones counted. */
export async function writeKeyedRows<Row>(
  db: Db,
  rows: readonly { line: number; row: Row }[],
  table: KeyedTable<Row>,
): Promise<BatchOutcome> {
  // A key repeated within the batch: the last row wins, as a later line corrects an earlier one.
  const lastByKey = new Map<string, { line: number; row: Row }>();
  for (const item of rows) lastByKey.set(table.keyOf(item.row), item);
  const stored = new Map(
    (
      await table.findStored(
        db,
        [...lastByKey.values()].map((i) => i.row),
      )
    ).map((r) => [table.keyOf(r), r]),
  );
  const writes: Row[] = [];
  const rejects: RowReject[] = [];
  for (const { line, row } of lastByKey.values()) {
    const before = stored.get(table.keyOf(row));
    const conflict = before && table.conflict?.(before, row);
    if (conflict) {
      rejects.push({ line, ...conflict });
      continue;
    }
    const after = before && table.merge ? table.merge(before, row) : row;
    if (!before || !sameValues(before, after)) writes.push(after);
  }
  await table.upsert(db, writes);
  return { accepted: writes.length, unchanged: rows.length - writes.length - rejects.length, rejects };
}

function sameValues<Row>(a: Row, b: Row): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(right).every((k) => left[k] === right[k]);
}

/**
 * Writes a batch of registry rows about persons: the persons found or created in bulk, then
 * each record turned into its table row with the person's id.
 */
export async function writePersonRows<R extends PersonInput, Row>(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: R }[],
  toRow: (record: R, personId: number) => Row,
  table: KeyedTable<Row>,
): Promise<BatchOutcome> {
  const indexes = rows.map((r) => personIndexOf(ctx, r.record.idNumber));
  const personIds = await ensurePersons(
    trx,
    ctx,
    rows.map((r, i) => ({ idNumber: r.record.idNumber, name: r.record.name, idIndex: indexes[i]! })),
  );
  return writeKeyedRows(
    trx,
    rows.map((r, i) => ({ line: r.line, row: toRow(r.record, personIds.get(indexes[i]!)!) })),
    table,
  );
}
