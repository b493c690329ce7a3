import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type {
  DigitalEngineerCertificateTable,
  EnterpriseTalentRecordTable,
  SelfEvaluationEnterpriseTable,
} from '../skills.table.ts';

/** All SQL of talent evaluation: self-evaluating enterprises, 数字技术工程师, stations and challenges. */

export type DigitalEngineerRow = DigitalEngineerCertificateTable;

export async function upsertSelfEvaluation(db: Db, row: SelfEvaluationEnterpriseTable): Promise<void> {
  await db
    .insertInto('self_evaluation_enterprises')
    .values(row)
    .onConflict((oc) =>
      oc.column('uscc').doUpdateSet({
        occupation_codes: row.occupation_codes,
        approval_no: row.approval_no,
        approved_on: row.approved_on,
        valid_until: row.valid_until,
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
      }),
    )
    .execute();
}

/** Self-evaluating enterprises in the county codes (all when absent), with names. */
export async function listSelfEvaluation(db: Db, regionCodes?: readonly string[]) {
  let query = db
    .selectFrom('self_evaluation_enterprises as s')
    .leftJoin('enterprises as e', 'e.uscc', 's.uscc')
    .select([
      's.uscc',
      's.region_code',
      's.occupation_codes',
      's.approval_no',
      's.approved_on',
      's.valid_until',
      'e.name',
    ])
    .orderBy('s.approved_on', 'desc')
    .orderBy('s.uscc');
  if (regionCodes)
    query = regionCodes.length
      ? query.where('s.region_code', 'in', [...regionCodes])
      : query.where(sql<boolean>`1 = 0`);
  return query.execute();
}

export async function findDigitalEngineerCertificates(db: Db, rows: readonly DigitalEngineerRow[]) {
  const numbers = [...new Set(rows.map((r) => r.certificate_no))];
  if (numbers.length === 0) return [];
  const stored = await db
    .selectFrom('digital_engineer_certificates')
    .selectAll()
    .where('certificate_no', 'in', numbers)
    .execute();
  return stored.map((r) => ({ ...r, person_id: Number(r.person_id) }));
}

export async function upsertDigitalEngineerCertificates(db: Db, rows: readonly DigitalEngineerRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('digital_engineer_certificates')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('certificate_no').doUpdateSet((eb) => ({
          field: eb.ref('excluded.field'),
          level: eb.ref('excluded.level'),
          issued_on: eb.ref('excluded.issued_on'),
          issuer_uscc: eb.ref('excluded.issuer_uscc'),
        })),
      )
      .execute();
}

export async function insertTalentRecord(db: Db, row: Omit<EnterpriseTalentRecordTable, 'id'>): Promise<number> {
  const inserted = await db
    .insertInto('enterprise_talent_records')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findTalentRecord(db: Db, id: number) {
  return db.selectFrom('enterprise_talent_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTalentRecordStatus(db: Db, id: number, status: EnterpriseTalentRecordTable['status']) {
  await db.updateTable('enterprise_talent_records').set({ status }).where('id', '=', id).execute();
}

/** An enterprise's stations and challenges, newest first. */
export async function listTalentRecords(db: Db, uscc: string) {
  const rows = await db
    .selectFrom('enterprise_talent_records')
    .selectAll()
    .where('uscc', '=', uscc)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), reward_fen: r.reward_fen === null ? null : Number(r.reward_fen) }));
}

/**
 * An enterprise's people as counts by year: the persons insured there at some time of the year
 * with a training record, an internship, a skill certificate (by level), a title (by level) or a
 * 数字技术工程师 certificate obtained that year. Counts only; no person is named.
 */
export async function findTalentCounts(db: Db, uscc: string) {
  const people = sql`select distinct person_id from employment_spells where uscc = ${uscc}`;
  const year = (column: string) => sql.raw(`substr(${column}, 1, 4)`);
  const [training, trainees, skills, titles, engineers] = await Promise.all([
    sql<{ year: string; n: unknown }>`
      select ${year('end_date')} as year, count(*) as n from training_records where uscc = ${uscc} group by 1`.execute(
      db,
    ),
    sql<{ year: string; n: unknown }>`
      select ${year('start_date')} as year, count(*) as n from internship_trainees where uscc = ${uscc} group by 1`.execute(
      db,
    ),
    sql<{ year: string; level: unknown; n: unknown }>`
      select ${year('issued_on')} as year, level, count(*) as n from skill_certificates
      where person_id in (${people}) group by 1, 2`.execute(db),
    sql<{ year: string; level: string; n: unknown }>`
      select ${year('obtained_on')} as year, level, count(*) as n from professional_titles
      where person_id in (${people}) group by 1, 2`.execute(db),
    sql<{ year: string; level: string; n: unknown }>`
      select ${year('issued_on')} as year, level, count(*) as n from digital_engineer_certificates
      where person_id in (${people}) group by 1, 2`.execute(db),
  ]);
  const rowsOf = <T extends { n: unknown }>(rows: T[]) => rows.map((r) => ({ ...r, n: toNumber(r.n as number) }));
  return {
    training: rowsOf(training.rows),
    trainees: rowsOf(trainees.rows),
    skills: rowsOf(skills.rows).map((r) => ({ ...r, level: toNumber(r.level as number) })),
    titles: rowsOf(titles.rows),
    engineers: rowsOf(engineers.rows),
  };
}

/** The self-evaluation registrations of the given enterprises. */
export async function findSelfEvaluationOf(db: Db, usccs: readonly string[]) {
  if (usccs.length === 0) return [];
  return db
    .selectFrom('self_evaluation_enterprises')
    .select(['uscc', 'occupation_codes', 'approved_on', 'valid_until'])
    .where('uscc', 'in', [...new Set(usccs)])
    .execute();
}

/** Skill certificates issued by self-evaluating enterprises, counted by issuer, occupation and level. */
export async function countCertificatesByIssuer(db: Db, issuers?: readonly string[]) {
  let query = db
    .selectFrom('skill_certificates')
    .select(['issuer_uscc', 'occupation_code', 'level'])
    .select((eb) => [eb.fn.max('occupation_name').as('occupation_name'), eb.fn.countAll().as('n')])
    .where('issuer_uscc', 'is not', null)
    .groupBy(['issuer_uscc', 'occupation_code', 'level'])
    .orderBy('issuer_uscc')
    .orderBy('occupation_code')
    .orderBy('level', 'desc');
  if (issuers)
    query = issuers.length ? query.where('issuer_uscc', 'in', [...issuers]) : query.where(sql<boolean>`1 = 0`);
  const rows = await query.execute();
  return rows.map((r) => ({
    issuer_uscc: r.issuer_uscc!,
    occupation_code: r.occupation_code,
    occupation_name: String(r.occupation_name ?? ''),
    level: Number(r.level),
    n: toNumber(r.n as number),
  }));
}
