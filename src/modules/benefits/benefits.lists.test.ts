import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/current-user.ts';
import { maskIdNumber } from '../../platform/crypto/masking.ts';
import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { syncPolicyCatalogue } from '../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld, type PolicyWorld } from '../policy/policy.fixtures.ts';
import { createMatchRun, executeMatchRun } from './match/match.service.ts';
import { encryptStoredObjections } from './cases/objection-text.ts';
import { insertPaymentBatch } from './payments/payments.repository.ts';

// Monday 2025-03-03, 10:00 in Shanghai: inside the 公示 window the cases below are given.
const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const PHONE = '13812345678';
const ID_NUMBER = makeIdNumber('320102', '1980-01-01', 123);

describe.each(testDialects())('benefits lists for the officials on %s', (dialect) => {
  let t: TestApp;
  let world: PolicyWorld;
  const c: Record<string, string> = {};
  const userIds: Record<string, number> = {};
  const cases: Record<'nanjing' | 'wuxi', number> = { nanjing: 0, wuxi: 0 };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.ctx.clock = () => new Date(MONDAY);
    await syncPolicyCatalogue(t.ctx);
    world = await buildPolicyWorld(t.ctx);
    for (const [name, role, over] of [
      ['province', 'province_hrss', {}],
      ['nanjing', 'city_hrss', {}],
      ['wuxi', 'city_hrss', { regionCode: '320200' }],
      ['enterprise', 'enterprise', {}],
      ['provinceWhole', 'province_hrss', { canViewPersonal: true }],
    ] as const) {
      const login = await t.loginAs(role, over);
      c[name] = login.cookie;
      userIds[name] = Number(
        (
          await t.ctx.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', login.username)
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025'),
    );
    cases.nanjing = await approvedCase(world.e1);
    cases.wuxi = await approvedCase(world.e3, {
      enterprise_name: '无锡新吴微电子有限公司',
      region_code: '320214',
      city_code: '320200',
      amount_fen: 1_200_000,
    });
  }, 60_000);
  afterAll(() => t.close());

  /** The matched case of an enterprise (or a copy of the Nanjing one for another), approved and in 公示. */
  async function approvedCase(uscc: string, over: Record<string, string | number> = {}): Promise<number> {
    const template = await t.ctx.db
      .selectFrom('benefit_cases')
      .selectAll()
      .where('uscc', '=', world.e1)
      .executeTakeFirstOrThrow();
    const patch = { state: 'approved' as const, publicity_from: '2025-03-03', publicity_until: '2025-03-10' };
    if (uscc === world.e1) {
      await t.ctx.db.updateTable('benefit_cases').set(patch).where('id', '=', template.id).execute();
      return Number(template.id);
    }
    const { id: _id, revision: _revision, ...row } = template;
    const inserted = await t.ctx.db
      .insertInto('benefit_cases')
      .values({ ...row, ...patch, ...over, uscc })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string | undefined, payload: object, key: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key } });

  describe('GET /api/v1/benefits/objections', () => {
    let nanjingObjection = 0;
    beforeAll(async () => {
      const filed = await post(
        `/api/v1/public/notices/${cases.nanjing}/objections`,
        undefined,
        { text: `该企业去年有裁员，举报人 ${PHONE}，身份证 ${ID_NUMBER}` },
        'obj-nanjing',
      );
      expect(filed.statusCode, filed.body).toBe(200);
      nanjingObjection = filed.json().id;
      expect(
        (
          await post(
            `/api/v1/public/notices/${cases.wuxi}/objections`,
            undefined,
            { text: '金额与实际参保人数不符，请核实。' },
            'obj-wuxi-1',
          )
        ).statusCode,
      ).toBe(200);
      const second = await post(
        `/api/v1/public/notices/${cases.wuxi}/objections`,
        undefined,
        { text: '重复申报，请核实。' },
        'obj-wuxi-2',
      );
      const resolved = await post(
        `/api/v1/benefits/objections/${second.json().id}/resolve`,
        c.province,
        { decision: 'dismissed', resolution: `经核查不成立，已电话 ${PHONE} 告知` },
        'resolve-wuxi-2',
      );
      expect(resolved.statusCode, resolved.body).toBe(200);
    });

    it('lists every objection with its case for the province, newest first, filtered by status', async () => {
      const all = (await get('/api/v1/benefits/objections', c.province)).json();
      expect(all.total).toBe(3);
      expect(all.items.map((o: { status: string }) => o.status)).toEqual(['dismissed', 'open', 'open']);
      const open = (await get('/api/v1/benefits/objections?status=open&pageSize=1&page=2', c.province)).json();
      expect(open).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(open.items).toEqual([
        expect.objectContaining({
          id: nanjingObjection,
          case_id: cases.nanjing,
          policy: 'stable_jobs_refund',
          period: '2025',
          enterprise_name: '南京扬帆装备有限公司',
          region_code: '320115',
          city_code: '320100',
          amount_fen: 4_800_000,
          amount_yuan: '48,000.00 元',
          case_state: 'approved',
          status: 'open',
          resolution: null,
          resolved_at: null,
          filed_at: '2025-03-03T02:00:00.000Z',
        }),
      ]);
      const resolved = (await get('/api/v1/benefits/objections?status=resolved', c.province)).json();
      expect(resolved.items).toEqual([
        expect.objectContaining({ case_id: cases.wuxi, status: 'dismissed', resolved_at: '2025-03-03T02:00:00.000Z' }),
      ]);
    });

    it('masks the ID and mobile numbers typed into an objection or its resolution', async () => {
      const body = (await get('/api/v1/benefits/objections', c.province)).body;
      expect(body).not.toContain(PHONE);
      expect(body).toContain('138****5678');
      expect(body).not.toContain(ID_NUMBER);
      expect(body).toContain(maskIdNumber(ID_NUMBER));
    });

    it('shows a city only the objections of its region', async () => {
      const nanjing = (await get('/api/v1/benefits/objections', c.nanjing)).json();
      expect(nanjing.items.map((o: { id: number }) => o.id)).toEqual([nanjingObjection]);
      const wuxi = (await get('/api/v1/benefits/objections?status=open', c.wuxi)).json();
      expect(wuxi.items.map((o: { city_code: string }) => o.city_code)).toEqual(['320200']);
    });

    it('stores the objection text only as SM4 ciphertext', async () => {
      const row = await t.ctx.db
        .selectFrom('benefit_objections')
        .select(['text', 'text_enc'])
        .where('id', '=', nanjingObjection)
        .executeTakeFirstOrThrow();
      expect(row.text).toBe('');
      expect(row.text_enc).not.toContain(PHONE);
      expect(row.text_enc).not.toContain(ID_NUMBER);
      expect(t.ctx.cipher.decrypt(row.text_enc!)).toBe(`该企业去年有裁员，举报人 ${PHONE}，身份证 ${ID_NUMBER}`);
    });

    it('opens the whole text for the case’s officials with the personal-data right, each view audited', async () => {
      const whole = await get(`/api/v1/benefits/objections/${nanjingObjection}/text`, c.provinceWhole);
      expect(whole.statusCode, whole.body).toBe(200);
      expect(whole.json()).toEqual({
        id: nanjingObjection,
        text: `该企业去年有裁员，举报人 ${PHONE}，身份证 ${ID_NUMBER}`,
      });
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'object_type', 'actor_id'])
        .where('object_type', '=', 'benefit_objection.text')
        .execute();
      expect(audit).toEqual([
        { action: 'personal_data.view', object_type: 'benefit_objection.text', actor_id: expect.anything() },
      ]);
      const withoutRight = await get(`/api/v1/benefits/objections/${nanjingObjection}/text`, c.province);
      expect([withoutRight.statusCode, withoutRight.json().error.code]).toEqual([403, 'PERSONAL_DATA_RIGHT_REQUIRED']);
      expect((await get(`/api/v1/benefits/objections/${nanjingObjection}/text`, c.wuxi)).statusCode).toBe(404);
      expect((await get(`/api/v1/benefits/objections/${nanjingObjection}/text`, c.enterprise)).statusCode).toBe(403);
    });

    it('encrypts at start-up the objection texts stored in plaintext before, once', async () => {
      const text = `旧异议：联系人 ${PHONE}`;
      const old = await t.ctx.db
        .insertInto('benefit_objections')
        .values({
          case_id: cases.wuxi,
          text,
          text_enc: null,
          status: 'dismissed',
          resolution: '旧',
          resolved_by: null,
          created_at: '2025-03-03T01:00:00.000Z',
          resolved_at: '2025-03-03T01:30:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await encryptStoredObjections(t.ctx)).toBe(1);
      const row = await t.ctx.db
        .selectFrom('benefit_objections')
        .select(['text', 'text_enc'])
        .where('id', '=', Number(old.id))
        .executeTakeFirstOrThrow();
      expect([row.text, t.ctx.cipher.decrypt(row.text_enc!)]).toEqual(['', text]);
      expect(
        await t.ctx.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'benefits.objections.encrypt')
          .execute(),
      ).toEqual([{ details: JSON.stringify({ objections: 1 }) }]);
      expect(await encryptStoredObjections(t.ctx)).toBe(0);
      await t.ctx.db.deleteFrom('benefit_objections').where('id', '=', Number(old.id)).execute();
    });

    it('refuses other roles and rejects an unknown status', async () => {
      expect((await get('/api/v1/benefits/objections', c.enterprise)).statusCode).toBe(403);
      expect((await get('/api/v1/benefits/objections')).statusCode).toBe(401);
      expect((await get('/api/v1/benefits/objections?status=upheld', c.province)).statusCode).toBe(400);
    });
  });

  describe('GET /api/v1/benefits/payment-batches', () => {
    const batchIds: Record<'province' | 'nanjing' | 'wuxi', number> = { province: 0, nanjing: 0, wuxi: 0 };
    beforeAll(async () => {
      for (const [name, payments, totalFen, hour] of [
        ['province', 3, 9_600_000, 1],
        ['nanjing', 1, 4_800_000, 2],
        ['wuxi', 2, 2_400_000, 3],
      ] as const) {
        const batch = {
          file_name: `payment-20250303-${name}.csv`,
          content: '\ufeff指令编号\r\n',
          sha256: name.padEnd(64, '0'),
          payments,
          total_fen: totalFen,
          created_by: userIds[name]!,
          created_at: `2025-03-03T0${hour}:00:00.000Z`,
        };
        batchIds[name] = await insertPaymentBatch(t.ctx.db, batch, []);
      }
    });

    it('lists every file for the province, newest first, with counts, total, creator and download link', async () => {
      const page = (await get('/api/v1/benefits/payment-batches?pageSize=2', c.province)).json();
      expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page.items.map((b: { id: number }) => b.id)).toEqual([batchIds.wuxi, batchIds.nanjing]);
      const last = (await get('/api/v1/benefits/payment-batches?pageSize=2&page=2', c.province)).json();
      expect(last.items).toEqual([
        {
          id: batchIds.province,
          file_name: 'payment-20250303-province.csv',
          sha256: 'province'.padEnd(64, '0'),
          payments: 3,
          total_fen: 9_600_000,
          total_yuan: '96,000.00 元',
          created_by: '测试 province_hrss',
          created_at: '2025-03-03T01:00:00.000Z',
          file_url: `/api/v1/benefits/payment-batches/${batchIds.province}/file`,
        },
      ]);
      const file = await get(last.items[0].file_url, c.province);
      expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    });

    it('shows a city only the files made in its region, without the download link it may not use', async () => {
      const nanjing = (await get('/api/v1/benefits/payment-batches', c.nanjing)).json();
      expect(nanjing.total).toBe(1);
      expect(nanjing.items).toEqual([
        expect.objectContaining({ id: batchIds.nanjing, payments: 1, total_fen: 4_800_000, file_url: null }),
      ]);
      expect(
        (await get('/api/v1/benefits/payment-batches', c.wuxi)).json().items.map((b: { id: number }) => b.id),
      ).toEqual([batchIds.wuxi]);
    });

    it('refuses roles that may not create payment instructions', async () => {
      expect((await get('/api/v1/benefits/payment-batches', c.enterprise)).statusCode).toBe(403);
      expect((await get('/api/v1/benefits/payment-batches?pageSize=201', c.province)).statusCode).toBe(400);
    });
  });

  describe('GET /api/v1/benefits/match-runs', () => {
    beforeAll(async () => {
      await executeMatchRun(
        t.ctx,
        systemActor(),
        await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'job_expansion_subsidy', '202412'),
      );
    });

    it('lists runs newest first with policy, period, status, summary and timings; filters by policy', async () => {
      const all = (await get('/api/v1/benefits/match-runs', c.province)).json();
      expect(all.total).toBe(2);
      expect(all.items.map((r: { policy: string }) => r.policy)).toEqual([
        'job_expansion_subsidy',
        'stable_jobs_refund',
      ]);
      const refund = (await get('/api/v1/benefits/match-runs?policy=stable_jobs_refund', c.nanjing)).json();
      expect(refund).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      const [run] = refund.items;
      expect(run).toMatchObject({
        policy: 'stable_jobs_refund',
        period: '2025',
        status: 'completed',
        version_no: 1,
        started_at: '2025-03-03T02:00:00.000Z',
        finished_at: '2025-03-03T02:00:00.000Z',
      });
      expect(run.summary).toMatchObject({
        candidates_new: 1,
        timings_ms: { sql: expect.any(Number), evaluate: expect.any(Number), write: expect.any(Number) },
      });
      expect((await get('/api/v1/benefits/match-runs?policy=internship_subsidy', c.province)).json()).toMatchObject({
        total: 0,
        items: [],
      });
    });

    it('is open to the province and the cities only', async () => {
      expect((await get('/api/v1/benefits/match-runs', c.wuxi)).json().total).toBe(2);
      expect((await get('/api/v1/benefits/match-runs', c.enterprise)).statusCode).toBe(403);
    });
  });
});
