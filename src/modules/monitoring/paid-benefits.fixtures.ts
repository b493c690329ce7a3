import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { bookRelease } from '../benefits/payments/ledger.service.ts';
import { findImportKind } from '../imports/kinds.ts';
import { runImport, type ImportSummary } from '../imports/runner.ts';

/**
 * Benefit cases for the monitoring tests, inserted straight into the benefits tables up to the
 * payment instruction (with its release booked in the ledger); the bank's answer then comes
 * through the real `bank_results` import, which settles the case and books the payment.
 */

export interface BenefitCaseSeed {
  uscc: string;
  regionCode: string;
  policy: string;
  period: string;
  amountFen: number;
  /** approved: waiting for release (no payment); payment_instructed: sent to the bank. */
  state: 'approved' | 'payment_instructed';
}

const runs = new WeakMap<object, Promise<{ versionId: number; runId: number }>>();

// One policy version and one match run per database are enough for the foreign keys.
function matchRunOf(ctx: AppContext): Promise<{ versionId: number; runId: number }> {
  let run = runs.get(ctx.db);
  if (!run) {
    run = (async () => {
      const at = ctx.clock().toISOString();
      const version = await ctx.db
        .insertInto('policy_versions')
        .values({
          code: 'monitoring_test',
          version_no: 1,
          version: '1',
          status: 'active',
          source: 'file',
          content_sha256: 'test',
          definition: '{}',
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const versionId = toNumber(version.id);
      const match = await ctx.db
        .insertInto('benefit_match_runs')
        .values({
          policy_code: 'monitoring_test',
          policy_version_id: versionId,
          version_no: 1,
          period: '2024',
          eval_date: '2024-01-01',
          snapshot: '{}',
          status: 'completed',
          phase: 'done',
          summary: null,
          error: null,
          started_by: null,
          started_at: at,
          finished_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { versionId, runId: toNumber(match.id) };
    })();
    runs.set(ctx.db, run);
  }
  return run;
}

/** Inserts a case; for one sent to the bank, answers the instruction number the bank will quote. */
export async function addBenefitCase(
  ctx: AppContext,
  seed: BenefitCaseSeed,
): Promise<{ caseId: number; instruction: string | null }> {
  const { versionId, runId } = await matchRunOf(ctx);
  const at = ctx.clock().toISOString();
  const cityCode = seed.regionCode === '320583' ? '320500' : `${seed.regionCode.slice(0, 4)}00`;
  const row = await ctx.db
    .insertInto('benefit_cases')
    .values({
      policy_code: seed.policy,
      period: seed.period,
      uscc: seed.uscc,
      enterprise_name: `企业${seed.uscc.slice(-6)}`,
      region_code: seed.regionCode,
      city_code: cityCode,
      state: seed.state,
      amount_fen: seed.amountFen,
      rerun_amount_fen: null,
      is_amount_changed: 0,
      explanation: '[]',
      policy_version_id: versionId,
      run_id: runId,
      last_run_id: runId,
      bank_name: null,
      bank_account: null,
      account_holder: null,
      review_started_on: null,
      review_deadline: null,
      approved_by: null,
      released_by: null,
      publicity_from: null,
      publicity_until: null,
      reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseId = toNumber(row.id);
  if (seed.state !== 'payment_instructed') return { caseId, instruction: null };
  const payment = await ctx.db
    .insertInto('benefit_payments')
    .values({
      case_id: caseId,
      amount_fen: seed.amountFen,
      state: 'instructed',
      attempt: 1,
      batch_id: null,
      bank_reference: null,
      failure_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const month = at.slice(0, 4) + at.slice(5, 7);
  await bookRelease(ctx.db, {
    caseId,
    policy: seed.policy,
    region: seed.regionCode,
    month,
    amountFen: seed.amountFen,
    at,
  });
  return { caseId, instruction: `${toNumber(payment.id)}-1` };
}

/** Imports a bank result file (指令编号, 结果, 银行流水号, 失败原因) as the bank's answer, on the context's clock. */
export async function importBankResults(
  ctx: AppContext,
  lines: { instruction: string; result: '成功' | '失败'; reason?: string }[],
): Promise<ImportSummary> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangfan-bank-'));
  const file = path.join(dir, 'bank-results.csv');
  const rows = lines.map((l, i) => `${l.instruction},${l.result},B${i + 1},${l.reason ?? ''}`);
  writeFileSync(file, ['指令编号,结果,银行流水号,失败原因', ...rows].join('\n'), 'utf8');
  return runImport(ctx, systemActor('bank'), findImportKind('bank_results')!, file);
}
