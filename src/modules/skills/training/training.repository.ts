import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { ProgrammeType, TrainingProgrammeTable, TrainingRecordTable } from '../skills.table.ts';

/** All SQL of training programmes and records. */

export type TrainingRecordRow = TrainingRecordTable;

export interface ProgrammeRow extends Omit<TrainingProgrammeTable, 'created_by'> {
  usccs: string[];
}

const chunks = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Inserts a programme with its enterprises. */
export async function insertProgramme(db: Db, row: TrainingProgrammeTable, usccs: readonly string[]): Promise<void> {
  await db.insertInto('training_programmes').values(row).execute();
  if (usccs.length)
    await db
      .insertInto('training_programme_enterprises')
      .values(usccs.map((uscc) => ({ programme_no: row.programme_no, uscc })))
      .execute();
}

/** Programmes by number, with their enterprises. */
export async function findProgrammes(db: Db, numbers: readonly string[]): Promise<Map<string, ProgrammeRow>> {
  const found = new Map<string, ProgrammeRow>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await db.selectFrom('training_programmes').selectAll().where('programme_no', 'in', part).execute();
    for (const r of rows) found.set(r.programme_no, { ...r, is_subsidised: Number(r.is_subsidised), usccs: [] });
    const links = await db
      .selectFrom('training_programme_enterprises')
      .selectAll()
      .where('programme_no', 'in', part)
      .orderBy('uscc')
      .execute();
    for (const l of links) found.get(l.programme_no)?.usccs.push(l.uscc);
  }
  return found;
}

/** Programmes in the given regions (all when null), newest first, with their record counts. */
export async function listProgrammes(db: Db, regionPrefix: string | null) {
  let query = db
    .selectFrom('training_programmes as p')
    .leftJoin('training_records as r', 'r.programme_no', 'p.programme_no')
    .select([
      'p.programme_no',
      'p.name',
      'p.type',
      'p.provider',
      'p.occupation_code',
      'p.start_date',
      'p.end_date',
      'p.is_subsidised',
      'p.region_code',
    ])
    .select((eb) => eb.fn.count<string>('r.person_id').as('records'))
    .groupBy([
      'p.programme_no',
      'p.name',
      'p.type',
      'p.provider',
      'p.occupation_code',
      'p.start_date',
      'p.end_date',
      'p.is_subsidised',
      'p.region_code',
    ])
    .orderBy('p.start_date', 'desc')
    .orderBy('p.programme_no');
  if (regionPrefix) query = query.where('p.region_code', 'like', `${regionPrefix}%`);
  const rows = await query.limit(500).execute();
  const links = await findProgrammes(
    db,
    rows.map((r) => r.programme_no),
  );
  return rows.map((r) => ({
    programme_no: r.programme_no,
    name: r.name,
    type: r.type as ProgrammeType,
    provider: r.provider,
    occupation_code: r.occupation_code,
    start_date: r.start_date,
    end_date: r.end_date,
    is_subsidised: Number(r.is_subsidised) === 1,
    region_code: r.region_code,
    records: toNumber(r.records),
    usccs: links.get(r.programme_no)?.usccs ?? [],
  }));
}

/** The register's enterprises among the codes: region and GB/T 4754 section. */
export async function findEnterpriseSections(
  db: Db,
  usccs: readonly string[],
): Promise<Map<string, { region_code: string; section: string | null }>> {
  const found = new Map<string, { region_code: string; section: string | null }>();
  for (const part of chunks([...new Set(usccs)])) {
    const rows = await db
      .selectFrom('enterprises as e')
      .leftJoin('industries as i', 'i.code', 'e.industry_code')
      .select(['e.uscc', 'e.region_code', 'i.section'])
      .where('e.uscc', 'in', part)
      .execute();
    for (const r of rows) found.set(r.uscc, { region_code: r.region_code, section: r.section ?? null });
  }
  return found;
}

/** The occupation codes among these that the 大典 marks digital (S). */
export async function findDigitalOccupations(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom('occupations')
      .select('code')
      .where('code', 'in', part)
      .where('is_digital', '=', 1)
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/** For each person, the enterprise among `usccs` where they are insured in the month. */
export async function findInsuredEnterprises(
  db: Db,
  pairs: readonly { personId: number; period: number; usccs: readonly string[] }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = pairs.filter((p) => p.usccs.length > 1);
  for (const part of chunks(wanted, 200)) {
    const rows = await db
      .selectFrom('employment_spells')
      .select(['person_id', 'uscc', 'first_period', 'last_period'])
      .where(
        'person_id',
        'in',
        part.map((p) => p.personId),
      )
      .execute();
    for (const pair of part) {
      const hit = rows.find(
        (r) =>
          Number(r.person_id) === pair.personId &&
          pair.usccs.includes(r.uscc) &&
          Number(r.first_period) <= pair.period &&
          Number(r.last_period) >= pair.period,
      );
      if (hit) found.set(`${pair.personId}|${pair.period}`, hit.uscc);
    }
  }
  return found;
}

const recordKey = (r: { person_id: number; programme_no: string }) => `${r.person_id}|${r.programme_no}`;

/** Stored training records of the rows' (person, programme) keys. */
export async function findTrainingRecords(db: Db, rows: readonly TrainingRecordRow[]): Promise<TrainingRecordRow[]> {
  const wanted = new Set(rows.map(recordKey));
  const found: TrainingRecordRow[] = [];
  for (const part of chunks([...new Set(rows.map((r) => r.person_id))])) {
    const stored = await db.selectFrom('training_records').selectAll().where('person_id', 'in', part).execute();
    for (const r of stored) {
      const row = {
        ...r,
        person_id: Number(r.person_id),
        is_completed: Number(r.is_completed),
        subsidy_fen: toNumber(r.subsidy_fen),
        is_subsidised: Number(r.is_subsidised),
        is_manufacturing: Number(r.is_manufacturing),
        is_digital: Number(r.is_digital),
      };
      if (wanted.has(recordKey(row))) found.push(row);
    }
  }
  return found;
}

/** Inserts or replaces training records by (person, programme). */
export async function upsertTrainingRecords(db: Db, rows: readonly TrainingRecordRow[]): Promise<void> {
  for (const part of chunks(rows, 1000)) {
    await db
      .insertInto('training_records')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['person_id', 'programme_no']).doUpdateSet((eb) => ({
          occupation_code: eb.ref('excluded.occupation_code'),
          start_date: eb.ref('excluded.start_date'),
          end_date: eb.ref('excluded.end_date'),
          is_completed: eb.ref('excluded.is_completed'),
          certificate_no: eb.ref('excluded.certificate_no'),
          subsidy_fen: eb.ref('excluded.subsidy_fen'),
          uscc: eb.ref('excluded.uscc'),
          region_code: eb.ref('excluded.region_code'),
          is_subsidised: eb.ref('excluded.is_subsidised'),
          is_manufacturing: eb.ref('excluded.is_manufacturing'),
          is_digital: eb.ref('excluded.is_digital'),
          rule_version: eb.ref('excluded.rule_version'),
        })),
      )
      .execute();
  }
}

export interface TrainingCountFilter {
  fromDate: string;
  toDate: string;
  isSubsidisedOnly: boolean;
  /** County-level region codes of the enterprise (absent: all). */
  regionCodes?: readonly string[];
  usccs?: readonly string[];
}

export type TrainingGrouping = 'none' | 'city' | 'uscc' | 'month';

export interface TrainingCounts {
  key: string;
  total: number;
  manufacturing: number;
  digital: number;
}

/** Person-times of the records ending in the window, grouped by nothing, the city, or the enterprise. */
export async function countTraining(
  db: Db,
  filter: TrainingCountFilter,
  groupBy: TrainingGrouping,
): Promise<TrainingCounts[]> {
  const key = {
    none: sql<string>`'all'`,
    city: sql<string>`substr(r.region_code, 1, 4) || '00'`,
    uscc: sql<string>`r.uscc`,
    // The month the training ended (YYYYMM), when it counts.
    month: sql<string>`substr(r.end_date, 1, 4) || substr(r.end_date, 6, 2)`,
  }[groupBy];
  const conditions = [sql`r.end_date between ${filter.fromDate} and ${filter.toDate}`, sql`r.uscc is not null`];
  if (filter.isSubsidisedOnly) conditions.push(sql`r.is_subsidised = 1`);
  if (filter.regionCodes)
    conditions.push(
      filter.regionCodes.length ? sql`r.region_code in (${sql.join([...filter.regionCodes])})` : sql`1 = 0`,
    );
  if (filter.usccs) conditions.push(filter.usccs.length ? sql`r.uscc in (${sql.join([...filter.usccs])})` : sql`1 = 0`);
  const group = groupBy === 'none' ? sql`` : sql`group by 1`;
  const result = await sql<{ key: string; total: unknown; manufacturing: unknown; digital: unknown }>`
    select ${key} as key, count(*) as total, sum(r.is_manufacturing) as manufacturing, sum(r.is_digital) as digital
    from training_records r
    where ${sql.join(conditions, sql` and `)}
    ${group}`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    total: toNumber(r.total as number),
    manufacturing: toNumber(r.manufacturing as number),
    digital: toNumber(r.digital as number),
  }));
}

/** Register names of enterprises by code. */
export async function findEnterpriseNames(db: Db, usccs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(usccs)])) {
    const rows = await db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'in', part).execute();
    for (const r of rows) found.set(r.uscc, r.name);
  }
  return found;
}
