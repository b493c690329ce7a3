import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { scoped, type CaseScope } from '../cases/cases.repository.ts';

/** SQL of payments (one per case, ever), their attempts and the instruction files. */

/** Cases ready for payment in a scope: approved with 公示 over and no open objection, or failed before. */
export function findPayableCases(db: Db, scope: CaseScope, today: string, ids?: readonly number[]) {
  let query = scoped(db.selectFrom('benefit_cases').selectAll(), scope)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'payment_failed'),
        eb.and([eb('state', '=', 'approved'), eb('publicity_until', '<', today)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('benefit_objections')
            .select('benefit_objections.id')
            .whereRef('benefit_objections.case_id', '=', 'benefit_cases.id')
            .where('benefit_objections.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('id');
  if (ids) query = query.where('id', 'in', ids.length > 0 ? [...ids] : [-1]);
  return query.execute();
}

/** The guard added to the release UPDATE: the same conditions, checked again by the database itself. */
export function releaseGuard(userId: number, today: string) {
  return (query: any) =>
    query
      .where((eb: any) => eb.or([eb('approved_by', 'is', null), eb('approved_by', '<>', userId)]))
      .where((eb: any) => eb.or([eb('state', '=', 'payment_failed'), eb('publicity_until', '<', today)]))
      .where(
        sql<boolean>`not exists (select 1 from benefit_objections o where o.case_id = benefit_cases.id and o.status = 'open')`,
      );
}

/** Creates the one payment of a case; a second one fails on the unique case id. */
export async function insertPayment(
  db: Db,
  row: { case_id: number; amount_fen: number; at: string },
): Promise<{ id: number; attempt: number }> {
  const inserted = await db
    .insertInto('benefit_payments')
    .values({
      case_id: row.case_id,
      amount_fen: row.amount_fen,
      state: 'instructed',
      attempt: 1,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: toNumber(inserted.id), attempt: 1 };
}

/** Sends a failed payment again as its next attempt. */
export async function retryPayment(
  db: Db,
  caseId: number,
  at: string,
): Promise<{ id: number; attempt: number } | undefined> {
  const row = await db
    .updateTable('benefit_payments')
    .set({ state: 'instructed', attempt: sql`attempt + 1`, failure_reason: null, updated_at: at })
    .where('case_id', '=', caseId)
    .where('state', '=', 'failed')
    .returning(['id', 'attempt'])
    .executeTakeFirst();
  return row ? { id: toNumber(row.id), attempt: toNumber(row.attempt) } : undefined;
}

/** Stores an instruction file and links its payments to it. */
export async function insertPaymentBatch(
  db: Db,
  batch: {
    file_name: string;
    content: string;
    content_enc?: string | null;
    sha256: string;
    payments: number;
    total_fen: number;
    created_by: number | null;
    created_at: string;
  },
  paymentIds: number[],
): Promise<number> {
  const row = await db.insertInto('benefit_payment_batches').values(batch).returning('id').executeTakeFirstOrThrow();
  const id = toNumber(row.id);
  if (paymentIds.length > 0)
    await db.updateTable('benefit_payments').set({ batch_id: id }).where('id', 'in', paymentIds).execute();
  return id;
}

/** One instruction file. */
export function findPaymentBatch(db: Db, id: number) {
  return db.selectFrom('benefit_payment_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A page of instruction files, newest first, with their creator's name. The province sees every
 * file; a city the files made by accounts of its region (those hold only its cases — a province
 * file may mix cities, so it is not shown to one).
 */
export async function findPaymentBatches(db: Db, scope: CaseScope, offset: number, limit: number) {
  let base = db.selectFrom('benefit_payment_batches as b').leftJoin('users as u', 'u.id', 'b.created_by');
  if (scope.kind === 'regions') base = base.where('u.region_code', 'in', scope.codes.length > 0 ? scope.codes : ['-']);
  else if (scope.kind !== 'all') base = base.where(sql<boolean>`1 = 0`);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'b.id',
      'b.file_name',
      'b.sha256',
      'b.payments',
      'b.total_fen',
      'b.created_at',
      'u.display_name as created_by_name',
    ])
    .orderBy('b.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** A payment with its case. */
export function findPaymentWithCase(db: Db, paymentId: number) {
  return db
    .selectFrom('benefit_payments as p')
    .innerJoin('benefit_cases as c', 'c.id', 'p.case_id')
    .select([
      'p.id',
      'p.case_id',
      'p.state as payment_state',
      'p.attempt',
      'p.amount_fen',
      'p.bank_reference',
      'c.state',
      'c.uscc',
      'c.policy_code',
      'c.period',
      'c.region_code',
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirst();
}

/** Records the bank's answer to the current attempt; false when that attempt is no longer open. */
export async function settlePayment(
  db: Db,
  paymentId: number,
  attempt: number,
  outcome: { state: 'paid' | 'failed'; reference: string | null; reason: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_payments')
    .set({
      state: outcome.state,
      bank_reference: outcome.reference,
      failure_reason: outcome.reason,
      updated_at: outcome.at,
    })
    .where('id', '=', paymentId)
    .where('attempt', '=', attempt)
    .where('state', '=', 'instructed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
