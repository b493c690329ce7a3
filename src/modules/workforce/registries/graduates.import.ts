import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { DEGREE_OPTIONS, type Degree } from '../enumerations.ts';
import { writePersonRows } from '../persons/keyed-write.ts';
import { findGraduates, upsertGraduates } from './registries.repository.ts';
import { column, PERSON_COLUMNS, RowReader } from '../row-reader.ts';

/** A graduation: who, from which school, which degree, when. */
export interface GraduateRecord {
  idNumber: string;
  name: string;
  school: string;
  degree: Degree;
  graduatedOn: string;
}

/** The columns of a graduates file (SPEC §3). */
export const GRADUATE_COLUMNS = [
  ...PERSON_COLUMNS,
  column('school', '毕业院校'),
  column('degree', '学历'),
  column('graduated_on', '毕业日期'),
] as const;

/** Validates a graduates row (degree 专科/本科/硕士/博士 and the usual short forms). */
export function parseGraduateRow(cells: Record<string, RawCell>, today?: string): ParsedRow<GraduateRecord> {
  const row = new RowReader(cells, GRADUATE_COLUMNS, today);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const school = row.text('school');
  const degree = row.choice('degree', DEGREE_OPTIONS);
  const graduatedOn = row.pastDate('graduated_on');
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    school: school!,
    degree: degree!,
    graduatedOn: graduatedOn!,
  }));
}

/** Upserts graduations by (person, degree, graduation date). */
export function writeGraduateBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: GraduateRecord }[],
): Promise<BatchOutcome> {
  return writePersonRows(
    trx,
    ctx,
    rows,
    (r, personId) => ({ person_id: personId, school: r.school, degree: r.degree, graduated_on: r.graduatedOn }),
    {
      keyOf: (r) => `${r.person_id}|${r.degree}|${r.graduated_on}`,
      findStored: findGraduates,
      upsert: upsertGraduates,
    },
  );
}

/** `graduates`: the graduates registry (SPEC §3). */
export const graduatesImport: ImportKind<GraduateRecord> = {
  kind: 'graduates',
  label: '高校毕业生名单',
  columns: GRADUATE_COLUMNS,
  parseRow: (cells) => parseGraduateRow(cells),
  writeBatch: writeGraduateBatch,
};
