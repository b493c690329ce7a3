import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { regionNamesOf } from '../../reference/reference.service.ts';
import {
  findLedgerAnomalies,
  insertJournal,
  sumLedger,
  sumPaidByEnterpriseMonth,
  sumPayments,
} from './ledger.repository.ts';

/**
 * The double-entry ledger of benefits, in fen. A release books 补贴支出 against 应付企业补贴; the
 * bank's payment books 应付企业补贴 against 国库存款. A failed payment books nothing (the payable
 * stays open until the retry is paid). Each (case, kind) is booked at most once.
 */

export const ACCOUNTS = { expense: 'subsidy_expense', payable: 'payable_enterprise', bank: 'treasury_bank' } as const;

/** Books the release of a case's payment (called in the transaction that moves the case). */
export async function bookRelease(
  trx: Db,
  entry: { caseId: number; policy: string; region: string; month: string; amountFen: number; at: string },
) {
  await insertJournal(
    trx,
    {
      case_id: entry.caseId,
      kind: 'release',
      policy_code: entry.policy,
      region_code: entry.region,
      month: entry.month,
      amount_fen: entry.amountFen,
      created_at: entry.at,
    },
    [
      { account: ACCOUNTS.expense, debit_fen: entry.amountFen, credit_fen: 0 },
      { account: ACCOUNTS.payable, debit_fen: 0, credit_fen: entry.amountFen },
    ],
  );
}

/** Books the bank's payment of a case (called in the transaction that marks it paid). */
export async function bookSettlement(
  trx: Db,
  entry: { caseId: number; policy: string; region: string; month: string; amountFen: number; at: string },
) {
  await insertJournal(
    trx,
    {
      case_id: entry.caseId,
      kind: 'settle',
      policy_code: entry.policy,
      region_code: entry.region,
      month: entry.month,
      amount_fen: entry.amountFen,
      created_at: entry.at,
    },
    [
      { account: ACCOUNTS.payable, debit_fen: entry.amountFen, credit_fen: 0 },
      { account: ACCOUNTS.bank, debit_fen: 0, credit_fen: entry.amountFen },
    ],
  );
}

/**
 * The reconciliation report per policy, region and month: debits against credits, released
 * against instructed payments, settled against payments the bank reported paid. Any row with a
 * difference is listed under `differences`; `balanced` says whether there is none.
 */
export async function reconcileLedger(ctx: AppContext, filters: { policy?: string; month?: string }) {
  const ledger = await sumLedger(ctx.db, filters);
  const payments = new Map((await sumPayments(ctx.db, filters)).map((p) => [p.key, p]));
  const regionNames = await regionNamesOf(ctx.db, [...new Set(ledger.map((row) => row.region_code))]);
  const rows = ledger.map((row) => {
    const paid = payments.get(`${row.policy_code}|${row.region_code}|${row.month}`) ?? {
      instructed_fen: 0,
      paid_fen: 0,
      payments: 0,
    };
    return {
      ...row,
      region_name: regionNames.get(row.region_code) ?? row.region_code,
      instructed_fen: paid.instructed_fen,
      paid_fen: paid.paid_fen,
      payments: paid.payments,
      difference_fen: row.debit_fen - row.credit_fen,
      unreleased_fen: paid.instructed_fen - row.released_fen,
      unsettled_fen: paid.paid_fen - row.settled_fen,
    };
  });
  const differences = rows.filter((r) => r.difference_fen !== 0 || r.unreleased_fen !== 0 || r.unsettled_fen !== 0);
  const anomalies = await findLedgerAnomalies(ctx.db);
  const balanced =
    differences.length === 0 && anomalies.unbooked_payments.length === 0 && anomalies.settled_but_not_paid.length === 0;
  const total = rows.reduce(
    (t, r) => ({
      debit_fen: t.debit_fen + r.debit_fen,
      credit_fen: t.credit_fen + r.credit_fen,
      paid_fen: t.paid_fen + r.settled_fen,
    }),
    { debit_fen: 0, credit_fen: 0, paid_fen: 0 },
  );
  return { balanced, total, rows, differences, anomalies };
}

/**
 * Paid benefits per enterprise and month (YYYYMM of the booking), for the monitoring module's
 * “policies enjoyed” indicator: count of policies, cases and the amount in fen.
 */
export async function paidBenefitsByEnterpriseMonth(
  ctx: AppContext,
  filters: { from?: string; to?: string; usccs?: readonly string[] } = {},
) {
  return sumPaidByEnterpriseMonth(ctx.db, filters);
}
