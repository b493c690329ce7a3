import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { CollectionApprovalTable, CollectionState, CollectionTable } from './collections.table.ts';

/** SQL of data-collection approvals, collections, their recipients and the burden per enterprise. */

export function listApprovalRows(db: Db) {
  return db
    .selectFrom('collection_approvals')
    .selectAll()
    .orderBy('valid_until', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
export type ApprovalRow = Awaited<ReturnType<typeof listApprovalRows>>[number];

export function findApprovalRow(db: Db, id: number): Promise<ApprovalRow | undefined> {
  return db.selectFrom('collection_approvals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findApprovalByNumber(db: Db, approvalNumber: string) {
  return db
    .selectFrom('collection_approvals')
    .select('id')
    .where('approval_number', '=', approvalNumber)
    .executeTakeFirst();
}

export async function insertApproval(db: Db, row: Insertable<CollectionApprovalTable>): Promise<number> {
  const inserted = await db.insertInto('collection_approvals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

const COLLECTION_COLUMNS = [
  'c.id',
  'c.kind',
  'c.title',
  'c.description',
  'c.approval_id',
  'c.region_code',
  'r.name as region_name',
  'c.year',
  'c.fields',
  'c.state',
  'c.deadline',
  'c.created_at',
  'c.opened_at',
  'c.closed_at',
  'a.approval_number',
  'a.office as approval_office',
  'a.valid_from as approval_valid_from',
  'a.valid_until as approval_valid_until',
] as const;

function collectionBase(db: Db) {
  return db
    .selectFrom('collections as c')
    .leftJoin('collection_approvals as a', 'a.id', 'c.approval_id')
    .leftJoin('regions as r', 'r.code', 'c.region_code');
}

/** Collections of some target regions (or all), newest first, with their counts of recipients and answers. */
export function listCollectionRows(db: Db, regionCodes: readonly string[] | 'all') {
  let query = collectionBase(db).select([
    ...COLLECTION_COLUMNS,
    sql<number>`(select count(*) from collection_recipients cr where cr.collection_id = c.id)`.as('recipients'),
    sql<number>`(select count(*) from collection_recipients cr where cr.collection_id = c.id and cr.answered_at is not null)`.as(
      'answered',
    ),
  ]);
  if (regionCodes !== 'all') query = query.where('c.region_code', 'in', regionCodes.length ? [...regionCodes] : ['']);
  return query.orderBy('c.id', 'desc').execute();
}
export type CollectionRow = Awaited<ReturnType<typeof listCollectionRows>>[number];

export function findCollectionRow(db: Db, id: number): Promise<CollectionRow | undefined> {
  return collectionBase(db)
    .select([
      ...COLLECTION_COLUMNS,
      sql<number>`(select count(*) from collection_recipients cr where cr.collection_id = c.id)`.as('recipients'),
      sql<number>`(select count(*) from collection_recipients cr where cr.collection_id = c.id and cr.answered_at is not null)`.as(
        'answered',
      ),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function insertCollection(db: Db, row: Insertable<CollectionTable>): Promise<number> {
  const inserted = await db.insertInto('collections').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function setCollectionApproval(db: Db, id: number, approvalId: number): Promise<void> {
  await db.updateTable('collections').set({ approval_id: approvalId }).where('id', '=', id).execute();
}

/** Moves a collection from one state to the next; answers whether it was still in the expected state. */
export async function moveCollection(
  db: Db,
  id: number,
  from: CollectionState,
  to: CollectionState,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('collections')
    .set(to === 'open' ? { state: to, opened_at: at } : { state: to, closed_at: at })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sends a collection to every register enterprise of the target (all of them for the province); the count sent. */
export async function insertRecipients(
  db: Db,
  collectionId: number,
  target: { regionCodes: readonly string[] | 'all'; year: number; at: string },
): Promise<number> {
  const regions =
    target.regionCodes === 'all'
      ? sql``
      : sql`where e.region_code in (${sql.join(target.regionCodes.length ? [...target.regionCodes] : [''])})`;
  const result = await sql`
    insert into collection_recipients (collection_id, uscc, region_code, year, sent_at)
    select ${collectionId}, e.uscc, e.region_code, ${target.year}, ${target.at} from enterprises e ${regions}`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** The collections an enterprise received, newest first, with its answer state. */
export function listFormsOf(db: Db, uscc: string) {
  return collectionBase(db)
    .innerJoin('collection_recipients as cr', (join) =>
      join.onRef('cr.collection_id', '=', 'c.id').on('cr.uscc', '=', uscc),
    )
    .select([...COLLECTION_COLUMNS, 'cr.sent_at', 'cr.answered_at', 'cr.answers'])
    .orderBy('c.id', 'desc')
    .execute();
}
export type FormRow = Awaited<ReturnType<typeof listFormsOf>>[number];

export function findRecipient(db: Db, collectionId: number, uscc: string) {
  return db
    .selectFrom('collection_recipients')
    .selectAll()
    .where('collection_id', '=', collectionId)
    .where('uscc', '=', uscc)
    .executeTakeFirst();
}

export async function recordAnswers(db: Db, collectionId: number, uscc: string, answers: string | null, at: string) {
  await db
    .updateTable('collection_recipients')
    .set({ answers, answered_at: at })
    .where('collection_id', '=', collectionId)
    .where('uscc', '=', uscc)
    .execute();
}

/** Collections received per enterprise in a year, most burdened first (the enterprises of some regions, or all). */
export async function listBurden(db: Db, year: number, regionCodes: readonly string[] | 'all', limit: number) {
  let query = db
    .selectFrom('collection_recipients as cr')
    .innerJoin('enterprises as e', 'e.uscc', 'cr.uscc')
    .leftJoin('regions as r', 'r.code', 'cr.region_code')
    .select([
      'cr.uscc',
      'e.name',
      'cr.region_code',
      'r.name as region_name',
      (eb) => eb.fn.count<number>('cr.collection_id').as('received'),
      (eb) => eb.fn.count<number>('cr.answered_at').as('answered'),
    ])
    .where('cr.year', '=', year)
    .groupBy(['cr.uscc', 'e.name', 'cr.region_code', 'r.name'])
    .orderBy('received', 'desc')
    .orderBy('cr.uscc')
    .limit(limit);
  if (regionCodes !== 'all') query = query.where('cr.region_code', 'in', regionCodes.length ? [...regionCodes] : ['']);
  return query.execute();
}

/** Totals of the burden view: enterprises reached and collections sent in the year. */
export async function burdenTotals(db: Db, year: number, regionCodes: readonly string[] | 'all') {
  let query = db
    .selectFrom('collection_recipients as cr')
    .select([
      (eb) => eb.fn.count<number>('cr.uscc').distinct().as('enterprises'),
      (eb) => eb.fn.count<number>('cr.collection_id').distinct().as('collections'),
      (eb) => eb.fn.count<number>('cr.uscc').as('sent'),
    ])
    .where('cr.year', '=', year);
  if (regionCodes !== 'all') query = query.where('cr.region_code', 'in', regionCodes.length ? [...regionCodes] : ['']);
  return query.executeTakeFirstOrThrow();
}

/** Open collections with a deadline (for the deadline notices), with who created them. */
export function listOpenCollectionsWithDeadline(db: Db) {
  return collectionBase(db)
    .select([...COLLECTION_COLUMNS, 'c.created_by'])
    .where('c.state', '=', 'open')
    .where('c.deadline', 'is not', null)
    .orderBy('c.id')
    .execute();
}
