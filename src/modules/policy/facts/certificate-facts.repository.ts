import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { monthIndexOf, periodOfDate } from './facts-sql.ts';

/**
 * Skill certificates, set-wise, each attributed to the enterprise where its holder was insured in
 * the month of issue (the latest-begun spell when two overlap), with the holder's insured months up
 * to that month and the first month the holder appears insured at all, and whether its occupation is in
 * the 急需紧缺职业 catalogue the province published for the enterprise's city and the year of issue
 * (governance/shortage; unknown while no catalogue of that city and year is published).
 */

export interface CertificateRow {
  certificate_no: string;
  person_id: number;
  occupation_code: string;
  level: number;
  issued_on: string;
  uscc: string;
  region_code: string;
  industry_section: string | null;
  insured_months: number;
  first_insured_period: number | null;
  /** In the 急需紧缺职业 catalogue of the enterprise's city for the year of issue; null when no catalogue is published. */
  is_shortage: boolean | null;
}

/** Certificates issued in [fromDate, toDate]; for one enterprise, every certificate of the persons it employs. */
export async function findCertificates(
  db: Db,
  fromDate: string,
  toDate: string,
  personsOf?: string,
): Promise<CertificateRow[]> {
  const issued = periodOfDate('k.issued_on');
  const issuedOfC = periodOfDate('c.issued_on');
  // Months insured up to the issue month: each spell counts until it ended or until that month.
  const spellEnd = sql<number>`case when sp.last_period < ${issuedOfC} then sp.last_period else ${issuedOfC} end`;
  const persons =
    personsOf === undefined
      ? sql``
      : sql`and k.person_id in (select s2.person_id from employment_spells s2 where s2.uscc = ${personsOf})`;
  const result = await sql<Record<string, unknown>>`
    with certs as (
      select k.certificate_no, k.person_id, k.occupation_code, k.level, k.issued_on,
             (select sp.uscc from employment_spells sp
               where sp.person_id = k.person_id and sp.first_period <= ${issued} and sp.last_period >= ${issued}
               order by sp.first_period desc, sp.uscc limit 1) as uscc
      from skill_certificates k
      where k.issued_on between ${fromDate} and ${toDate} ${persons}
    )
    select c.certificate_no, c.person_id, c.occupation_code, c.level, c.issued_on, c.uscc, e.region_code,
           i.section as industry_section,
           (select sum(${monthIndexOf(spellEnd)} - ${monthIndexOf('sp.first_period')} + 1) from employment_spells sp
             where sp.person_id = c.person_id and sp.first_period <= ${issuedOfC}) as insured_months,
           (select min(sp.first_period) from employment_spells sp where sp.person_id = c.person_id) as first_insured_period,
           (select case when count(sc.id) = 0 then null
                        when sum(case when exists (select 1 from shortage_catalogue_entries se
                                                    where se.catalogue_id = sc.id and se.occupation_code = c.occupation_code)
                                      then 1 else 0 end) > 0 then 1 else 0 end
              from shortage_catalogues sc
             where sc.city_code = e.city_code and sc.year = cast(substr(c.issued_on, 1, 4) as integer)) as is_shortage
    from certs c
    join enterprises e on e.uscc = c.uscc
    left join industries i on i.code = e.industry_code
    order by c.person_id, c.issued_on, c.certificate_no`.execute(db);
  return result.rows.map((row) => ({
    certificate_no: String(row.certificate_no),
    person_id: toNumber(row.person_id as number),
    occupation_code: String(row.occupation_code),
    level: toNumber(row.level as number),
    issued_on: String(row.issued_on),
    uscc: String(row.uscc),
    region_code: String(row.region_code),
    industry_section: row.industry_section === null ? null : String(row.industry_section),
    insured_months: toNumber(row.insured_months as number),
    first_insured_period: row.first_insured_period === null ? null : toNumber(row.first_insured_period as number),
    is_shortage: row.is_shortage === null ? null : toNumber(row.is_shortage as number) === 1,
  }));
}
