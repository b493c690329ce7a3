import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { InternshipBaseTable, InternshipTraineeTable } from '../skills.table.ts';

/** All SQL of internship bases, trainees and scoring runs. */

export type BaseRow = Omit<InternshipBaseTable, 'is_demonstration'> & { is_demonstration: number; name: string | null };

export interface TraineeRow {
  person_id: number;
  uscc: string;
  start_date: string;
  post: string;
  end_date: string | null;
  is_completed: number;
  is_retained: number;
  allowance_fen: number;
  satisfaction: number | null;
  source: InternshipTraineeTable['source'];
}

const chunks = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

function baseOf(r: Record<string, unknown>): BaseRow {
  return {
    ...(r as unknown as BaseRow),
    posts: Number(r.posts),
    mentors: Number(r.mentors),
    is_demonstration: Number(r.is_demonstration),
    demonstration_score_run: r.demonstration_score_run === null ? null : Number(r.demonstration_score_run),
    name: (r.name as string | null) ?? null,
  };
}

/** Inserts a base application. */
export async function insertBase(db: Db, row: Omit<InternshipBaseTable, 'is_demonstration'>): Promise<void> {
  await db.insertInto('internship_bases').values(row).execute();
}

/** One base with the enterprise's name. */
export async function findBase(db: Db, uscc: string): Promise<BaseRow | undefined> {
  const row = await db
    .selectFrom('internship_bases as b')
    .leftJoin('enterprises as e', 'e.uscc', 'b.uscc')
    .selectAll('b')
    .select('e.name')
    .where('b.uscc', '=', uscc)
    .executeTakeFirst();
  return row ? baseOf(row) : undefined;
}

/** Bases in the county codes (all when absent), with their trainee counts. */
export async function listBases(db: Db, regionCodes?: readonly string[]) {
  let query = db
    .selectFrom('internship_bases as b')
    .leftJoin('enterprises as e', 'e.uscc', 'b.uscc')
    .selectAll('b')
    .select('e.name')
    .select((eb) =>
      eb
        .selectFrom('internship_trainees as t')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('t.uscc', '=', 'b.uscc')
        .as('trainees'),
    )
    .orderBy('b.applied_at', 'desc')
    .orderBy('b.uscc');
  if (regionCodes)
    query = regionCodes.length
      ? query.where('b.region_code', 'in', [...regionCodes])
      : query.where(sql<boolean>`1 = 0`);
  const rows = await query.execute();
  return rows.map((r) => ({ ...baseOf(r), trainees: toNumber(r.trainees) }));
}

/** Sets a base's decision. */
export async function updateBase(
  db: Db,
  uscc: string,
  values: Partial<Omit<InternshipBaseTable, 'uscc' | 'is_demonstration'> & { is_demonstration: number }>,
): Promise<void> {
  await db.updateTable('internship_bases').set(values).where('uscc', '=', uscc).execute();
}

/** The approved bases among these codes. */
export async function findApprovedBases(db: Db, usccs: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(usccs)])) {
    const rows = await db
      .selectFrom('internship_bases')
      .select('uscc')
      .where('uscc', 'in', part)
      .where('status', '=', 'approved')
      .execute();
    for (const r of rows) found.add(r.uscc);
  }
  return found;
}

const traineeKey = (r: { person_id: number; uscc: string; start_date: string }) =>
  `${r.person_id}|${r.uscc}|${r.start_date}`;

/** Stored trainees with the rows' (person, base, start) keys. */
export async function findTrainees(db: Db, rows: readonly TraineeRow[]): Promise<TraineeRow[]> {
  const wanted = new Set(rows.map(traineeKey));
  const found: TraineeRow[] = [];
  for (const part of chunks([...new Set(rows.map((r) => r.person_id))])) {
    const stored = await db
      .selectFrom('internship_trainees')
      .select([
        'person_id',
        'uscc',
        'start_date',
        'post',
        'end_date',
        'is_completed',
        'is_retained',
        'allowance_fen',
        'satisfaction',
        'source',
      ])
      .where('person_id', 'in', part)
      .execute();
    for (const r of stored) {
      const row: TraineeRow = {
        ...r,
        person_id: Number(r.person_id),
        is_completed: Number(r.is_completed),
        is_retained: Number(r.is_retained),
        allowance_fen: toNumber(r.allowance_fen),
        satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      };
      if (wanted.has(traineeKey(row))) found.push(row);
    }
  }
  return found;
}

/** Inserts or updates trainees by (person, base, start date). */
export async function upsertTrainees(db: Db, rows: readonly TraineeRow[]): Promise<void> {
  for (const part of chunks(rows, 1000)) {
    await db
      .insertInto('internship_trainees')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['person_id', 'uscc', 'start_date']).doUpdateSet((eb) => ({
          post: eb.ref('excluded.post'),
          end_date: eb.ref('excluded.end_date'),
          is_completed: eb.ref('excluded.is_completed'),
          is_retained: eb.ref('excluded.is_retained'),
          allowance_fen: eb.ref('excluded.allowance_fen'),
          satisfaction: eb.ref('excluded.satisfaction'),
        })),
      )
      .execute();
  }
}

/** A base's trainees with the person's name (masked by the service) and encrypted ID. */
export async function listTraineesOf(db: Db, uscc: string) {
  const rows = await db
    .selectFrom('internship_trainees as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .select([
      't.id',
      't.start_date',
      't.end_date',
      't.post',
      't.is_completed',
      't.is_retained',
      't.allowance_fen',
      't.satisfaction',
      't.source',
      'p.name',
      'p.id_enc',
    ])
    .where('t.uscc', '=', uscc)
    .orderBy('t.start_date', 'desc')
    .orderBy('t.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    is_completed: Number(r.is_completed),
    is_retained: Number(r.is_retained),
    allowance_fen: toNumber(r.allowance_fen),
    satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
  }));
}

/** Per approved base: posts and its trainees whose internship has ended by the date. */
export async function findBaseFigures(db: Db, onDate: string) {
  const result = await sql<Record<string, unknown>>`
    select b.uscc, b.posts,
           count(t.id) as finished,
           coalesce(sum(t.is_completed), 0) as completed,
           coalesce(sum(case when t.is_completed = 1 then t.is_retained else 0 end), 0) as retained,
           avg(t.satisfaction) as satisfaction
    from internship_bases b
    left join internship_trainees t on t.uscc = b.uscc and t.end_date is not null and t.end_date <= ${onDate}
    where b.status = 'approved'
    group by b.uscc, b.posts
    order by b.uscc`.execute(db);
  return result.rows.map((r) => ({
    uscc: String(r.uscc),
    posts: toNumber(r.posts as number),
    finished: toNumber(r.finished as number),
    completed: toNumber(r.completed as number),
    retained: toNumber(r.retained as number),
    satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
  }));
}

/** Writes a scoring run and its ranked scores; answers the run id. */
export async function insertScoreRun(
  db: Db,
  run: { formula_version: string; computed_at: string; computed_by: number | null },
  scores: readonly { uscc: string; rank: number; score: string; details: string }[],
): Promise<number> {
  const inserted = await db.insertInto('internship_score_runs').values(run).returning('id').executeTakeFirstOrThrow();
  const runId = Number(inserted.id);
  for (const part of chunks(scores))
    await db
      .insertInto('internship_base_scores')
      .values(part.map((s) => ({ ...s, run_id: runId })))
      .execute();
  return runId;
}

/** The latest scoring run, if any. */
export async function findLatestScoreRun(db: Db) {
  const run = await db
    .selectFrom('internship_score_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run ? { ...run, id: Number(run.id) } : undefined;
}

/** The ranked scores of a run with the bases' names, regions and demonstration status. */
export async function findRunScores(db: Db, runId: number) {
  const rows = await db
    .selectFrom('internship_base_scores as s')
    .innerJoin('internship_bases as b', 'b.uscc', 's.uscc')
    .leftJoin('enterprises as e', 'e.uscc', 's.uscc')
    .select(['s.uscc', 's.rank', 's.score', 's.details', 'b.region_code', 'b.level', 'b.is_demonstration', 'e.name'])
    .where('s.run_id', '=', runId)
    .orderBy('s.rank')
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank), is_demonstration: Number(r.is_demonstration) }));
}

/** Demonstration bases in the county codes (all when absent). */
export async function countDemonstrationBases(db: Db, regionCodes?: readonly string[], usccs?: readonly string[]) {
  let query = db
    .selectFrom('internship_bases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('is_demonstration', '=', 1);
  if (regionCodes)
    query = regionCodes.length ? query.where('region_code', 'in', [...regionCodes]) : query.where(sql<boolean>`1 = 0`);
  if (usccs) query = usccs.length ? query.where('uscc', 'in', [...usccs]) : query.where(sql<boolean>`1 = 0`);
  const row = await query.executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** The register region of an enterprise. */
export async function findEnterpriseRegion(db: Db, uscc: string): Promise<string | undefined> {
  const row = await db.selectFrom('enterprises').select('region_code').where('uscc', '=', uscc).executeTakeFirst();
  return row?.region_code;
}

/** Finished internships (an end date on file), with the trainee's graduation, unemployment and prior spells. */
export async function findFinishedTrainees(db: Db, uscc?: string) {
  const result = await sql<Record<string, unknown>>`
    select t.person_id, t.uscc, t.start_date, t.end_date, t.is_completed, t.is_retained, e.region_code,
           (select max(g.graduated_on) from graduates g where g.person_id = t.person_id and g.graduated_on <= t.end_date) as graduated_on,
           (select count(*) from unemployment_registrations u
             where u.person_id = t.person_id and u.registered_on <= t.start_date
               and (u.closed_on is null or u.closed_on >= t.start_date)) as unemployed_at_start
    from internship_trainees t
    join enterprises e on e.uscc = t.uscc
    where t.end_date is not null ${uscc ? sql`and t.uscc = ${uscc}` : sql``}
    order by t.person_id, t.start_date`.execute(db);
  return result.rows.map((r) => ({
    person_id: toNumber(r.person_id as number),
    uscc: String(r.uscc),
    start_date: String(r.start_date),
    end_date: String(r.end_date),
    is_completed: toNumber(r.is_completed as number),
    is_retained: toNumber(r.is_retained as number),
    region_code: String(r.region_code),
    graduated_on: r.graduated_on === null ? null : String(r.graduated_on),
    is_unemployed_at_start: toNumber(r.unemployed_at_start as number) > 0,
  }));
}

/**
 * Demonstration bases of the county codes and enterprises (absent: all), by city or by the month
 * (YYYYMM) they were selected in.
 */
export async function countDemonstrationBasesBy(
  db: Db,
  groupBy: 'city' | 'month',
  regionCodes?: readonly string[],
  usccs?: readonly string[],
) {
  const key =
    groupBy === 'city'
      ? sql<string>`substr(region_code, 1, 4) || '00'`
      : sql<string>`substr(demonstration_at, 1, 4) || substr(demonstration_at, 6, 2)`;
  let query = db
    .selectFrom('internship_bases')
    .select((eb) => [key.as('key'), eb.fn.countAll<string>().as('n')])
    .where('is_demonstration', '=', 1)
    .groupBy(sql`1`);
  if (regionCodes)
    query = regionCodes.length ? query.where('region_code', 'in', [...regionCodes]) : query.where(sql<boolean>`1 = 0`);
  if (usccs) query = usccs.length ? query.where('uscc', 'in', [...usccs]) : query.where(sql<boolean>`1 = 0`);
  const rows = await query.execute();
  return rows.map((r) => ({ key: String(r.key ?? ''), n: toNumber(r.n) }));
}
