import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { LabourDiagnosisTable, LabourHarmonyApplicationTable } from './labour.table.ts';

/** SQL of diagnoses (劳动关系体检) and 和谐劳动关系 applications. */

export async function insertDiagnosis(db: Db, row: Insertable<LabourDiagnosisTable>): Promise<number> {
  const inserted = await db.insertInto('labour_diagnoses').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

export function findDiagnosesOf(db: Db, uscc: string) {
  return db
    .selectFrom('labour_diagnoses')
    .selectAll()
    .where('uscc', '=', uscc)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}

export function findDiagnosis(db: Db, id: number) {
  return db.selectFrom('labour_diagnoses').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface LatestFilter {
  regionCodes: string[] | null;
  isAtRisk?: boolean;
}

/** Each enterprise's latest diagnosis in the regions, with its name, lowest total first. */
function latest(db: Db, filter: LatestFilter) {
  let query = db
    .selectFrom('labour_diagnoses as d')
    .innerJoin('enterprises as e', 'e.uscc', 'd.uscc')
    .where((eb) =>
      eb(
        'd.id',
        '=',
        eb
          .selectFrom('labour_diagnoses as l')
          .select((x) => x.fn.max('l.id').as('m'))
          .whereRef('l.uscc', '=', 'd.uscc'),
      ),
    );
  if (filter.regionCodes)
    query = query.where('d.region_code', 'in', filter.regionCodes.length ? filter.regionCodes : ['-']);
  if (filter.isAtRisk !== undefined) query = query.where('d.is_at_risk', '=', filter.isAtRisk ? 1 : 0);
  return query;
}

export async function findLatestDiagnosisPage(db: Db, filter: LatestFilter, offset: number, limit: number) {
  const total = await latest(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await latest(db, filter)
    .selectAll('d')
    .select('e.name as enterprise_name')
    .orderBy('d.total_score', 'asc')
    .orderBy('d.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** Per region: enterprises diagnosed (latest each), average total, how many at risk. */
export function summariseLatestByRegion(db: Db, filter: LatestFilter) {
  return latest(db, filter)
    .select((eb) => [
      'd.region_code',
      eb.fn.countAll().as('enterprises'),
      eb.fn.avg('d.total_score').as('average'),
      eb.fn.sum('d.is_at_risk').as('at_risk'),
    ])
    .groupBy('d.region_code')
    .orderBy('d.region_code')
    .execute();
}

export async function insertHarmonyApplication(db: Db, row: Insertable<LabourHarmonyApplicationTable>) {
  const inserted = await db
    .insertInto('labour_harmony_applications')
    .values(row)
    .onConflict((oc) => oc.columns(['uscc', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? toNumber(inserted.id) : null;
}

export function findHarmonyApplications(
  db: Db,
  filter: { regionCodes: string[] | null; uscc?: string; state?: string },
) {
  let query = db.selectFrom('labour_harmony_applications').selectAll();
  if (filter.regionCodes)
    query = query.where('region_code', 'in', filter.regionCodes.length ? filter.regionCodes : ['-']);
  if (filter.uscc) query = query.where('uscc', '=', filter.uscc);
  if (filter.state) query = query.where('state', '=', filter.state as LabourHarmonyApplicationTable['state']);
  return query.orderBy('id', 'desc').limit(500).execute();
}

export function findHarmonyApplication(db: Db, id: number) {
  return db.selectFrom('labour_harmony_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateHarmonyApplication(db: Db, id: number, change: Updateable<LabourHarmonyApplicationTable>) {
  const result = await db
    .updateTable('labour_harmony_applications')
    .set(change)
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}
