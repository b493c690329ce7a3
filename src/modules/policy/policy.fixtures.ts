import type { AppContext } from '../../app-context.ts';
import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { TEST_ENTERPRISE_USCC } from '../../test/app.ts';
import { insertEnterprise } from '../workforce/test-factories.ts';

/**
 * A small hand-built register for the policy tests, every figure chosen so that the expected facts
 * and amounts can be worked out by hand (the tests state them in comments). Evaluation date
 * 2025-06-30: refund year 2025 looks at 2024; hires and certificates from 2024-01 to 2025-06.
 */

let personSerial = 0;

/** Inserts a person (ID number from the birth date) and returns the id. */
export async function addPerson(ctx: AppContext, name: string, birthDate: string): Promise<number> {
  personSerial += 1;
  const idNumber = makeIdNumber('320102', birthDate, personSerial % 1000);
  const row = await ctx.db
    .insertInto('persons')
    .values({
      id_index: ctx.cipher.blindIndex('id', idNumber),
      id_enc: ctx.cipher.encrypt(idNumber),
      name,
      birth_date: birthDate,
      sex: 'male',
      origin_province: '32',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** An insured spell (whole months, YYYYMM) with an optional leave reason. */
export async function addSpell(
  ctx: AppContext,
  personId: number,
  uscc: string,
  first: number,
  last: number,
  reason: string | null = null,
): Promise<void> {
  await ctx.db
    .insertInto('employment_spells')
    .values({
      person_id: personId,
      uscc,
      first_period: first,
      last_period: last,
      leave_reason: reason,
      base_fen: 800_000,
    })
    .execute();
}

/** Roster months on file for an enterprise, first to last inclusive. */
export async function addRosterMonths(ctx: AppContext, uscc: string, first: number, last: number): Promise<void> {
  const rows = [];
  for (let p = first; p <= last; p = p % 100 === 12 ? p + 89 : p + 1) rows.push({ uscc, period: p, first_run_id: 1 });
  await ctx.db.insertInto('roster_periods').values(rows).execute();
}

/** Contribution rows of 2024: insured per month (index 0 = January), employer and employee UI fen per month. */
export async function addContributions2024(
  ctx: AppContext,
  uscc: string,
  insured: (number | null)[],
  uiFen: (month: number) => [number, number],
): Promise<void> {
  const rows = insured.flatMap((count, index) => {
    if (count === null) return [];
    const [unit, personal] = uiFen(index + 1);
    return [
      {
        uscc,
        period: 202401 + index,
        insured: count,
        pension_fen: 0,
        unemployment_unit_fen: unit,
        unemployment_personal_fen: personal,
        injury_fen: 0,
      },
    ];
  });
  await ctx.db.insertInto('contributions').values(rows).execute();
}

export interface PolicyWorld {
  /** 中型 manufacturing enterprise in 南京江宁 (the test enterprise account's own). */
  e1: string;
  /** 大型 enterprise in 南京玄武. */
  e2: string;
  /** 小型 enterprise in 无锡新吴 (a city with a 20 % shortage uplift). */
  e3: string;
  persons: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p7' | 'p8', number>;
}

/** Builds the whole world (see the tests for the figures each part gives). */
export async function buildPolicyWorld(ctx: AppContext): Promise<PolicyWorld> {
  const e1 = await insertEnterprise(ctx, {
    uscc: TEST_ENTERPRISE_USCC,
    name: '南京扬帆装备有限公司',
    region_code: '320115',
    size: 'medium',
    industry_code: '35',
  });
  const e2 = await insertEnterprise(ctx, {
    name: '玄武大型软件有限公司',
    region_code: '320102',
    size: 'large',
    industry_code: '65',
    tier: 'little_giant',
  });
  const e3 = await insertEnterprise(ctx, {
    name: '无锡新吴微电子有限公司',
    region_code: '320214',
    size: 'small',
    industry_code: '39',
    tier: 'innovative',
  });
  for (const uscc of [e1, e2, e3]) await addRosterMonths(ctx, uscc, 202401, 202506);
  // E1: January 120, February–November 119, December 118 → monthly sum 1,428, average 119;
  // UI paid every month, 80,000.00 元 in the year (employer and employee alike, December evens it out).
  await addContributions2024(ctx, e1, [120, ...Array(10).fill(119), 118], (m) =>
    m === 12 ? [333_337, 333_337] : [333_333, 333_333],
  );
  // E2: January 40, December 30, 35 on average (sum 420), 12 months paid.
  await addContributions2024(ctx, e2, [40, ...Array(10).fill(35), 30], () => [50_000, 50_000]);
  // E3: no contributions for July → 11 months paid.
  await addContributions2024(ctx, e3, [10, 10, 10, 10, 10, 10, null, 10, 10, 10, 10, 10], () => [5_000, 5_000]);

  const persons = {
    p1: await addPerson(ctx, '张一', '2001-05-10'),
    p2: await addPerson(ctx, '李二', '2002-03-01'),
    p3: await addPerson(ctx, '王三', '2001-08-08'),
    p4: await addPerson(ctx, '赵四', '2000-12-12'),
    p5: await addPerson(ctx, '钱五', '1980-01-15'),
    p7: await addPerson(ctx, '孙七', '2000-02-02'),
    p8: await addPerson(ctx, '周八', '1985-06-06'),
  };
  const retiree = await addPerson(ctx, '吴退休', '1964-06-01');
  const deceased = await addPerson(ctx, '郑故', '1970-01-01');
  const quitter = await addPerson(ctx, '冯辞', '1990-01-01');
  await addSpell(ctx, retiree, e1, 202401, 202406, 'retirement'); // left by retirement in June: counted
  await addSpell(ctx, deceased, e1, 202401, 202412, 'death'); // still on December's count: not counted
  await addSpell(ctx, quitter, e1, 202401, 202403, 'contract_ended'); // not natural attrition
  await addSpell(ctx, persons.p5, e1, 202401, 202506); // stock in the first roster month: not a hire
  await addSpell(ctx, persons.p1, e1, 202407, 202506);
  await addSpell(ctx, persons.p2, e1, 202409, 202506);
  await addSpell(ctx, persons.p3, e1, 202411, 202412);
  await addSpell(ctx, persons.p4, e2, 202403, 202408);
  await addSpell(ctx, persons.p4, e1, 202410, 202506);
  await addSpell(ctx, persons.p7, e1, 202503, 202506);
  await addSpell(ctx, persons.p8, e3, 202401, 202506);

  await addRegistries(ctx, persons);
  return { e1, e2, e3, persons };
}

// Graduates, one unemployment registration and four certificates (see the tests for their use).
async function addRegistries(ctx: AppContext, persons: PolicyWorld['persons']): Promise<void> {
  await ctx.db
    .insertInto('graduates')
    .values([
      { person_id: persons.p1, school: '南京大学', degree: 'bachelor', graduated_on: '2024-06-30' },
      { person_id: persons.p3, school: '东南大学', degree: 'bachelor', graduated_on: '2024-06-30' },
      { person_id: persons.p4, school: '河海大学', degree: 'master', graduated_on: '2024-06-30' },
      { person_id: persons.p7, school: '江南大学', degree: 'associate', graduated_on: '2023-07-01' },
    ])
    .execute();
  await ctx.db
    .insertInto('unemployment_registrations')
    .values({ person_id: persons.p2, registered_on: '2024-02-10', closed_on: '2024-09-05' })
    .execute();
  await ctx.db
    .insertInto('skill_certificates')
    .values([
      {
        certificate_no: 'C1',
        person_id: persons.p5,
        occupation_code: '6-18-01-01',
        occupation_name: '车工',
        level: 4,
        issued_on: '2025-03-15',
      },
      {
        certificate_no: 'C2',
        person_id: persons.p5,
        occupation_code: '6-18-01-01',
        occupation_name: '车工',
        level: 4,
        issued_on: '2025-05-20',
      },
      {
        certificate_no: 'C3',
        person_id: persons.p1,
        occupation_code: '4-04-05-01',
        occupation_name: '计算机程序设计员',
        level: 3,
        issued_on: '2025-02-10',
      },
      {
        certificate_no: 'C4',
        person_id: persons.p8,
        occupation_code: '6-18-01-01',
        occupation_name: '车工',
        level: 2,
        issued_on: '2025-04-01',
      },
    ])
    .execute();
}
