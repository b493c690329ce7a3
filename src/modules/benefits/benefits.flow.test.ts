import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { syncPolicyCatalogue } from '../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../policy/policy.fixtures.ts';
import { applyBankResult } from './payments/bank-results.service.ts';
import { paidBenefitsByEnterpriseMonth, reconcileLedger } from './payments/ledger.service.ts';
import { createMatchRun, executeMatchRun } from './match/match.service.ts';

// Monday 2025-03-03, 10:00 in Shanghai; 20 working days later is 2025-03-31, 5 later 2025-03-10.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const DAY = 86_400_000;

describe.each(testDialects())('免申即享 from match to money on %s', (dialect) => {
  let t: TestApp;
  let now = MONDAY;
  const c: Record<string, string> = {};
  let caseId = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    await buildPolicyWorld(t.ctx);
    for (const [name, role, over] of [
      ['province', 'province_hrss', {}],
      ['enterprise', 'enterprise', {}],
      ['approver', 'city_hrss', {}],
      ['releaser', 'city_hrss', {}],
      ['wuxi', 'city_hrss', { regionCode: '320200' }],
    ] as const) {
      c[name] = (await t.loginAs(role, over)).cookie;
    }
    t.ctx.clock = () => new Date(now);
  }, 60_000);
  afterAll(() => t.close());

  const post = (url: string, cookie: string | undefined, payload: unknown, key: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key },
    });
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('matches every enterprise once, with amount, explanation, version and snapshot; a rerun adds nothing', async () => {
    const runId = await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025');
    const run = await executeMatchRun(t.ctx, systemActor(), runId);
    expect(run).toMatchObject({ status: 'completed', version_no: 1, period: '2025', date: '2025-12-31' });
    expect(run.summary).toMatchObject({
      enterprises_evaluated: 3,
      candidates: 1,
      candidates_new: 1,
      amount_new_fen: 4_800_000,
    });
    const again = await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025'),
    );
    expect(again.summary).toMatchObject({ candidates_new: 0, candidates_unchanged: 1, amount_changed: 0 });
    const list = (await get('/api/v1/benefits/cases?policy=stable_jobs_refund', c.province)).json();
    expect(list.total).toBe(1);
    caseId = list.items[0].id;
    const detail = (await get(`/api/v1/benefits/cases/${caseId}`, c.enterprise)).json();
    expect(detail).toMatchObject({ uscc: TEST_ENTERPRISE_USCC, state: 'matched', amount_fen: 4_800_000 });
    expect(detail.explanation.join('\n')).toContain('48,000.00 元');
  });

  it('counts a person once per policy across periods', async () => {
    const first = await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'job_expansion_subsidy', '202412'),
    );
    const second = await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'job_expansion_subsidy', '202506'),
    );
    expect(first.status).toBe('completed');
    expect(
      (second.summary as { rows_excluded_already_granted: number }).rows_excluded_already_granted,
    ).toBeGreaterThanOrEqual(0);
    const persons = await t.ctx.db.selectFrom('benefit_case_persons').select('person_id').execute();
    expect(new Set(persons.map((p) => p.person_id)).size).toBe(persons.length);
  });

  it('shows a case only to its enterprise, its region and the province', async () => {
    expect((await get(`/api/v1/benefits/cases/${caseId}`, c.wuxi)).statusCode).toBe(404);
    expect((await get('/api/v1/benefits/cases', c.wuxi)).json().total).toBe(0);
    expect((await get(`/api/v1/benefits/cases/${caseId}`, c.approver)).statusCode).toBe(200);
    const inbox = (await get('/api/v1/benefits/inbox', c.enterprise)).json();
    expect(inbox.items.map((n: { body: string }) => n.body).join('\n')).toContain(
      '您单位符合失业保险稳岗返还条件，预计可获 48,000.00 元',
    );
  });

  it('confirms in one click, idempotently, and starts the 20-working-day clock', async () => {
    const body = {
      bank_name: '中国银行南京江宁支行',
      bank_account: '6216 6100 0000 1234',
      account_holder: '南京扬帆装备有限公司',
    };
    const first = await post(`/api/v1/benefits/cases/${caseId}/confirm`, c.enterprise, body, 'confirm-1');
    expect(first.statusCode, first.body).toBe(200);
    const replay = await post(`/api/v1/benefits/cases/${caseId}/confirm`, c.enterprise, body, 'confirm-1');
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await post(
      `/api/v1/benefits/cases/${caseId}/confirm`,
      c.enterprise,
      { ...body, bank_name: '工商银行' },
      'confirm-1',
    );
    expect([reused.statusCode, reused.json().error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const detail = (await get(`/api/v1/benefits/cases/${caseId}`, c.approver)).json();
    expect(detail.review_clock).toMatchObject({
      started_on: '2025-03-03',
      deadline: '2025-03-31',
      days_left: 20,
      is_warning: false,
      is_overdue: false,
    });
    expect(detail.bank.bank_account).toBe('****1234');
  });

  it('approves once under 50 concurrent approvals and opens 公示 for 5 working days', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          `/api/v1/benefits/cases/${caseId}/approve`,
          c.approver,
          { opinion: '经核查符合条件，同意' },
          `approve-${i}`,
        ),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(
      answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'INVALID_STATE_TRANSITION'),
    ).toBe(true);
    const events = await t.ctx.db
      .selectFrom('benefit_case_events')
      .select('id')
      .where('case_id', '=', caseId)
      .where('to_state', '=', 'approved')
      .execute();
    expect(events).toHaveLength(1);
    const notices = (await get('/api/v1/public/notices')).json();
    expect(notices.items).toEqual([
      expect.objectContaining({
        id: caseId,
        enterprise_name: '南京扬帆装备有限公司',
        amount_fen: 4_800_000,
        publicity_until: '2025-03-10',
      }),
    ]);
    expect(JSON.stringify(notices)).not.toContain(TEST_ENTERPRISE_USCC);
  });

  it('holds payment during 公示, while an objection is open, and for the approving account', async () => {
    const early = await post('/api/v1/benefits/payment-batches', c.releaser, { case_ids: [caseId] }, 'pay-early');
    expect(early.json().error.code).toBe('PUBLICITY_NOT_OVER');
    const objection = await post(
      `/api/v1/public/notices/${caseId}/objections`,
      undefined,
      { text: '该企业去年有规模裁员，请核实。' },
      'obj-1',
    );
    expect(objection.statusCode, objection.body).toBe(200);
    now = MONDAY + 8 * DAY; // 2025-03-11: 公示 over
    expect(
      (
        await post(
          '/api/v1/benefits/payment-batches',
          c.releaser,
          { case_ids: [caseId], expected_total_fen: 4_800_000 },
          'pay-objection',
        )
      ).json().error.code,
    ).toBe('OBJECTION_OPEN');
    const resolved = await post(
      `/api/v1/benefits/objections/${objection.json().id}/resolve`,
      c.province,
      { decision: 'dismissed', resolution: '经核查裁员率 0.84%，异议不成立' },
      'resolve-1',
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    const own = await post(
      '/api/v1/benefits/payment-batches',
      c.approver,
      { case_ids: [caseId], expected_total_fen: 4_800_000 },
      'pay-own',
    );
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
  });

  it('releases once under 50 concurrent payment requests: one payment, one ledger entry', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          '/api/v1/benefits/payment-batches',
          c.releaser,
          { case_ids: [caseId], expected_total_fen: 4_800_000 },
          `pay-${i}`,
        ),
      ),
    );
    expect(
      answers.filter((a) => a.statusCode === 200),
      answers.map((a) => a.statusCode).join(','),
    ).toHaveLength(1);
    const journal = await t.ctx.db.selectFrom('benefit_journal').selectAll().where('case_id', '=', caseId).execute();
    expect(journal.map((j) => j.kind)).toEqual(['release']);
    expect(
      await t.ctx.db.selectFrom('benefit_payments').select('id').where('case_id', '=', caseId).execute(),
    ).toHaveLength(1);
    const outbox = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select('id')
      .where('channel', '=', 'payment_instruction')
      .execute();
    expect(outbox).toHaveLength(1);
  });

  it('imports the bank result, retries a failure as the same payment and reconciles the ledger', async () => {
    const payment = await t.ctx.db
      .selectFrom('benefit_payments')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const apply = (instruction: string, result: 'paid' | 'failed') =>
      t.ctx.db.transaction().execute((trx) =>
        applyBankResult(trx, t.ctx, systemActor('bank'), {
          instruction,
          result,
          reference: 'B1',
          reason: result === 'failed' ? '账户名不符' : null,
        }),
      );
    expect(await apply(`${payment.id}-1`, 'failed')).toEqual({ status: 'accepted' });
    const retry = await post(
      '/api/v1/benefits/payment-batches',
      c.releaser,
      { case_ids: [caseId], expected_total_fen: 4_800_000 },
      'retry-1',
    );
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await apply(`${payment.id}-1`, 'paid')).status).toBe('rejected');
    expect(await apply(`${payment.id}-2`, 'paid')).toEqual({ status: 'accepted' });
    expect(await apply(`${payment.id}-2`, 'paid')).toEqual({ status: 'unchanged' });
    const report = (await get('/api/v1/benefits/ledger/reconciliation', c.province)).json();
    expect(report).toMatchObject({
      balanced: true,
      total: { debit_fen: 9_600_000, credit_fen: 9_600_000, paid_fen: 4_800_000 },
    });
    expect(
      report.rows.map((row: { region_code: string; region_name: string }) => [row.region_code, row.region_name]),
    ).toEqual([['320115', '南京市江宁区']]);
    expect(await reconcileLedger(t.ctx, {})).toMatchObject({ balanced: true });
    expect(await paidBenefitsByEnterpriseMonth(t.ctx, { from: '202503', to: '202503' })).toEqual([
      { uscc: TEST_ENTERPRISE_USCC, month: '202503', amount_fen: 4_800_000, cases: 1, policies: 1 },
    ]);
    expect(
      (await get(`/api/v1/benefits/cases/${caseId}`, c.enterprise)).json().history.map((h: { to: string }) => h.to),
    ).toEqual([
      'matched',
      'confirmed',
      'approved',
      'payment_instructed',
      'payment_failed',
      'payment_instructed',
      'paid',
    ]);
    const settled = (await get(`/api/v1/benefits/cases/${caseId}`, c.enterprise)).json();
    expect(settled.reason, 'the failure reason is history once the money arrived').toBeNull();
    // Notices name the policy as the enterprise knows it, not by its code.
    const bodies = (await get('/api/v1/benefits/inbox', c.enterprise))
      .json()
      .items.map((n: { body: string }) => n.body)
      .join('\n');
    expect(bodies).toContain('您单位的失业保险稳岗返还（2025）拨付失败：账户名不符');
    expect(bodies).toContain('您单位的失业保险稳岗返还（2025）48,000.00 元已拨付到账');
    expect(bodies).not.toContain('stable_jobs_refund');
  });
});
