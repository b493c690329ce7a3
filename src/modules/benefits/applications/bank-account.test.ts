import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../bootstrap.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { createMatchRun, executeMatchRun } from '../match/match.service.ts';
import { PAYMENT_FILE_HEADER } from '../payments/payment-file.ts';

// Monday 2025-03-03, 10:00 in Shanghai; 公示 of an approval that day ends 2025-03-10.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const DAY = 86_400_000;
const ACCOUNT = '6216610000001234';
const LEGACY_ACCOUNT = '6222000011112222567';
const LEGACY_FILE = `\ufeff${PAYMENT_FILE_HEADER.join(',')}\r\n1-1,9,913201000000000001,旧企业,旧银行,${LEGACY_ACCOUNT},100.00,stable_jobs_refund 2024\r\n`;

describe.each(testDialects())('receiving bank accounts at rest on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  let now = MONDAY;
  const c: Record<string, string> = {};
  let caseId = 0;
  let legacyCaseId = 0;
  let legacyBatchId = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    for (const [name, role] of [
      ['province', 'province_hrss'],
      ['enterprise', 'enterprise'],
      ['approver', 'city_hrss'],
      ['releaser', 'city_hrss'],
    ] as const) {
      c[name] = (await t.loginAs(role)).cookie;
    }
    t.ctx.clock = () => new Date(now);
    await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025'),
    );
    caseId = Number(
      (await t.ctx.db.selectFrom('benefit_cases').select('id').where('uscc', '=', world.e1).executeTakeFirstOrThrow())
        .id,
    );
  }, 60_000);
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object, key: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'idempotency-key': key } });
  const caseRow = (id: number) =>
    t.ctx.db.selectFrom('benefit_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const batchRow = (id: number) =>
    t.ctx.db.selectFrom('benefit_payment_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('stores a confirmed account only as ciphertext and its last four digits; the case shows ****1234', async () => {
    const answer = await post(
      `/api/v1/benefits/cases/${caseId}/confirm`,
      c.enterprise!,
      {
        bank_name: '中国银行南京江宁支行',
        bank_account: '6216 6100 0000 1234',
        account_holder: '南京扬帆装备有限公司',
      },
      'confirm-1',
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ bank_account: null, bank_account_tail: '1234' });
    expect(JSON.stringify(row)).not.toContain(ACCOUNT);
    expect(t.ctx.cipher.decrypt(row.bank_account_enc!)).toBe(ACCOUNT);
    const detail = (await get(`/api/v1/benefits/cases/${caseId}`, c.approver!)).json();
    expect(detail.bank).toEqual({
      bank_name: '中国银行南京江宁支行',
      bank_account: '****1234',
      account_holder: '南京扬帆装备有限公司',
    });
    expect((await get(`/api/v1/benefits/cases/${caseId}`, c.enterprise!)).body).not.toContain(ACCOUNT);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'benefits.case.confirm')
      .execute();
    expect(audit.map((a) => a.details).join('\n')).not.toContain(ACCOUNT);
  });

  it('encrypts accounts and payment files stored in plaintext at start-up, once: a second start changes nothing', async () => {
    const { id: _id, revision: _revision, ...template } = await caseRow(caseId);
    const legacyCase = await t.ctx.db
      .insertInto('benefit_cases')
      .values({
        ...template,
        period: '2024',
        state: 'approved',
        bank_name: '工商银行',
        bank_account: LEGACY_ACCOUNT,
        bank_account_enc: null,
        bank_account_tail: null,
        publicity_from: '2025-02-20',
        publicity_until: '2025-02-27',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    legacyCaseId = Number(legacyCase.id);
    const legacyBatch = await t.ctx.db
      .insertInto('benefit_payment_batches')
      .values({
        file_name: 'payment-legacy.csv',
        content: LEGACY_FILE,
        sha256: 'legacy',
        payments: 1,
        total_fen: 10_000,
        created_by: null,
        created_at: '2025-02-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    legacyBatchId = Number(legacyBatch.id);

    await prepareDatabase(t.ctx);
    const sealedCase = await caseRow(legacyCaseId);
    expect(sealedCase).toMatchObject({ bank_account: null, bank_account_tail: '2567' });
    expect(t.ctx.cipher.decrypt(sealedCase.bank_account_enc!)).toBe(LEGACY_ACCOUNT);
    const sealedBatch = await batchRow(legacyBatchId);
    expect(sealedBatch.content).toBe('');
    expect(sealedBatch.content_enc).not.toContain(LEGACY_ACCOUNT);
    expect(t.ctx.cipher.decrypt(sealedBatch.content_enc!)).toBe(LEGACY_FILE);
    const confirmed = await caseRow(caseId);
    expect(confirmed.bank_account_enc, 'an account already encrypted is left as it is').toBe(template.bank_account_enc);

    await prepareDatabase(t.ctx);
    expect(await caseRow(legacyCaseId)).toEqual(sealedCase);
    expect(await batchRow(legacyBatchId)).toEqual(sealedBatch);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'benefits.bank_accounts.encrypt')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([{ cases: 1, payment_files: 1 }]);
    expect((await get(`/api/v1/benefits/cases/${legacyCaseId}`, c.province!)).json().bank.bank_account).toBe(
      '****2567',
    );
  });

  it('writes whole accounts into the payment file, stores the file encrypted, and audits each download as a whole view', async () => {
    expect(
      (await post(`/api/v1/benefits/cases/${caseId}/approve`, c.approver!, { opinion: '符合条件，同意' }, 'approve-1'))
        .statusCode,
    ).toBe(200);
    now = MONDAY + 8 * DAY; // 2025-03-11: 公示 over
    const preview = (
      await post(
        '/api/v1/benefits/payment-batches/preview',
        c.releaser!,
        { case_ids: [caseId, legacyCaseId] },
        'preview-1',
      )
    ).json();
    expect(JSON.stringify(preview)).not.toContain(ACCOUNT);
    const batch = await post(
      '/api/v1/benefits/payment-batches',
      c.releaser!,
      { case_ids: [caseId, legacyCaseId], preview_token: preview.token },
      'pay-1',
    );
    expect(batch.statusCode, batch.body).toBe(200);
    const batchId = batch.json().id as number;
    const stored = await batchRow(batchId);
    expect(stored.content).toBe('');
    expect(stored.content_enc).not.toContain(ACCOUNT);

    const download = await get(`/api/v1/benefits/payment-batches/${batchId}/file`, c.province!);
    expect(download.statusCode, download.body).toBe(200);
    const [header, ...lines] = download.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const column = header!.indexOf('银行账号');
    expect(column).toBeGreaterThan(-1);
    expect(lines.map((line) => [line[1], line[column]])).toEqual([
      [String(caseId), ACCOUNT],
      [String(legacyCaseId), LEGACY_ACCOUNT],
    ]);

    const legacy = await get(`/api/v1/benefits/payment-batches/${legacyBatchId}/file`, c.province!);
    expect(legacy.body).toBe(LEGACY_FILE);
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select(['object_type', 'object_id', 'details'])
      .where('action', '=', 'personal_data.view')
      .orderBy('id')
      .execute();
    expect(views.map((v) => [v.object_type, v.object_id, JSON.parse(v.details!).whole_document])).toEqual([
      ['benefit_payment_batch', String(batchId), true],
      ['benefit_payment_batch', String(legacyBatchId), true],
    ]);
  });
});
