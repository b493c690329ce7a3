import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../../db/convert.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { sealedAccountColumns } from '../applications/bank-account.ts';
import { createMatchRun } from '../match/match.service.ts';

// Monday 2025-03-03, 10:00 in Shanghai; 公示 of 5 working days ends 2025-03-10.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const DAY = 86_400_000;

/**
 * Safeguards on the money steps: approval needs an opinion (kept in the case history and the
 * audit row); bulk approval and payment instructions run only as previewed — the preview's token
 * or the exact list and total — and refuse, in Chinese, when the selection changed meanwhile.
 */
describe.each(testDialects())('money steps run as previewed on %s', (dialect) => {
  let t: TestApp;
  let now = MONDAY;
  const c: Record<string, string> = {};
  let serial = 0;
  let world: PolicyWorld;
  let runId = 0;
  let versionId = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    runId = await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025');
    const run = await t.ctx.db
      .selectFrom('benefit_match_runs')
      .select('policy_version_id')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    versionId = toNumber(run.policy_version_id);
    for (const name of ['approver', 'other', 'releaser']) c[name] = (await t.loginAs('city_hrss')).cookie;
    c.province = (await t.loginAs('province_hrss')).cookie;
    // Sessions began on the real clock; business dates follow the test's.
    t.ctx.clock = () => new Date(now);
  }, 60_000);
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload: unknown, key = `k-${Math.random()}`) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, 'idempotency-key': key } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  /** A confirmed case in 南京 with a sealed receiving account. */
  async function confirmedCase(amountFen: number, account = '6216610000009876'): Promise<number> {
    serial += 1;
    const at = new Date(now).toISOString();
    const row = await t.ctx.db
      .insertInto('benefit_cases')
      .values({
        policy_code: 'stable_jobs_refund',
        period: `P${serial}`,
        uscc: world.e1,
        enterprise_name: `南京测试企业${serial}`,
        region_code: '320115',
        city_code: '320100',
        state: 'confirmed',
        amount_fen: amountFen,
        rerun_amount_fen: null,
        is_amount_changed: 0,
        explanation: '[]',
        policy_version_id: versionId,
        run_id: runId,
        last_run_id: runId,
        bank_name: '中国银行南京江宁支行',
        ...sealedAccountColumns(t.ctx.cipher, account),
        account_holder: `南京测试企业${serial}`,
        review_started_on: '2025-03-03',
        review_deadline: '2025-03-31',
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
    return toNumber(row.id);
  }

  const auditDetails = async (action: string, objectId: number) => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'object_id'])
      .where('action', '=', action)
      .execute();
    return rows.filter((r) => String(r.object_id) === String(objectId)).map((r) => JSON.parse(r.details!));
  };

  it('approves a case only with an opinion, kept in its history and its audit row', async () => {
    const id = await confirmedCase(480_000);
    const missing = await post(`/api/v1/benefits/cases/${id}/approve`, c.approver!, {});
    expect([missing.statusCode, missing.json().error.code, missing.json().error.message]).toEqual([
      422,
      'OPINION_REQUIRED',
      '审核通过须填写审核意见（2–500 字）',
    ]);
    expect((await post(`/api/v1/benefits/cases/${id}/approve`, c.approver!, { opinion: '  ' })).json().error.code).toBe(
      'OPINION_REQUIRED',
    );
    const stale = await post(`/api/v1/benefits/cases/${id}/approve`, c.approver!, {
      opinion: '同意',
      expected_amount_fen: 470_000,
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'PREVIEW_CHANGED']);
    expect(stale.json().error.message).toBe(
      '案件金额已由 4,700.00 元 变为 4,800.00 元，未审核通过。请核对后重新确认。',
    );
    const approved = await post(`/api/v1/benefits/cases/${id}/approve`, c.approver!, {
      opinion: ' 经核查，裁员率与缴费均符合条件，同意 ',
      expected_amount_fen: 480_000,
    });
    expect(approved.json()).toEqual({ id, state: 'approved' });
    const history = (await get(`/api/v1/benefits/cases/${id}`, c.approver!)).json().history;
    expect(history.at(-1)).toMatchObject({
      from: 'confirmed',
      to: 'approved',
      note: '经核查，裁员率与缴费均符合条件，同意',
    });
    expect(await auditDetails('benefits.case.approve', id)).toEqual([
      expect.objectContaining({ opinion: '经核查，裁员率与缴费均符合条件，同意', amount_fen: 480_000 }),
    ]);
  });

  it('previews a bulk approval with masked accounts and the total, and approves exactly what was previewed', async () => {
    const ids = [await confirmedCase(100_000), await confirmedCase(250_050), await confirmedCase(30_000)];
    const preview = await post('/api/v1/benefits/cases/bulk-approve/preview', c.approver!, {
      case_ids: [...ids, 999_999],
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({
      count: 3,
      total_fen: 380_050,
      total_yuan: '3,800.50 元',
      skipped: [{ id: 999_999, reason: 'NOT_FOUND', state: null }],
    });
    expect(body.cases.map((line: { id: number }) => line.id)).toEqual(ids);
    expect(body.cases[0]).toMatchObject({
      bank_name: '中国银行南京江宁支行',
      bank_account: '****9876',
      amount_yuan: '1,000.00 元',
    });
    expect(preview.body).not.toContain('6216610000009876');
    expect(body.token).toMatch(/^p1-3-380050-[0-9a-f]{32}$/);
    expect(
      await t.ctx.db
        .selectFrom('benefit_cases')
        .select('id')
        .where('id', 'in', ids)
        .where('state', '=', 'approved')
        .execute(),
      'a preview changes nothing',
    ).toEqual([]);

    const unconfirmed = await post('/api/v1/benefits/cases/bulk-approve', c.approver!, {
      case_ids: ids,
      opinion: '同意',
    });
    expect([unconfirmed.statusCode, unconfirmed.json().error.code]).toEqual([422, 'PREVIEW_REQUIRED']);
    expect(
      (
        await post('/api/v1/benefits/cases/bulk-approve', c.approver!, { case_ids: ids, preview_token: body.token })
      ).json().error.code,
    ).toBe('OPINION_REQUIRED');

    // Another official approves one of them meanwhile: the batch is refused whole, saying what changed.
    expect((await post(`/api/v1/benefits/cases/${ids[1]}/approve`, c.other!, { opinion: '同意' })).statusCode).toBe(
      200,
    );
    const changed = await post('/api/v1/benefits/cases/bulk-approve', c.approver!, {
      case_ids: ids,
      preview_token: body.token,
      opinion: '批量核查无误，同意',
    });
    expect([changed.statusCode, changed.json().error.code]).toEqual([409, 'PREVIEW_CHANGED']);
    expect(changed.json().error.message).toBe(
      '预览后所选案件已有变化（确认时 3 件、合计 3,800.50 元；现在 2 件、合计 1,300.00 元），批量审核通过未执行。请重新预览并确认。',
    );
    expect(
      await t.ctx.db
        .selectFrom('benefit_cases')
        .select('id')
        .where('id', 'in', [ids[0]!, ids[2]!])
        .where('state', '=', 'approved')
        .execute(),
    ).toEqual([]);

    const again = (await post('/api/v1/benefits/cases/bulk-approve/preview', c.approver!, { case_ids: ids })).json();
    expect(again).toMatchObject({
      count: 2,
      total_fen: 130_000,
      skipped: [{ id: ids[1], reason: 'INVALID_STATE_TRANSITION', state: 'approved' }],
    });
    const done = await post('/api/v1/benefits/cases/bulk-approve', c.approver!, {
      case_ids: ids,
      preview_token: again.token,
      opinion: '批量核查无误，同意',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({
      approved: 2,
      results: [
        { id: ids[0], state: 'approved', skipped: null },
        { id: ids[1], state: 'approved', skipped: 'INVALID_STATE_TRANSITION' },
        { id: ids[2], state: 'approved', skipped: null },
      ],
    });
    expect((await get(`/api/v1/benefits/cases/${ids[2]}`, c.approver!)).json().history.at(-1).note).toBe(
      '批量核查无误，同意',
    );
    expect(await auditDetails('benefits.case.approve', ids[0]!)).toEqual([
      expect.objectContaining({ opinion: '批量核查无误，同意' }),
    ]);
  });

  it('accepts the exact list and its total instead of the token, and refuses a different total', async () => {
    const ids = [await confirmedCase(10_000), await confirmedCase(20_000)];
    const wrong = await post('/api/v1/benefits/cases/bulk-approve', c.approver!, {
      case_ids: ids,
      expected_total_fen: 25_000,
      opinion: '同意',
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([409, 'PREVIEW_CHANGED']);
    expect(wrong.json().error.message).toContain('确认时合计 250.00 元；现在 2 件、合计 300.00 元');
    const right = await post('/api/v1/benefits/cases/bulk-approve', c.approver!, {
      case_ids: ids,
      expected_total_fen: 30_000,
      opinion: '同意',
    });
    expect(right.json().approved).toBe(2);
  });

  it('previews a payment instruction and refuses it when another case became payable meanwhile', async () => {
    now = MONDAY + 8 * DAY; // 2025-03-11: every 公示 above is over
    const preview = await post('/api/v1/benefits/payment-batches/preview', c.releaser!, {});
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.count).toBe(6);
    expect(body.cases.every((line: { bank_account: string }) => line.bank_account === '****9876')).toBe(true);
    expect(preview.body).not.toContain('6216610000009876');
    expect(await t.ctx.db.selectFrom('benefit_payments').select('id').execute(), 'a preview pays nothing').toEqual([]);
    expect((await post('/api/v1/benefits/payment-batches', c.releaser!, {})).json().error.code).toBe(
      'PREVIEW_REQUIRED',
    );

    // A case approved and past 公示 after the preview would join an unlisted batch: refused.
    const late = await confirmedCase(77_700);
    await post(`/api/v1/benefits/cases/${late}/approve`, c.approver!, { opinion: '同意' });
    now += 8 * DAY;
    const changed = await post('/api/v1/benefits/payment-batches', c.releaser!, { preview_token: body.token });
    expect([changed.statusCode, changed.json().error.code]).toEqual([409, 'PREVIEW_CHANGED']);
    expect(changed.json().error.message).toBe(
      `预览后所选案件已有变化（确认时 6 件、合计 ${body.total_yuan}；现在 7 件、合计 ${formatTotal(body.total_fen + 77_700)}），生成支付指令未执行。请重新预览并确认。`,
    );
    expect(await t.ctx.db.selectFrom('benefit_payments').select('id').execute()).toEqual([]);

    // The previewed list itself, with its token, still goes out as confirmed.
    const listed = body.cases.map((line: { id: number }) => line.id);
    const exact = (await post('/api/v1/benefits/payment-batches/preview', c.releaser!, { case_ids: listed })).json();
    expect(exact.token).toBe(body.token);
    const batch = await post('/api/v1/benefits/payment-batches', c.releaser!, {
      case_ids: listed,
      preview_token: exact.token,
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ payments: 6, total_fen: body.total_fen, case_ids: listed });
    const [audit] = await auditDetails('benefits.payment_batch.create', batch.json().id);
    expect(audit).toMatchObject({
      payments: 6,
      total_fen: body.total_fen,
      case_ids: listed,
      preview_token: body.token,
    });
  });

  it('exports the reconciliation of the page’s filters to Excel, with its differences and balance, audited', async () => {
    const response = await get('/api/v1/benefits/ledger/reconciliation/export?policy=stable_jobs_refund', c.province!);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('资金对账'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('资金对账')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 5)).toEqual(['政策', '地区', '月份', '借方（元）', '贷方（元）']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([['稳岗返还', '南京市江宁区', '202503']]);
    const released = rows[1]![6];
    expect(released).toBe(8_900.5);
    expect(rows[1]!.at(-1)).toBe('相符');
    const about: unknown[][] = [];
    workbook.getWorksheet('说明')!.eachRow((row) => about.push((row.values as unknown[]).slice(1)));
    expect(about).toContainEqual(['筛选条件', '政策：稳岗返还']);
    expect(about).toContainEqual(['核对结论', '借贷平衡，账实相符']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'benefits.ledger.export')
      .execute();
    expect(JSON.parse(audit.at(-1)!.details!)).toEqual({
      filters: { policy: 'stable_jobs_refund' },
      rows: 1,
      balanced: true,
    });
    expect((await get('/api/v1/benefits/ledger/reconciliation/export', c.approver!)).statusCode).toBe(403);
  });
});

function formatTotal(fen: number): string {
  return `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}
