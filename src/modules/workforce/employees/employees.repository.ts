import type { Db } from '../../../db/database.ts';

function spellsAt(db: Db, uscc: string, period: number) {
  return db
    .selectFrom('employment_spells')
    .where('employment_spells.uscc', '=', uscc)
    .where('employment_spells.first_period', '<=', period)
    .where('employment_spells.last_period', '>=', period);
}

/** A page of the persons insured at an enterprise in a month, with the total. */
export async function findEmployeesAt(db: Db, uscc: string, period: number, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    spellsAt(db, uscc, period)
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .select([
        'persons.id as person_id',
        'persons.name',
        'persons.id_enc',
        'employment_spells.first_period',
        'employment_spells.last_period',
        'employment_spells.base_fen',
      ])
      .orderBy('employment_spells.first_period')
      .orderBy('persons.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    spellsAt(db, uscc, period)
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** The latest month an enterprise reported a roster for, if any. */
export async function findLatestRosterPeriod(db: Db, uscc: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('roster_periods')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('uscc', '=', uscc)
    .executeTakeFirst();
  return row?.period === null || row?.period === undefined ? undefined : Number(row.period);
}

/** Registry facts of some persons: degrees, best skill level, title levels. */
export async function findPersonTags(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return { degrees: [], skills: [], titles: [] };
  const ids = [...personIds];
  const [degrees, skills, titles] = await Promise.all([
    db.selectFrom('graduates').select(['person_id', 'degree']).where('person_id', 'in', ids).execute(),
    db
      .selectFrom('skill_certificates')
      .select(['person_id', (eb) => eb.fn.min('level').as('level')])
      .where('person_id', 'in', ids)
      .groupBy('person_id')
      .execute(),
    db.selectFrom('professional_titles').select(['person_id', 'level']).where('person_id', 'in', ids).execute(),
  ]);
  return { degrees, skills, titles };
}
