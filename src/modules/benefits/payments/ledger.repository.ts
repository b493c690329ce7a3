import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of the double-entry ledger: journal entries with their lines, and the totals that must balance. */

export interface JournalInput {
  case_id: number;
  kind: 'release' | 'settle' | 'revoke';
  policy_code: string;
  region_code: string;
  month: string;
  amount_fen: number;
  created_at: string;
}

/** Inserts one journal entry and its lines; (case, kind) is unique, so a second booking fails. */
export async function insertJournal(
  db: Db,
  entry: JournalInput,
  lines: { account: string; debit_fen: number; credit_fen: number }[],
): Promise<number> {
  const row = await db.insertInto('benefit_journal').values(entry).returning('id').executeTakeFirstOrThrow();
  const journalId = toNumber(row.id);
  await db
    .insertInto('benefit_ledger_lines')
    .values(lines.map((line) => ({ journal_id: journalId, ...line })))
    .execute();
  return journalId;
}

/** Debits and credits per policy, region and month, with the journal's own totals by kind. */
export async function sumLedger(db: Db, filters: { policy?: string; month?: string }) {
  let query = db
    .selectFrom('benefit_journal as j')
    .innerJoin('benefit_ledger_lines as l', 'l.journal_id', 'j.id')
    .select([
      'j.policy_code',
      'j.region_code',
      'j.month',
      (eb) => eb.fn.sum<string | number>('l.debit_fen').as('debit'),
      (eb) => eb.fn.sum<string | number>('l.credit_fen').as('credit'),
      sql<string | number>`sum(case when j.kind = 'release' and l.debit_fen > 0 then l.debit_fen else 0 end)`.as(
        'released',
      ),
      sql<string | number>`sum(case when j.kind = 'settle' and l.debit_fen > 0 then l.debit_fen else 0 end)`.as(
        'settled',
      ),
    ])
    .groupBy(['j.policy_code', 'j.region_code', 'j.month'])
    .orderBy('j.month')
    .orderBy('j.policy_code')
    .orderBy('j.region_code');
  if (filters.policy) query = query.where('j.policy_code', '=', filters.policy);
  if (filters.month) query = query.where('j.month', '=', filters.month);
  const rows = await query.execute();
  return rows.map((r) => ({
    policy_code: r.policy_code,
    region_code: r.region_code,
    month: r.month,
    debit_fen: toNumber(r.debit),
    credit_fen: toNumber(r.credit),
    released_fen: toNumber(r.released),
    settled_fen: toNumber(r.settled),
  }));
}

/** Payments by their ledger group: what was instructed and what the bank reported paid. */
export async function sumPayments(db: Db, filters: { policy?: string; month?: string }) {
  let query = db
    .selectFrom('benefit_payments as p')
    .innerJoin('benefit_cases as c', 'c.id', 'p.case_id')
    .innerJoin('benefit_journal as j', (join) => join.onRef('j.case_id', '=', 'p.case_id').on('j.kind', '=', 'release'))
    .select([
      'j.policy_code',
      'j.region_code',
      'j.month',
      (eb) => eb.fn.sum<string | number>('p.amount_fen').as('instructed'),
      sql<string | number>`sum(case when p.state = 'paid' then p.amount_fen else 0 end)`.as('paid'),
      (eb) => eb.fn.countAll().as('payments'),
    ])
    .groupBy(['j.policy_code', 'j.region_code', 'j.month']);
  if (filters.policy) query = query.where('j.policy_code', '=', filters.policy);
  if (filters.month) query = query.where('j.month', '=', filters.month);
  const rows = await query.execute();
  return rows.map((r) => ({
    key: `${r.policy_code}|${r.region_code}|${r.month}`,
    instructed_fen: toNumber(r.instructed),
    paid_fen: toNumber(r.paid),
    payments: toNumber(r.payments as number),
  }));
}

/** Payments with no release entry, or cases booked more than once (must both be empty). */
export async function findLedgerAnomalies(db: Db) {
  const unbooked = await db
    .selectFrom('benefit_payments as p')
    .leftJoin('benefit_journal as j', (join) => join.onRef('j.case_id', '=', 'p.case_id').on('j.kind', '=', 'release'))
    .select('p.case_id')
    .where('j.id', 'is', null)
    .execute();
  const settledUnpaid = await db
    .selectFrom('benefit_journal as j')
    .innerJoin('benefit_payments as p', 'p.case_id', 'j.case_id')
    .select('j.case_id')
    .where('j.kind', '=', 'settle')
    .where('p.state', '<>', 'paid')
    .execute();
  return {
    unbooked_payments: unbooked.map((r) => toNumber(r.case_id)),
    settled_but_not_paid: settledUnpaid.map((r) => toNumber(r.case_id)),
  };
}

/** Paid amounts per enterprise and month (the month the bank's payment was booked). */
export async function sumPaidByEnterpriseMonth(
  db: Db,
  filters: { from?: string; to?: string; usccs?: readonly string[] },
) {
  let query = db
    .selectFrom('benefit_journal as j')
    .innerJoin('benefit_cases as c', 'c.id', 'j.case_id')
    .select([
      'c.uscc',
      'j.month',
      (eb) => eb.fn.sum<string | number>('j.amount_fen').as('amount'),
      (eb) => eb.fn.countAll().as('cases'),
      sql<string | number>`count(distinct j.policy_code)`.as('policies'),
    ])
    .where('j.kind', '=', 'settle')
    .groupBy(['c.uscc', 'j.month'])
    .orderBy('c.uscc')
    .orderBy('j.month');
  if (filters.from) query = query.where('j.month', '>=', filters.from);
  if (filters.to) query = query.where('j.month', '<=', filters.to);
  if (filters.usccs) query = query.where('c.uscc', 'in', filters.usccs.length > 0 ? [...filters.usccs] : ['-']);
  const rows = await query.execute();
  return rows.map((r) => ({
    uscc: r.uscc,
    month: r.month,
    amount_fen: toNumber(r.amount),
    cases: toNumber(r.cases as number),
    policies: toNumber(r.policies),
  }));
}
