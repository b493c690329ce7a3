import type { Db } from '../../db/database.ts';
import type { LabourAverageWageTable } from './labour.table.ts';

/** SQL of the local average monthly wages (职工月平均工资). */

/** The figures of one statistics year for the given regions. */
export function findAverageWages(db: Db, regionCodes: readonly string[], year: number) {
  if (regionCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('labour_average_wages')
    .selectAll()
    .where('year', '=', year)
    .where('region_code', 'in', [...regionCodes])
    .execute();
}

/** Every loaded figure, newest year first. */
export function listAverageWageRows(db: Db) {
  return db.selectFrom('labour_average_wages').selectAll().orderBy('year', 'desc').orderBy('region_code').execute();
}

/** Inserts or replaces a region's figure for a year. */
export async function upsertAverageWage(db: Db, row: LabourAverageWageTable): Promise<void> {
  await db
    .insertInto('labour_average_wages')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['region_code', 'year']).doUpdateSet({
        monthly_wage_fen: row.monthly_wage_fen,
        source: row.source,
        loaded_by: row.loaded_by,
        loaded_at: row.loaded_at,
      }),
    )
    .execute();
}
