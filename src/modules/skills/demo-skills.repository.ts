import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/** The SQL the skills demo reads: the register, the occupations, and who worked where and when. */

export interface DemoEnterprise {
  uscc: string;
  region_code: string;
  city_code: string;
}

/** Whether any training programme or internship base exists (the demo adds its data once). */
export async function hasSkillsData(db: Db): Promise<boolean> {
  const programmes = await db.selectFrom('training_programmes').select('programme_no').limit(1).executeTakeFirst();
  const bases = await db.selectFrom('internship_bases').select('uscc').limit(1).executeTakeFirst();
  return programmes !== undefined || bases !== undefined;
}

/** Every enterprise of the register, in credit-code order. */
export async function findDemoEnterprises(db: Db): Promise<DemoEnterprise[]> {
  return db.selectFrom('enterprises').select(['uscc', 'region_code', 'city_code']).orderBy('uscc').execute();
}

/** City names by code. */
export async function findCityNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'city').execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The occupations the demo trains for (the common working list), with their major group and the 数字职业 mark. */
export async function findDemoOccupations(db: Db) {
  const rows = await db
    .selectFrom('occupations')
    .select(['code', 'name', 'major_group', 'is_digital'])
    .where('is_common', '=', 1)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, is_digital: Number(r.is_digital) }));
}

/** Persons insured at one of the enterprises in a month (YYYYMM). */
export async function findInsuredPersons(db: Db, usccs: readonly string[], period: number, limit: number) {
  if (usccs.length === 0) return [];
  const result = await sql<Record<string, unknown>>`
    select p.id, p.id_enc, p.name, p.birth_date, s.uscc
    from employment_spells s
    join persons p on p.id = s.person_id
    where s.uscc in (${sql.join([...usccs])}) and s.first_period <= ${period} and s.last_period >= ${period}
    order by p.id
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({
    personId: toNumber(r.id as number),
    idEnc: String(r.id_enc),
    name: String(r.name),
    uscc: String(r.uscc),
  }));
}

/** Enterprises that have a login (the demo's own enterprise account among them). */
export async function findEnterprisesWithLogin(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('uscc').where('uscc', 'is not', null).execute();
  return new Set(rows.map((r) => r.uscc!));
}

/** How many persons the register holds. */
export async function countPersons(db: Db): Promise<number> {
  const row = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** The month (YYYYMM) of an ISO date column, in SQL both databases read alike. */
const issuedPeriod = sql<number>`cast(replace(substr(c.issued_on, 1, 7), '-', '') as integer)`;

/**
 * Skill certificates issued since a date to people insured at the time, counted by the city and
 * enterprise that insured them and the certificate's occupation (the demo's self-evaluation pilots).
 */
export async function countCertificatesByEmployer(db: Db, since: string) {
  const result = await sql<{
    city_code: string;
    region_code: string;
    uscc: string;
    occupation_code: string;
    n: number | string;
  }>`
    select e.city_code, e.region_code, s.uscc, c.occupation_code, count(*) as n
    from skill_certificates c
    join employment_spells s on s.person_id = c.person_id
      and s.first_period <= ${issuedPeriod} and s.last_period >= ${issuedPeriod}
    join enterprises e on e.uscc = s.uscc
    where c.issued_on >= ${since} and c.issuer_uscc is null
    group by e.city_code, e.region_code, s.uscc, c.occupation_code
    order by e.city_code, s.uscc, c.occupation_code`.execute(db);
  return result.rows.map((r) => ({ ...r, n: toNumber(r.n) }));
}

/** Records the enterprise as issuer of its people's certificates in its occupations since a date; answers how many. */
export async function markCertificatesIssuedBy(
  db: Db,
  uscc: string,
  occupationCodes: readonly string[],
  since: string,
): Promise<number> {
  const result = await sql`
    update skill_certificates set issuer_uscc = ${uscc}
    where issuer_uscc is null and issued_on >= ${since}
      and occupation_code in (${sql.join([...occupationCodes])})
      and exists (
        select 1 from employment_spells s
        where s.person_id = skill_certificates.person_id and s.uscc = ${uscc}
          and s.first_period <= cast(replace(substr(skill_certificates.issued_on, 1, 7), '-', '') as integer)
          and s.last_period >= cast(replace(substr(skill_certificates.issued_on, 1, 7), '-', '') as integer)
      )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
