import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind } from '../../imports/import-kind.ts';
import { createRosterParser, parseRosterRow, ROSTER_COLUMNS, type RosterRecord } from './roster-row.ts';
import { RosterWriter } from './roster-writer.ts';

export { parseRosterRow, ROSTER_COLUMNS, type RosterRecord } from './roster-row.ts';

/**
 * Writes a batch of roster rows as employment spells, through the same coalescing writer as
 * a whole import (one window holding the batch). A row is accepted when it adds a month or
 * changes the last month's base or reason.
 */
export async function writeRosterBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: RosterRecord }[],
  runId: number,
): Promise<BatchOutcome> {
  const writer = new RosterWriter(ctx, { rows: Number.POSITIVE_INFINITY, pairs: Number.POSITIVE_INFINITY });
  for (const { line, record } of rows) writer.add(line, record);
  return writer.write(trx, runId);
}

/**
 * `roster`: monthly insured rosters (SPEC §3), stored as employment spells. An import
 * remembers the verdicts on the ID numbers and credit codes it has seen, and writes windows
 * of up to 250,000 rows coalesced by (person, enterprise) (roster-writer.ts).
 */
export const rosterImport: ImportKind<RosterRecord> = {
  kind: 'roster',
  label: '参保人员月度名单',
  columns: ROSTER_COLUMNS,
  parseRow: (cells, context) => parseRosterRow(cells, undefined, context?.usccOverrides),
  writeBatch: writeRosterBatch,
  createParser: (positions, context) => createRosterParser(positions, undefined, context.usccOverrides),
  createWriter: (ctx) => new RosterWriter(ctx),
  // The most parse rejects one transaction carries with its window.
  batchSize: 5_000,
};
