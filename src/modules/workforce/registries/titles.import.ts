import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { TITLE_LEVEL_OPTIONS, type TitleLevel } from '../enumerations.ts';
import { writePersonRows } from '../persons/keyed-write.ts';
import { findTitles, upsertTitles } from './registries.repository.ts';
import { column, PERSON_COLUMNS, RowReader } from '../row-reader.ts';

/** A professional title (职称): series, level, date obtained. */
export interface TitleRecord {
  idNumber: string;
  name: string;
  series: string;
  level: TitleLevel;
  obtainedOn: string;
}

/** The columns of a titles file (SPEC §3). */
export const TITLE_COLUMNS = [
  ...PERSON_COLUMNS,
  column('series', '系列'),
  column('level', '级别'),
  column('obtained_on', '取得日期'),
] as const;

/** Validates a titles row (level 初级/中级/副高级/正高级, 副高 and 正高 accepted). */
export function parseTitleRow(cells: Record<string, RawCell>, today?: string): ParsedRow<TitleRecord> {
  const row = new RowReader(cells, TITLE_COLUMNS, today);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const series = row.text('series', 50);
  const level = row.choice('level', TITLE_LEVEL_OPTIONS);
  const obtainedOn = row.pastDate('obtained_on');
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    series: series!,
    level: level!,
    obtainedOn: obtainedOn!,
  }));
}

/** Upserts titles by (person, series, level). */
export function writeTitleBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: TitleRecord }[],
): Promise<BatchOutcome> {
  return writePersonRows(
    trx,
    ctx,
    rows,
    (r, personId) => ({ person_id: personId, series: r.series, level: r.level, obtained_on: r.obtainedOn }),
    {
      keyOf: (r) => `${r.person_id}|${r.series}|${r.level}`,
      findStored: findTitles,
      upsert: upsertTitles,
    },
  );
}

/** `titles`: professional titles (SPEC §3). */
export const titlesImport: ImportKind<TitleRecord> = {
  kind: 'titles',
  label: '专业技术职称',
  columns: TITLE_COLUMNS,
  parseRow: (cells) => parseTitleRow(cells),
  writeBatch: writeTitleBatch,
};
