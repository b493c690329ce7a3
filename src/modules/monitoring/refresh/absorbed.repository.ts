import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/**
 * 吸纳就业参保 (SPEC §2.4), rebuilt set-wise: each person's first hire inside the plan window at
 * an enterprise monitored in the hire month — one row per person, so a person hired by two
 * monitored enterprises counts once, at the first (the lower credit code on a tie).
 */
export async function rebuildAbsorbedPersons(
  db: Db,
  window: { from: number; to: number },
  talent: { highSkillLevels: readonly number[]; seniorTitleLevels: readonly string[] },
): Promise<number> {
  await db.deleteFrom('absorbed_persons').execute();
  const [from, to] = [sql.lit(window.from), sql.lit(window.to)];
  // Month indexes (year × 12 + month) compare a graduation date with a hire month.
  const graduationMonth = sql`(cast(substr(g.graduated_on, 1, 4) as integer) * 12 + cast(substr(g.graduated_on, 6, 2) as integer))`;
  const hireMonth = sql`((c.period / 100) * 12 + c.period % 100)`;
  // 高技能人才 and 副高级以上 as reference/skills/talent-evaluation.json defines them.
  const highSkill = sql.join(talent.highSkillLevels.map((level) => sql.lit(level)));
  const senior = sql.join(talent.seniorTitleLevels.map((level) => sql.lit(level)));
  const result = await sql`
    with hires as (
      select sp.person_id, sp.uscc, sp.first_period as period
      from employment_spells sp
      join (select uscc, min(first_period) as first_period from employment_spells group by uscc) f on f.uscc = sp.uscc
      join enterprise_month_stats s on s.uscc = sp.uscc and s.period = sp.first_period and s.is_monitored = 1
      where sp.first_period between ${from} and ${to} and sp.first_period > f.first_period
    ),
    firsts as (
      select h.person_id, min(h.uscc) as uscc, h.period
      from hires h
      join (select person_id, min(period) as period from hires group by person_id) m on m.person_id = h.person_id and m.period = h.period
      group by h.person_id, h.period
    )
    insert into absorbed_persons (person_id, uscc, period, city_code, region_code, unit_code, industry_code, industry_section,
                                  is_manufacturing, tier, is_graduate, high_skill_since, senior_title_since)
    select c.person_id, c.uscc, c.period, s.city_code, s.region_code, s.unit_code, s.industry_code, s.industry_section,
           s.is_manufacturing, s.tier,
           case when exists (
             select 1 from graduates g
             where g.person_id = c.person_id and ${graduationMonth} between ${hireMonth} - 24 and ${hireMonth}
           ) then 1 else 0 end,
           k.since, t.since
    from firsts c
    join enterprise_month_stats s on s.uscc = c.uscc and s.period = c.period
    left join (select person_id, min(issued_on) as since from skill_certificates where level in (${highSkill}) group by person_id) k on k.person_id = c.person_id
    left join (select person_id, min(obtained_on) as since from professional_titles where level in (${senior}) group by person_id) t on t.person_id = c.person_id`.execute(
    db,
  );
  await sql`update enterprise_month_stats set absorbed = 0 where absorbed <> 0`.execute(db);
  await sql`
    update enterprise_month_stats as s set absorbed = x.n
    from (select uscc, period, count(*) as n from absorbed_persons group by uscc, period) x
    where s.uscc = x.uscc and s.period = x.period`.execute(db);
  return toNumber(result.numAffectedRows ?? 0);
}
