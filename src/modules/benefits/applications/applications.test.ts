import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../../db/convert.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../../policy/policy.fixtures.ts';
import { createMatchRun } from '../match/match.service.ts';

// Monday 2025-03-03, 10:00 in Shanghai; the 20th working day after it is 2025-03-31.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const MB = 1024 * 1024;
const PDF = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
const PNG = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const JPG = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]);
const ACCOUNT = {
  bank_name: '中国银行南京江宁支行',
  bank_account: '6216 6100 0000 1234',
  account_holder: '南京扬帆装备有限公司',
};

/** A multipart body with one file in the field `file`, as a browser sends it (UTF-8 file name). */
function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----yangfan${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(testDialects())('即申即享 applications with materials on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  const c = {} as Record<'province' | 'enterprise' | 'other' | 'nanjing' | 'wuxi', string>;
  const cases: Record<'internship' | 'correction' | 'refund' | 'otherInternship', number> = {} as never;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    t.ctx.clock = () => new Date(MONDAY);
    for (const [name, role, over] of [
      ['province', 'province_hrss', {}],
      ['enterprise', 'enterprise', {}],
      ['other', 'enterprise', { uscc: world.e2 }],
      ['nanjing', 'city_hrss', {}],
      ['wuxi', 'city_hrss', { regionCode: '320200' }],
    ] as const)
      c[name] = (await t.loginAs(role, over)).cookie;
    const runId = await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025');
    cases.internship = await insertCase('internship_subsidy', TEST_ENTERPRISE_USCC, runId);
    cases.correction = await insertCase('internship_subsidy', TEST_ENTERPRISE_USCC, runId, '2024');
    cases.refund = await insertCase('stable_jobs_refund', TEST_ENTERPRISE_USCC, runId);
    cases.otherInternship = await insertCase('internship_subsidy', world.e2, runId);
  }, 60_000);
  afterAll(() => t.close());

  async function insertCase(policy: string, uscc: string, runId: number, period = '2025'): Promise<number> {
    const version = await t.ctx.db
      .selectFrom('policy_versions')
      .select('id')
      .where('code', '=', policy)
      .executeTakeFirstOrThrow();
    const at = new Date(MONDAY).toISOString();
    const row = await t.ctx.db
      .insertInto('benefit_cases')
      .values({
        policy_code: policy,
        period,
        uscc,
        enterprise_name: uscc === TEST_ENTERPRISE_USCC ? '南京扬帆装备有限公司' : '玄武大型软件有限公司',
        region_code: uscc === TEST_ENTERPRISE_USCC ? '320115' : '320102',
        city_code: '320100',
        state: 'matched',
        amount_fen: 1_200_000,
        rerun_amount_fen: null,
        is_amount_changed: 0,
        explanation: '[]',
        policy_version_id: toNumber(version.id),
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
    return toNumber(row.id);
  }

  const upload = (
    caseId: number,
    code: string,
    fileName: string,
    bytes: Buffer,
    cookie: string,
    key = `up-${randomBytes(6).toString('hex')}`,
  ) => {
    const body = multipart(fileName, bytes);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/benefits/cases/${caseId}/attachments/${code}`,
      payload: body.payload,
      headers: { cookie, 'content-type': body.contentType, 'idempotency-key': key },
    });
  };
  const post = (url: string, cookie: string, payload: unknown, key: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, 'idempotency-key': key } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const remove = (id: number, cookie: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/v1/benefits/attachments/${id}`,
      headers: { cookie, 'idempotency-key': `del-${id}-${randomBytes(4).toString('hex')}` },
    });
  const errorOf = (response: { statusCode: number; json: () => any }) => [
    response.statusCode,
    response.json().error?.code,
  ];
  const stored = (caseId: number) =>
    t.ctx.db
      .selectFrom('benefit_attachments')
      .select(['id', 'attachment_code', 'sha256', 'submitted_at'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();

  it('tells the case page which policies need an application and which materials are missing', async () => {
    const application = (await get(`/api/v1/benefits/cases/${cases.internship}/application`, c.enterprise)).json();
    expect(application).toMatchObject({ delivery: 'application', is_editable: true, max_bytes_ceiling: 20 * MB });
    expect(
      application.materials.map((m: { name: string; required: boolean; max_bytes: number }) => [
        m.name,
        m.required,
        m.max_bytes,
      ]),
    ).toEqual([
      ['见习协议', true, 10 * MB],
      ['见习人员花名册', true, 10 * MB],
      ['见习生活补助发放凭证', true, 10 * MB],
    ]);
    expect(application.missing.map((m: { name: string }) => m.name)).toEqual([
      '见习协议',
      '见习人员花名册',
      '见习生活补助发放凭证',
    ]);
    expect((await get(`/api/v1/benefits/cases/${cases.refund}/application`, c.enterprise)).json()).toMatchObject({
      delivery: 'exempt',
      materials: [],
      missing: [],
      is_editable: false,
    });
  });

  it('stores a file once per Idempotency-Key, with its hash, size, types, uploader and time', async () => {
    const bytes = PDF();
    const first = await upload(
      cases.internship,
      'internship_agreement',
      '见习协议（张三）.pdf',
      bytes,
      c.enterprise,
      'agreement-1',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      attachment_code: 'internship_agreement',
      file_name: '见习协议（张三）.pdf',
      type: 'pdf',
      size_bytes: bytes.length,
      submitted_at: null,
      uploaded_at: new Date(MONDAY).toISOString(),
    });
    const replay = await upload(
      cases.internship,
      'internship_agreement',
      '见习协议（张三）.pdf',
      bytes,
      c.enterprise,
      'agreement-1',
    );
    expect([replay.json(), replay.headers['idempotent-replayed']]).toEqual([first.json(), 'true']);
    expect(
      errorOf(
        await upload(
          cases.internship,
          'internship_agreement',
          '见习协议（张三）.pdf',
          PDF(),
          c.enterprise,
          'agreement-1',
        ),
      ),
    ).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const rows = await t.ctx.db
      .selectFrom('benefit_attachments')
      .selectAll()
      .where('case_id', '=', cases.internship)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      declared_type: 'pdf',
      detected_type: 'pdf',
      uploaded_by_name: expect.stringMatching(/^enterprise/),
    });
    expect(rows[0]!.sha256).toBe(first.json().sha256);
    expect(Buffer.from(rows[0]!.content).equals(bytes)).toBe(true);
  });

  it('refuses files too big for the material or for any material, of a type not accepted, or disguised by their name', async () => {
    const tooBig = await upload(cases.internship, 'trainee_roster', '花名册.pdf', PDF(10 * MB), c.enterprise);
    expect(errorOf(tooBig)).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
    expect(tooBig.json().error.message).toContain('「见习人员花名册」单个文件不能超过 10 MB');
    const overCeiling = await upload(cases.internship, 'trainee_roster', '花名册.pdf', PDF(20 * MB), c.enterprise);
    expect(errorOf(overCeiling)).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
    expect(overCeiling.json().error.message).toContain('单个文件不能超过 20 MB');
    const word = await upload(
      cases.internship,
      'trainee_roster',
      '花名册.docx',
      Buffer.from('PK\u0003\u0004 word'),
      c.enterprise,
    );
    expect(errorOf(word)).toEqual([415, 'ATTACHMENT_TYPE_NOT_ALLOWED']);
    expect(word.json().error.message).toBe(
      '「见习人员花名册」只接受 PDF、JPG 图片、PNG 图片 文件，「花名册.docx」不是',
    );
    const disguised = await upload(cases.internship, 'trainee_roster', '花名册.pdf', PNG(), c.enterprise);
    expect(errorOf(disguised)).toEqual([422, 'ATTACHMENT_TYPE_MISMATCH']);
    expect(disguised.json().error.message).toContain('文件名表明是 PDF，但实际是 PNG 图片');
    expect(
      errorOf(
        await upload(cases.internship, 'trainee_roster', '花名册.png', Buffer.from('MZ\u0090 program'), c.enterprise),
      ),
    ).toEqual([422, 'ATTACHMENT_TYPE_MISMATCH']);
    expect(errorOf(await upload(cases.internship, 'no_such_material', 'a.pdf', PDF(), c.enterprise))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(errorOf(await upload(cases.refund, 'labour_contract', 'a.pdf', PDF(), c.enterprise))).toEqual([
      422,
      'APPLICATION_NOT_NEEDED',
    ]);
    expect(await stored(cases.internship)).toHaveLength(1);
  });

  it('lets no one reach another enterprise’s case or another region’s materials', async () => {
    expect(errorOf(await upload(cases.internship, 'trainee_roster', '花名册.pdf', PDF(), c.other))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(errorOf(await upload(cases.otherInternship, 'trainee_roster', '花名册.pdf', PDF(), c.enterprise))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    const [file] = await stored(cases.internship);
    for (const cookie of [c.other, c.wuxi]) {
      expect(errorOf(await get(`/api/v1/benefits/cases/${cases.internship}/application`, cookie))).toEqual([
        404,
        'NOT_FOUND',
      ]);
      expect(errorOf(await get(`/api/v1/benefits/attachments/${file!.id}/file`, cookie))).toEqual([404, 'NOT_FOUND']);
    }
    expect(errorOf(await remove(toNumber(file!.id), c.other))).toEqual([404, 'NOT_FOUND']);
    expect(errorOf(await upload(cases.internship, 'trainee_roster', '花名册.pdf', PDF(), c.nanjing))).toEqual([
      403,
      'FORBIDDEN',
    ]);
  });

  it('refuses the one-click confirmation of an application policy and the application of an exempt one', async () => {
    const confirm = await post(
      `/api/v1/benefits/cases/${cases.internship}/confirm`,
      c.enterprise,
      ACCOUNT,
      'confirm-internship',
    );
    expect(errorOf(confirm)).toEqual([422, 'APPLICATION_REQUIRED']);
    expect(confirm.json().error.message).toContain('请上传申请材料后点击“提交申请”');
    expect(
      errorOf(await post(`/api/v1/benefits/cases/${cases.refund}/apply`, c.enterprise, ACCOUNT, 'apply-refund')),
    ).toEqual([422, 'APPLICATION_NOT_NEEDED']);
    expect(
      (await post(`/api/v1/benefits/cases/${cases.refund}/confirm`, c.enterprise, ACCOUNT, 'confirm-refund'))
        .statusCode,
    ).toBe(200);
  });

  it('refuses an application that misses required materials, naming them', async () => {
    const extra = await upload(cases.internship, 'trainee_roster', '花名册.jpg', JPG(), c.enterprise);
    expect(extra.statusCode, extra.body).toBe(200);
    expect((await remove(extra.json().id, c.enterprise)).json()).toEqual({ id: extra.json().id, deleted: true });
    const refused = await post(
      `/api/v1/benefits/cases/${cases.internship}/apply`,
      c.enterprise,
      ACCOUNT,
      'apply-early',
    );
    expect(errorOf(refused)).toEqual([422, 'APPLICATION_INCOMPLETE']);
    expect(refused.json().error).toMatchObject({
      message: '申请材料不齐全，还缺少：见习人员花名册、见习生活补助发放凭证',
      details: {
        missing: [
          { code: 'trainee_roster', name: '见习人员花名册' },
          { code: 'allowance_payment_proof', name: '见习生活补助发放凭证' },
        ],
      },
    });
    expect((await get(`/api/v1/benefits/cases/${cases.internship}`, c.enterprise)).json().state).toBe('matched');
  });

  it('submits a complete application once, starts the 20-working-day review and locks the submitted files', async () => {
    expect((await upload(cases.internship, 'trainee_roster', '花名册.png', PNG(), c.enterprise)).statusCode).toBe(200);
    expect(
      (await upload(cases.internship, 'allowance_payment_proof', '发放凭证.jpeg', JPG(), c.enterprise)).statusCode,
    ).toBe(200);
    const first = await post(`/api/v1/benefits/cases/${cases.internship}/apply`, c.enterprise, ACCOUNT, 'apply-1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ id: cases.internship, state: 'confirmed' });
    const replay = await post(`/api/v1/benefits/cases/${cases.internship}/apply`, c.enterprise, ACCOUNT, 'apply-1');
    expect([replay.json(), replay.headers['idempotent-replayed']]).toEqual([first.json(), 'true']);
    expect(
      errorOf(await post(`/api/v1/benefits/cases/${cases.internship}/apply`, c.enterprise, ACCOUNT, 'apply-2')),
    ).toEqual([409, 'INVALID_STATE_TRANSITION']);
    const detail = (await get(`/api/v1/benefits/cases/${cases.internship}`, c.nanjing)).json();
    expect(detail.review_clock).toMatchObject({ started_on: '2025-03-03', deadline: '2025-03-31', days_left: 20 });
    expect(detail.bank.bank_account).toBe('****1234');
    expect(detail.history.filter((h: { to: string }) => h.to === 'confirmed')).toEqual([
      expect.objectContaining({ note: '提交申请材料 3 份' }),
    ]);
    const files = await stored(cases.internship);
    expect(files.map((f) => f.submitted_at)).toEqual(Array(3).fill(new Date(MONDAY).toISOString()));
    expect(errorOf(await remove(toNumber(files[0]!.id), c.enterprise))).toEqual([409, 'ATTACHMENT_LOCKED']);
    expect(errorOf(await upload(cases.internship, 'trainee_roster', '补充.pdf', PDF(), c.enterprise))).toEqual([
      409,
      'INVALID_STATE_TRANSITION',
    ]);
  });

  it('shows the city of the region and the province every file, audits each download, and lets the city approve', async () => {
    const application = (await get(`/api/v1/benefits/cases/${cases.internship}/application`, c.nanjing)).json();
    expect(application).toMatchObject({ is_editable: false, missing: [] });
    const [agreement] = application.materials[0].files;
    const before = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'personal_data.view')
      .where('object_type', '=', 'benefit_attachment')
      .execute();
    for (const cookie of [c.nanjing, c.province, c.enterprise]) {
      const download = await get(agreement.download_url, cookie);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('见习协议（张三）.pdf')}`,
      );
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const after = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'personal_data.view')
      .where('object_type', '=', 'benefit_attachment')
      .execute();
    expect(after.length - before.length).toBe(3);
    const approved = await post(
      `/api/v1/benefits/cases/${cases.internship}/approve`,
      c.nanjing,
      { opinion: '材料齐全，同意' },
      'approve-internship',
    );
    expect([approved.statusCode, approved.json().state]).toEqual([200, 'approved']);
  });

  it('takes a corrected application after a return: new files beside the submitted ones, the clock restarted', async () => {
    for (const [code, name] of [
      ['internship_agreement', '见习协议.pdf'],
      ['trainee_roster', '花名册.pdf'],
      ['allowance_payment_proof', '发放凭证.pdf'],
    ] as const) {
      expect((await upload(cases.correction, code, name, PDF(), c.enterprise)).statusCode).toBe(200);
    }
    expect(
      (await post(`/api/v1/benefits/cases/${cases.correction}/apply`, c.enterprise, ACCOUNT, 'apply-correction-1'))
        .statusCode,
    ).toBe(200);
    const returned = await post(
      `/api/v1/benefits/cases/${cases.correction}/return`,
      c.nanjing,
      { reason: '见习协议缺少签字页' },
      'return-correction',
    );
    expect(returned.json().state).toBe('returned');
    const [submitted] = await stored(cases.correction);
    expect(errorOf(await remove(toNumber(submitted!.id), c.enterprise))).toEqual([409, 'ATTACHMENT_LOCKED']);
    expect(
      (await upload(cases.correction, 'internship_agreement', '见习协议（含签字页）.pdf', PDF(), c.enterprise))
        .statusCode,
    ).toBe(200);
    const again = await post(
      `/api/v1/benefits/cases/${cases.correction}/apply`,
      c.enterprise,
      ACCOUNT,
      'apply-correction-2',
    );
    expect(again.json()).toEqual({ id: cases.correction, state: 'confirmed' });
    expect((await stored(cases.correction)).every((f) => f.submitted_at !== null)).toBe(true);
    const history = (await get(`/api/v1/benefits/cases/${cases.correction}`, c.enterprise))
      .json()
      .history.map((h: { to: string }) => h.to);
    expect(history).toEqual(['confirmed', 'returned', 'confirmed']);
  });
});
