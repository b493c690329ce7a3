import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import type { Dialect } from '../../db/database.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { TEST_KEYS } from '../../test/app.ts';
import { createTestDatabase } from '../../test/dialects.ts';
import type { Tier } from '../enterprises/enterprises.table.ts';
import { loadReferenceData } from '../reference/reference.loader.ts';
import { monthsBetween } from './report-period.ts';

/**
 * Test data for the monitoring module, inserted straight into the register and workforce
 * tables (STYLE habit 11) so each test can count its figures by hand.
 */

let serial = 70_000_000;

/** A service-level context on a fresh, migrated database with a fixed clock. */
export async function createMonitoringTestContext(
  dialect: Dialect,
  now = '2024-07-15T02:00:00.000Z',
): Promise<{ ctx: AppContext; setNow(iso: string): void; close(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  await loadReferenceData(database.db);
  let clock = new Date(now);
  const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS };
  const ctx: AppContext = {
    db: database.db,
    dialect,
    config,
    cipher: createPersonalDataCipher(TEST_KEYS),
    clock: () => clock,
  };
  return { ctx, setNow: (iso) => (clock = new Date(iso)), close: () => database.destroy() };
}

export interface EnterpriseSeed {
  region?: string;
  tier?: Tier;
  recognizedOn?: string;
  validUntil?: string;
  industry?: string | null;
  name?: string;
}

/** Inserts an enterprise and its recognition; returns its credit code. */
export async function addEnterprise(ctx: AppContext, seed: EnterpriseSeed = {}): Promise<string> {
  serial += 1;
  const region = seed.region ?? '320115';
  const uscc = makeUsccForSerial(region, serial);
  const tier = seed.tier ?? 'srdi';
  const [recognizedOn, validUntil] = [seed.recognizedOn ?? '2023-01-01', seed.validUntil ?? '2026-12-31'];
  const cityCode =
    region === '320583'
      ? '320500'
      : region === '321283'
        ? '321200'
        : region === '321322'
          ? '321300'
          : `${region.slice(0, 4)}00`;
  const now = '2024-01-01T00:00:00.000Z';
  await ctx.db
    .insertInto('enterprises')
    .values({
      uscc,
      name: seed.name ?? `监测测试企业${serial}有限公司`,
      region_code: region,
      city_code: cityCode,
      industry_code: seed.industry === undefined ? '34' : seed.industry,
      size: 'small',
      tier,
      recognized_on: recognizedOn,
      valid_until: validUntil,
      contact_name: null,
      contact_phone_enc: null,
      contact_phone_index: null,
      content_hash: `m-${serial}`,
      change_seq: serial,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await addRecognition(ctx, uscc, { tier, recognizedOn, validUntil });
  return uscc;
}

/** Adds a further recognition (renewal or tier change) to an enterprise's history. */
export async function addRecognition(
  ctx: AppContext,
  uscc: string,
  r: { tier: Tier; recognizedOn: string; validUntil: string },
): Promise<void> {
  await ctx.db
    .insertInto('enterprise_recognitions')
    .values({
      uscc,
      tier: r.tier,
      recognized_on: r.recognizedOn,
      valid_until: r.validUntil,
      recorded_at: '2024-01-01T00:00:00.000Z',
      source: 'test',
    })
    .execute();
}

/** Inserts a person (no real ID number: monitoring never reads it) and returns the id. */
export async function addPerson(ctx: AppContext): Promise<number> {
  serial += 1;
  const row = await ctx.db
    .insertInto('persons')
    .values({
      id_index: `test-index-${serial}`,
      id_enc: 'not-used',
      name: `测试${serial}`,
      birth_date: '1995-01-01',
      sex: 'male',
      origin_province: '32',
      created_at: '2024-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** An insured spell from `first` to `last` (YYYYMM), with the leave reason of its last month. */
export async function addSpell(
  ctx: AppContext,
  personId: number,
  uscc: string,
  first: number,
  last: number,
  leaveReason: string | null = null,
): Promise<void> {
  await ctx.db
    .insertInto('employment_spells')
    .values({
      person_id: personId,
      uscc,
      first_period: first,
      last_period: last,
      leave_reason: leaveReason,
      base_fen: 500_000,
    })
    .execute();
}

/** Records that the enterprise reported its roster for every month from `from` to `to`. */
export async function addRosterMonths(ctx: AppContext, uscc: string, from: number, to: number): Promise<void> {
  const rows = monthsBetween(from, to).map((period) => ({ uscc, period, first_run_id: 1 }));
  await ctx.db.insertInto('roster_periods').values(rows).execute();
}

/** A month's contribution totals; the whole amount is put on pension for simplicity. */
export async function addContributions(
  ctx: AppContext,
  uscc: string,
  from: number,
  to: number,
  fenPerMonth: number,
  insured = 1,
): Promise<void> {
  const rows = monthsBetween(from, to).map((period) => ({
    uscc,
    period,
    insured,
    pension_fen: fenPerMonth,
    unemployment_unit_fen: 0,
    unemployment_personal_fen: 0,
    injury_fen: 0,
  }));
  await ctx.db.insertInto('contributions').values(rows).execute();
}

/** Registry entries: graduation, a skill certificate (5 初级工 … 1 高级技师), a professional title. */
export const registries = {
  async graduate(ctx: AppContext, personId: number, graduatedOn: string): Promise<void> {
    await ctx.db
      .insertInto('graduates')
      .values({ person_id: personId, school: '南京大学', degree: 'bachelor', graduated_on: graduatedOn })
      .execute();
  },
  async skill(ctx: AppContext, personId: number, level: number, issuedOn: string): Promise<void> {
    serial += 1;
    await ctx.db
      .insertInto('skill_certificates')
      .values({
        certificate_no: `C${serial}`,
        person_id: personId,
        occupation_code: '6-18-01-01',
        occupation_name: '车工',
        level,
        issued_on: issuedOn,
      })
      .execute();
  },
  async title(
    ctx: AppContext,
    personId: number,
    level: 'junior' | 'intermediate' | 'deputy_senior' | 'senior',
    obtainedOn: string,
  ): Promise<void> {
    await ctx.db
      .insertInto('professional_titles')
      .values({ person_id: personId, series: '工程', level, obtained_on: obtainedOn })
      .execute();
  },
};

/** Puts an enterprise on a key-enterprise list with its commissioner. */
export async function assignKeyEnterprise(
  ctx: AppContext,
  uscc: string,
  regionCode: string,
  commissionerId: number | null,
): Promise<void> {
  await ctx.db
    .insertInto('key_enterprises')
    .values({
      uscc,
      region_code: regionCode,
      commissioner_id: commissionerId,
      note: null,
      added_at: '2024-01-01T00:00:00.000Z',
      added_by: null,
    })
    .execute();
}

/** `count` new persons with the same spell at an enterprise (bulk inserts, for headcount tests). */
export async function addStaff(
  ctx: AppContext,
  uscc: string,
  count: number,
  first: number,
  last: number,
  leaveReason: string | null = null,
): Promise<void> {
  if (count === 0) return;
  const persons = Array.from({ length: count }, () => {
    serial += 1;
    return {
      id_index: `test-index-${serial}`,
      id_enc: 'not-used',
      name: `测试${serial}`,
      birth_date: '1990-01-01',
      sex: 'female' as const,
      origin_province: '32',
      created_at: '2024-01-01T00:00:00.000Z',
    };
  });
  for (let i = 0; i < persons.length; i += 100) {
    const ids = await ctx.db
      .insertInto('persons')
      .values(persons.slice(i, i + 100))
      .returning('id')
      .execute();
    await ctx.db
      .insertInto('employment_spells')
      .values(
        ids.map((r) => ({
          person_id: Number(r.id),
          uscc,
          first_period: first,
          last_period: last,
          leave_reason: leaveReason,
          base_fen: 500_000,
        })),
      )
      .execute();
  }
}
