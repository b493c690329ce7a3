import type { Db } from '../../../db/database.ts';
import { chunk, chunkRows } from '../batching.ts';
import type { Degree, PovertyCategory, TitleLevel } from '../enumerations.ts';

// Rows as stored, with bigint and integer columns as numbers on both databases.
export interface GraduateRow {
  person_id: number;
  school: string;
  degree: Degree;
  graduated_on: string;
}
export interface SkillRow {
  certificate_no: string;
  person_id: number;
  occupation_code: string;
  occupation_name: string;
  level: number;
  issued_on: string;
  issuer_uscc: string | null;
}
export interface TitleRow {
  person_id: number;
  series: string;
  level: TitleLevel;
  obtained_on: string;
}
export interface UnemploymentRow {
  person_id: number;
  registered_on: string;
  closed_on: string | null;
}
export interface PovertyRow {
  person_id: number;
  category: PovertyCategory;
}

const personIdsOf = (rows: readonly { person_id: number }[]) =>
  chunk([...new Set(rows.map((r) => r.person_id))], 10_000);

/** Stored graduations of the rows' persons. */
export async function findGraduates(db: Db, rows: readonly GraduateRow[]): Promise<GraduateRow[]> {
  const found: GraduateRow[] = [];
  for (const ids of personIdsOf(rows)) {
    const stored = await db.selectFrom('graduates').selectAll().where('person_id', 'in', ids).execute();
    found.push(...stored.map((r) => ({ ...r, person_id: Number(r.person_id) })));
  }
  return found;
}

/** Inserts graduations or updates the school, in multi-row statements. */
export async function upsertGraduates(db: Db, rows: readonly GraduateRow[]): Promise<void> {
  for (const part of chunkRows(rows, 4)) {
    await db
      .insertInto('graduates')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['person_id', 'degree', 'graduated_on'])
          .doUpdateSet((eb) => ({ school: eb.ref('excluded.school') })),
      )
      .execute();
  }
}

/** Stored certificates with the rows' certificate numbers. */
export async function findSkillCertificates(db: Db, rows: readonly SkillRow[]): Promise<SkillRow[]> {
  const found: SkillRow[] = [];
  for (const numbers of chunk([...new Set(rows.map((r) => r.certificate_no))], 10_000)) {
    const stored = await db
      .selectFrom('skill_certificates')
      .selectAll()
      .where('certificate_no', 'in', numbers)
      .execute();
    found.push(...stored.map((r) => ({ ...r, person_id: Number(r.person_id), level: Number(r.level) })));
  }
  return found;
}

/** Inserts certificates or updates them by number, in multi-row statements. */
export async function upsertSkillCertificates(db: Db, rows: readonly SkillRow[]): Promise<void> {
  for (const part of chunkRows(rows, 7)) {
    await db
      .insertInto('skill_certificates')
      .values(part)
      .onConflict((oc) =>
        oc.column('certificate_no').doUpdateSet((eb) => ({
          occupation_code: eb.ref('excluded.occupation_code'),
          occupation_name: eb.ref('excluded.occupation_name'),
          level: eb.ref('excluded.level'),
          issued_on: eb.ref('excluded.issued_on'),
          issuer_uscc: eb.ref('excluded.issuer_uscc'),
        })),
      )
      .execute();
  }
}

/** Stored titles of the rows' persons. */
export async function findTitles(db: Db, rows: readonly TitleRow[]): Promise<TitleRow[]> {
  const found: TitleRow[] = [];
  for (const ids of personIdsOf(rows)) {
    const stored = await db.selectFrom('professional_titles').selectAll().where('person_id', 'in', ids).execute();
    found.push(...stored.map((r) => ({ ...r, person_id: Number(r.person_id) })));
  }
  return found;
}

/** Inserts titles or updates the date obtained, in multi-row statements. */
export async function upsertTitles(db: Db, rows: readonly TitleRow[]): Promise<void> {
  for (const part of chunkRows(rows, 4)) {
    await db
      .insertInto('professional_titles')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['person_id', 'series', 'level'])
          .doUpdateSet((eb) => ({ obtained_on: eb.ref('excluded.obtained_on') })),
      )
      .execute();
  }
}

/** Stored unemployment registrations of the rows' persons. */
export async function findUnemploymentRegistrations(
  db: Db,
  rows: readonly UnemploymentRow[],
): Promise<UnemploymentRow[]> {
  const found: UnemploymentRow[] = [];
  for (const ids of personIdsOf(rows)) {
    const stored = await db
      .selectFrom('unemployment_registrations')
      .selectAll()
      .where('person_id', 'in', ids)
      .execute();
    found.push(...stored.map((r) => ({ ...r, person_id: Number(r.person_id) })));
  }
  return found;
}

/** Inserts registrations or updates their closing date, in multi-row statements. */
export async function upsertUnemploymentRegistrations(db: Db, rows: readonly UnemploymentRow[]): Promise<void> {
  for (const part of chunkRows(rows, 3)) {
    await db
      .insertInto('unemployment_registrations')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['person_id', 'registered_on']).doUpdateSet((eb) => ({ closed_on: eb.ref('excluded.closed_on') })),
      )
      .execute();
  }
}

/** Stored poverty-alleviation status of the rows' persons. */
export async function findPovertyStatus(db: Db, rows: readonly PovertyRow[]): Promise<PovertyRow[]> {
  const found: PovertyRow[] = [];
  for (const ids of personIdsOf(rows)) {
    const stored = await db.selectFrom('poverty_status').selectAll().where('person_id', 'in', ids).execute();
    found.push(...stored.map((r) => ({ ...r, person_id: Number(r.person_id) })));
  }
  return found;
}

/** Inserts or overwrites the status of each person, in multi-row statements. */
export async function upsertPovertyStatus(db: Db, rows: readonly PovertyRow[]): Promise<void> {
  for (const part of chunkRows(rows, 2)) {
    await db
      .insertInto('poverty_status')
      .values(part)
      .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ category: eb.ref('excluded.category') })))
      .execute();
  }
}
