import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { checkIdNumber } from '../../platform/identifiers/id-number.ts';
import { checkUscc } from '../../platform/identifiers/uscc.ts';
import { TEST_KEYS } from '../../test/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/dialects.ts';
import { countPublishedInYear } from '../recruitment/postings/postings.service.ts';
import { searchJobs } from '../recruitment/search/search.service.ts';
import { refuseUnqualifiedIssuers } from '../skills/talent/certificate-issuers.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';
import { isRegisterEmpty, loadDemoData, type DemoSummary } from './demo.service.ts';

const SEED = 11;

async function openContext(dialect: 'sqlite' | 'postgres'): Promise<{ ctx: AppContext; database: TestDatabase }> {
  const database = await createTestDatabase(dialect);
  await loadReferenceData(database.db);
  const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS };
  return {
    database,
    ctx: { db: database.db, dialect, config, cipher: createPersonalDataCipher(TEST_KEYS), clock: () => new Date() },
  };
}

describe.each(testDialects())('demo data on %s', (dialect) => {
  let ctx: AppContext;
  let database: TestDatabase;
  let summary: DemoSummary;
  const rows = <T>(query: RawBuilder<T>) => query.execute(ctx.db).then((r) => r.rows);

  beforeAll(async () => {
    ({ ctx, database } = await openContext(dialect));
    expect(await isRegisterEmpty(ctx)).toBe(true);
    summary = await loadDemoData(ctx, { scale: 'tiny', seed: SEED });
  });
  afterAll(() => database.destroy());

  it('reports what it wrote', async () => {
    expect(summary).toMatchObject({ scale: 'tiny', seed: SEED, enterprises: 20 });
    expect(summary.persons).toBeGreaterThan(500);
    expect(summary.spells).toBeGreaterThanOrEqual(summary.persons);
    const persons = await ctx.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // The roster's persons, and the young graduates the internship bases took as trainees.
    expect(Number(persons.n)).toBe(summary.persons + summary.skills.persons_added);
    expect(await isRegisterEmpty(ctx)).toBe(false);
  });

  it('refuses to load into a register that has data', async () => {
    await expect(loadDemoData(ctx, { scale: 'tiny', seed: SEED })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('空库'),
    });
  });

  it('registers enterprises with valid credit codes in real Jiangsu counties', async () => {
    const enterprises = await ctx.db
      .selectFrom('enterprises')
      .innerJoin('regions', 'regions.code', 'enterprises.region_code')
      .select([
        'uscc',
        'region_code',
        'enterprises.city_code',
        'level',
        'regions.city_code as region_city',
        'tier',
        'recognized_on',
        'valid_until',
      ])
      .execute();
    for (const e of enterprises) {
      const check = checkUscc(e.uscc);
      expect(check.valid && check.regionCode).toBe(e.region_code);
      expect(e).toMatchObject({ level: 'county', region_city: e.city_code });
      expect(e.region_code.startsWith('32')).toBe(true);
    }
    expect(new Set(enterprises.map((e) => e.city_code)).size).toBe(13);
    const history = await ctx.db
      .selectFrom('enterprise_recognitions')
      .select(['uscc', 'tier', 'recognized_on', 'valid_until'])
      .execute();
    for (const e of enterprises)
      expect(history).toContainEqual({
        uscc: e.uscc,
        tier: e.tier,
        recognized_on: e.recognized_on,
        valid_until: e.valid_until,
      });
  });

  it('stores ID and phone numbers only encrypted, under their blind index', async () => {
    const persons = await ctx.db.selectFrom('persons').selectAll().execute();
    for (const p of persons) {
      const idNumber = ctx.cipher.decrypt(p.id_enc);
      expect(checkIdNumber(idNumber)).toMatchObject({
        valid: true,
        birthDate: p.birth_date,
        sex: p.sex,
        provinceCode: p.origin_province,
      });
      expect(p.id_index).toBe(ctx.cipher.blindIndex('id', idNumber));
      expect(JSON.stringify(p)).not.toContain(idNumber);
    }
    const enterprises = await ctx.db.selectFrom('enterprises').selectAll().execute();
    for (const e of enterprises) {
      const phone = ctx.cipher.decrypt(e.contact_phone_enc!);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(e.contact_phone_index).toBe(ctx.cipher.blindIndex('phone', phone));
      expect(JSON.stringify(e)).not.toContain(phone);
    }
  });

  it('never lets two spells of a person overlap', async () => {
    const overlaps = await rows(sql<{ n: number }>`
      select count(*) as n from employment_spells a join employment_spells b
        on a.person_id = b.person_id and a.id < b.id and a.first_period <= b.last_period and b.first_period <= a.last_period`);
    expect(Number(overlaps[0]!.n)).toBe(0);
  });

  it('writes contributions whose insured count is the spells of the month, from a reported roster', async () => {
    const mismatches = await rows(sql<{ uscc: string }>`
      select c.uscc from contributions c
      where c.insured <> (select count(*) from employment_spells s where s.uscc = c.uscc and c.period between s.first_period and s.last_period)
         or not exists (select 1 from roster_periods r where r.uscc = c.uscc and r.period = c.period)`);
    expect(mismatches).toEqual([]);
    const unreported = await rows(sql<{ uscc: string }>`
      select s.uscc from employment_spells s
      where not exists (select 1 from roster_periods r where r.uscc = s.uscc and r.period = s.last_period)
         or not exists (select 1 from roster_periods r where r.uscc = s.uscc and r.period = s.first_period)`);
    expect(unreported).toEqual([]);
    const contribution = await ctx.db.selectFrom('contributions').selectAll().executeTakeFirstOrThrow();
    expect(Number(contribution.unemployment_unit_fen)).toBe(Number(contribution.unemployment_personal_fen));
    expect(Number(contribution.pension_fen)).toBeGreaterThan(Number(contribution.unemployment_unit_fen) * 30);
  });

  it('includes the events monitoring alerts on: a mass layoff, a payment stop, retirements', async () => {
    const layoffs = await rows(sql<{ uscc: string }>`
      select s.uscc from employment_spells s join contributions c on c.uscc = s.uscc and c.period = s.last_period
      where s.leave_reason = 'economic_layoff'
      group by s.uscc, s.last_period, c.insured having count(*) * 10 >= c.insured or count(*) >= 20`);
    expect(layoffs.length).toBeGreaterThan(0);
    const stopped = await rows(sql<{ uscc: string }>`
      select r.uscc from roster_periods r where r.period = 202512
        and not exists (select 1 from contributions c where c.uscc = r.uscc and c.period = 202512)`);
    expect(stopped.length).toBeGreaterThan(0);
    const retired = await ctx.db
      .selectFrom('employment_spells')
      .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
      .select(['birth_date', 'sex', 'last_period'])
      .where('leave_reason', '=', 'retirement')
      .execute();
    for (const r of retired) {
      const age = Math.floor(Number(r.last_period) / 100) - Number(r.birth_date.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(r.sex === 'male' ? 60 : 50);
    }
  });

  it('fills the registries with codes the reference data knows', async () => {
    const counts = summary;
    expect(counts.graduates / counts.persons).toBeGreaterThan(0.1);
    expect(counts.skill_certificates / counts.persons).toBeGreaterThan(0.07);
    expect(counts.professional_titles).toBeGreaterThan(0);
    const unknown = await rows(sql<{ certificate_no: string }>`
      select certificate_no from skill_certificates s where not exists (select 1 from occupations o where o.code = s.occupation_code)`);
    expect(unknown).toEqual([]);
    const closedBeforeOpened = await ctx.db
      .selectFrom('unemployment_registrations')
      .select('person_id')
      .whereRef('closed_on', '<', 'registered_on')
      .execute();
    expect(closedBeforeOpened).toEqual([]);
  });

  it('adds labour relations: diagnoses, 柔性执法 records with reminders, disputes with one open collective alert', async () => {
    expect(summary.labour.diagnoses).toBeGreaterThan(0);
    expect(summary.labour.violations).toBeGreaterThan(0);
    expect(summary.labour.disputes).toBeGreaterThan(0);
    const reminders = await ctx.db
      .selectFrom('labour_violations')
      .select('id')
      .where('outcome', '=', 'reminder')
      .execute();
    expect(reminders.length).toBeGreaterThan(0);
    const alerts = await ctx.db
      .selectFrom('labour_disputes')
      .select('workers_count')
      .where('alert_reason', 'is not', null)
      .where('stage', '!=', 'closed')
      .execute();
    expect(alerts.map((a) => Number(a.workers_count))).toEqual([35]);
  });

  it('publishes job postings, each counted once in the year first published, the open ones searchable', async () => {
    expect(summary.postings.postings).toBeGreaterThanOrEqual(10);
    expect(summary.postings.indexed).toBe(summary.postings.open);
    let byYear = 0;
    for (let year = 2024; year <= ctx.clock().getUTCFullYear() + 1; year += 1)
      byYear += await countPublishedInYear(ctx, year);
    expect(byYear).toBe(summary.postings.postings);
    expect((await searchJobs(ctx, {})).total).toBe(summary.postings.open);
  });

  it('holds about nine 专场招聘会 per city and year (≥ 100 in the province) and seekers applying to open postings', async () => {
    const lastYear = ctx.clock().getUTCFullYear() - 1;
    const held = await ctx.db
      .selectFrom('job_fairs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fair_date', '>=', `${lastYear}-01-01`)
      .where('fair_date', '<=', `${lastYear}-12-31`)
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBeGreaterThanOrEqual(100);
    expect(summary.recruitment.seekers).toBeGreaterThan(0);
    expect(summary.recruitment.applications).toBeGreaterThanOrEqual(summary.recruitment.seekers);
    const sealed = await ctx.db.selectFrom('job_seekers').select('phone_enc').executeTakeFirstOrThrow();
    expect(sealed.phone_enc).not.toMatch(/^1[3-9]\d{9}$/);
  });

  it('arranges an interview (time ahead, a place or a link) for every application at 面试', async () => {
    const waiting = await ctx.db
      .selectFrom('job_applications as a')
      .leftJoin('job_interviews as i', 'i.application_id', 'a.id')
      .select(['a.id', 'i.scheduled_at', 'i.place', 'i.link'])
      .where('a.status', '=', 'interview')
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    const now = Date.now();
    for (const row of waiting) {
      expect(row.scheduled_at, `application ${row.id}`).not.toBeNull();
      expect(Date.parse(row.scheduled_at!)).toBeGreaterThan(now);
      expect(row.place ?? row.link).toBeTruthy();
    }
  });

  it('records 引才活动 of every kind, the 东西部劳务协作 ones with hires from other provinces', async () => {
    expect(summary.recruitment.campaigns).toBeGreaterThanOrEqual(8);
    const kinds = await ctx.db.selectFrom('recruitment_campaigns').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['east_west', 'four_docking', 'overseas_doctors', 'talent_month']);
    const hires = await ctx.db.selectFrom('recruitment_campaign_hires').select('home_province_code').execute();
    expect(hires.filter((h) => h.home_province_code !== '320000').length).toBeGreaterThan(0);
  });

  it('adds training, internship bases with trainees and a ranking whose best bases are demonstration bases', async () => {
    expect(summary.skills.programmes).toBeGreaterThan(0);
    expect(summary.skills.training_records).toBeGreaterThan(summary.skills.programmes);
    expect(summary.skills.trainees).toBeGreaterThan(0);
    // Every training record names a programme on file and a person of the register.
    const orphans = await ctx.db
      .selectFrom('training_records as t')
      .leftJoin('training_programmes as p', 'p.programme_no', 't.programme_no')
      .leftJoin('persons as n', 'n.id', 't.person_id')
      .select('t.person_id')
      .where((eb) => eb.or([eb('p.programme_no', 'is', null), eb('n.id', 'is', null)]))
      .execute();
    expect(orphans).toEqual([]);
    const bases = await ctx.db.selectFrom('internship_bases').select(['status', 'is_demonstration', 'level']).execute();
    expect(bases).toHaveLength(summary.skills.internship_bases);
    const demonstration = bases.filter((b) => Number(b.is_demonstration) === 1);
    expect(demonstration).toHaveLength(summary.skills.demonstration_bases);
    expect(demonstration.every((b) => b.status === 'approved' && b.level === 'province')).toBe(true);
    expect(summary.skills.demonstration_bases).toBeGreaterThan(0);
    // A trainee finished before the day the ranking was computed is on an approved base.
    const trainees = await ctx.db
      .selectFrom('internship_trainees as t')
      .innerJoin('internship_bases as b', 'b.uscc', 't.uscc')
      .select('b.status')
      .distinct()
      .execute();
    expect(trainees.map((t) => t.status)).toEqual(['approved']);
  });

  it('registers a self-evaluation pilot per city whose issued certificates it could have issued', async () => {
    expect(summary.skills.self_evaluation_enterprises).toBeGreaterThan(0);
    expect(summary.skills.issued_certificates).toBeGreaterThan(0);
    const pilots = await ctx.db.selectFrom('self_evaluation_enterprises').selectAll().execute();
    expect(pilots).toHaveLength(summary.skills.self_evaluation_enterprises);
    const issued = await ctx.db
      .selectFrom('skill_certificates')
      .select(['issuer_uscc', 'occupation_code', 'issued_on'])
      .where('issuer_uscc', 'is not', null)
      .execute();
    expect(issued).toHaveLength(summary.skills.issued_certificates);
    // The rule the skills import applies to an issuer: registered for the occupation, within the validity.
    expect(
      await refuseUnqualifiedIssuers(
        ctx.db,
        issued.map((c) => ({ issuerUscc: c.issuer_uscc!, occupationCode: c.occupation_code, issuedOn: c.issued_on })),
      ),
    ).toEqual(issued.map(() => undefined));
  });

  // Last: it closes this file's database before opening another, because two live test
  // schemas confuse Kysely's migration-lock check on PostgreSQL.
  it('writes the same data for the same seed', async () => {
    const project = (c: AppContext) =>
      c.db
        .selectFrom('employment_spells')
        .innerJoin('persons', 'persons.id', 'employment_spells.person_id')
        .select(['id_index', 'name', 'uscc', 'first_period', 'last_period', 'leave_reason', 'base_fen'])
        .orderBy('id_index')
        .orderBy('first_period')
        .execute();
    const first = await project(ctx);
    await database.destroy();
    ({ ctx, database } = await openContext(dialect));
    await loadDemoData(ctx, { scale: 'tiny', seed: SEED });
    expect(await project(ctx)).toEqual(first);
  });
});
