import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { FactScope } from './facts-sql.ts';

/**
 * Facts about an enterprise's year, set-wise for every enterprise of the register at once (or for
 * one): the contribution months paid, the insured counts of January and December and their monthly
 * sum, the unemployment-insurance contributions (employer + employee), and the people who left by
 * natural attrition between the January and the December count (稳岗返还, DOMAIN §5).
 */

export interface EnterpriseYearRow {
  uscc: string;
  region_code: string;
  size: string | null;
  paid_months: number;
  insured_jan: number;
  insured_dec: number;
  insured_sum: number;
  ui_fen: number;
  natural_leavers: number;
}

/** One row per enterprise in scope with its figures for `year` (zeros where it has no rows). */
export async function findEnterpriseYearFigures(
  db: Db,
  scope: FactScope,
  year: number,
  naturalAttritionCodes: readonly string[],
): Promise<EnterpriseYearRow[]> {
  const [jan, nov, dec] = [sql.lit(year * 100 + 1), sql.lit(year * 100 + 11), sql.lit(year * 100 + 12)];
  const only = (column: string) => (scope.kind === 'enterprise' ? sql`and ${sql.ref(column)} = ${scope.uscc}` : sql``);
  const reasons = sql.join(naturalAttritionCodes.map((code) => sql.lit(code)));
  // A month counts as paid when unemployment insurance was paid for it at all: arrears are not on file.
  const result = await sql<Record<string, unknown>>`
    select e.uscc, e.region_code, e.size,
           coalesce(c.paid_months, 0) as paid_months, coalesce(c.insured_jan, 0) as insured_jan,
           coalesce(c.insured_dec, 0) as insured_dec, coalesce(c.insured_sum, 0) as insured_sum,
           coalesce(c.ui_fen, 0) as ui_fen, coalesce(r.natural_leavers, 0) as natural_leavers
    from enterprises e
    left join (
      select uscc,
             sum(case when unemployment_unit_fen + unemployment_personal_fen > 0 then 1 else 0 end) as paid_months,
             sum(case when period = ${jan} then insured else 0 end) as insured_jan,
             sum(case when period = ${dec} then insured else 0 end) as insured_dec,
             sum(insured) as insured_sum,
             sum(unemployment_unit_fen + unemployment_personal_fen) as ui_fen
      from contributions
      where period between ${jan} and ${dec} ${only('uscc')}
      group by uscc
    ) c on c.uscc = e.uscc
    left join (
      -- Leavers whose last insured month is January–November: on the January count, gone by December's.
      select uscc, count(*) as natural_leavers
      from employment_spells
      where last_period between ${jan} and ${nov} and leave_reason in (${reasons}) ${only('uscc')}
      group by uscc
    ) r on r.uscc = e.uscc
    where 1 = 1 ${only('e.uscc')}
    order by e.uscc`.execute(db);
  return result.rows.map((row) => ({
    uscc: String(row.uscc),
    region_code: String(row.region_code),
    size: row.size === null ? null : String(row.size),
    paid_months: toNumber(row.paid_months as number),
    insured_jan: toNumber(row.insured_jan as number),
    insured_dec: toNumber(row.insured_dec as number),
    insured_sum: toNumber(row.insured_sum as number),
    ui_fen: toNumber(row.ui_fen as number),
    natural_leavers: toNumber(row.natural_leavers as number),
  }));
}
