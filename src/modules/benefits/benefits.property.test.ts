import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../db/convert.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import { isAppError } from '../../platform/errors.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { syncPolicyCatalogue } from '../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy/policy.fixtures.ts';
import { applyBankResult } from './payments/bank-results.service.ts';
import { confirmCase, declineCase } from './cases/confirm.service.ts';
import { reconcileLedger } from './payments/ledger.service.ts';
import { createMatchRun } from './match/match.service.ts';
import { createPaymentBatch, previewPaymentBatch } from './payments/payments.service.ts';
import { approveCase, rejectCase, returnCase } from './cases/review.service.ts';

// Random sequences of what officials, enterprises and the bank do to a few cases: whatever the
// order, the ledger balances per policy, region and month, and no case is ever paid twice.
const ACTIONS = [
  'confirm',
  'decline',
  'approve',
  'reject',
  'return',
  'pay',
  'pay_as_approver',
  'bank_paid',
  'bank_failed',
  'wait',
] as const;
type Action = (typeof ACTIONS)[number];

describe.each(testDialects())('ledger under random action sequences on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  let runId = 0;
  let now = Date.parse('2025-03-03T02:00:00Z');
  const actors: Record<'approver' | 'releaser' | 'enterprise', Actor & { user: CurrentUser }> = {} as never;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    t.ctx.clock = () => new Date(now);
    runId = await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025');
    for (const [name, role] of [
      ['approver', 'province_hrss'],
      ['releaser', 'province_hrss'],
      ['enterprise', 'province_hrss'],
    ] as const) {
      const { username } = await t.loginAs(role);
      const row = await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      actors[name] = {
        user: {
          id: toNumber(row.id),
          username,
          displayName: username,
          role,
          regionCode: null,
          uscc: null,
          canViewPersonal: false,
          via: 'session',
        },
        requestId: name,
        ip: null,
      };
    }
  }, 60_000);
  afterAll(() => t.close());

  let period = 0;
  async function freshCases(): Promise<number[]> {
    period += 1;
    const at = new Date(now).toISOString();
    const ids: number[] = [];
    for (const [i, uscc] of [world.e1, world.e2, world.e3].entries()) {
      const row = await t.ctx.db
        .insertInto('benefit_cases')
        .values({
          policy_code: 'stable_jobs_refund',
          period: `P${period}`,
          uscc,
          enterprise_name: `企业${i}`,
          region_code: ['320115', '320102', '320214'][i]!,
          city_code: i === 2 ? '320200' : '320100',
          state: 'matched',
          amount_fen: 10_000 * (i + 1),
          rerun_amount_fen: null,
          is_amount_changed: 0,
          explanation: '[]',
          policy_version_id: 1,
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
      ids.push(toNumber(row.id));
    }
    return ids;
  }

  // The payer confirms what the preview showed, in the same transaction.
  async function releaseAsPreviewed(trx: Parameters<typeof approveCase>[0], actor: typeof actors.releaser, id: number) {
    const preview = await previewPaymentBatch(trx, t.ctx, actor, [id]);
    return createPaymentBatch(trx, t.ctx, actor, { case_ids: [id], preview_token: preview.token });
  }

  async function perform(action: Action, id: number): Promise<void> {
    const ctx = t.ctx;
    const run = (work: (trx: Parameters<typeof approveCase>[0]) => Promise<unknown>) =>
      ctx.db.transaction().execute(work);
    switch (action) {
      case 'confirm':
        await run((trx) =>
          confirmCase(trx, ctx, actors.enterprise, id, {
            bank_name: '测试银行',
            bank_account: '62220000111122223333',
            account_holder: '测试企业',
          }),
        );
        break;
      case 'decline':
        await run((trx) => declineCase(trx, ctx, actors.enterprise, id, '不需要'));
        break;
      case 'approve':
        await run((trx) => approveCase(trx, ctx, actors.approver, id, { opinion: '符合条件，同意' }));
        break;
      case 'reject':
        await run((trx) => rejectCase(trx, ctx, actors.approver, id, '不符合'));
        break;
      case 'return':
        await run((trx) => returnCase(trx, ctx, actors.approver, id, '补正'));
        break;
      case 'pay':
        await run((trx) => releaseAsPreviewed(trx, actors.releaser, id));
        break;
      case 'pay_as_approver':
        await run((trx) => releaseAsPreviewed(trx, actors.approver, id));
        break;
      case 'bank_paid':
      case 'bank_failed': {
        const payment = await ctx.db
          .selectFrom('benefit_payments')
          .select(['id', 'attempt'])
          .where('case_id', '=', id)
          .executeTakeFirst();
        const instruction = payment ? `${payment.id}-${payment.attempt}` : '999999-1';
        await run((trx) =>
          applyBankResult(trx, ctx, systemActor('bank'), {
            instruction,
            result: action === 'bank_paid' ? 'paid' : 'failed',
            reference: null,
            reason: '拒付',
          }),
        );
        break;
      }
      case 'wait':
        now += 7 * 86_400_000;
        break;
    }
  }

  it('keeps debits equal to credits and pays each case at most once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ action: fc.constantFrom(...ACTIONS), target: fc.nat(2) }), {
          minLength: 1,
          maxLength: 40,
        }),
        async (steps) => {
          const ids = await freshCases();
          for (const { action, target } of steps) {
            try {
              await perform(action, ids[target]!);
            } catch (error) {
              if (!isAppError(error)) throw error;
            }
          }
          const report = await reconcileLedger(t.ctx, {});
          expect(report.balanced, JSON.stringify(report.differences)).toBe(true);
          const journal = await t.ctx.db
            .selectFrom('benefit_journal')
            .select(['case_id', 'kind'])
            .where('case_id', 'in', ids)
            .execute();
          const keys = journal.map((j) => `${j.case_id}:${j.kind}`);
          expect(new Set(keys).size).toBe(keys.length);
          const cases = await t.ctx.db
            .selectFrom('benefit_cases')
            .select(['id', 'state', 'approved_by', 'released_by'])
            .where('id', 'in', ids)
            .execute();
          for (const c of cases) {
            const settled = journal.filter((j) => toNumber(j.case_id) === toNumber(c.id) && j.kind === 'settle').length;
            expect(settled).toBe(c.state === 'paid' ? 1 : 0);
            if (c.released_by !== null) expect(c.released_by).not.toBe(c.approved_by);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
