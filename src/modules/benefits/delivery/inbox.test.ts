import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../../platform/identifiers/uscc.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { insertEnterprise } from '../../workforce/test-factories.ts';
import { notifyEnterprise } from '../cases/case-transitions.ts';

describe.each(testDialects())('政策消息 read marks on %s', (dialect) => {
  let t: TestApp;
  let own: string;
  let other: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    const otherUscc = await insertEnterprise(t.ctx, {
      uscc: makeUsccForSerial('320102', 55_555_555),
      name: '另一家企业',
    });
    await insertEnterprise(t.ctx, { uscc: TEST_ENTERPRISE_USCC, name: '南京扬帆装备有限公司' });
    own = (await t.loginAs('enterprise')).cookie;
    other = (await t.loginAs('enterprise', { uscc: otherUscc })).cookie;
    // Three notices for the test enterprise, one for the other, each on a case of its own.
    const version = await t.ctx.db
      .selectFrom('policy_versions')
      .select('id')
      .where('code', '=', 'stable_jobs_refund')
      .executeTakeFirstOrThrow();
    const runId = Number(
      (
        await t.ctx.db
          .insertInto('benefit_match_runs')
          .values({
            policy_code: 'stable_jobs_refund',
            policy_version_id: version.id,
            version_no: 1,
            period: '2025',
            eval_date: '2025-12-31',
            snapshot: '{}',
            status: 'completed',
            phase: 'done',
            summary: null,
            error: null,
            started_by: null,
            started_at: '2025-03-03T00:00:00.000Z',
            finished_at: null,
            heartbeat_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    for (const [name, uscc, at] of [
      ['a', TEST_ENTERPRISE_USCC, '01'],
      ['b', TEST_ENTERPRISE_USCC, '02'],
      ['c', TEST_ENTERPRISE_USCC, '03'],
      ['x', otherUscc, '04'],
    ] as const) {
      const caseId = Number(
        (
          await t.ctx.db
            .insertInto('benefit_cases')
            .values({
              policy_code: 'stable_jobs_refund',
              period: `20${at}`,
              uscc,
              enterprise_name: '企业',
              region_code: '320115',
              city_code: '320100',
              state: 'matched',
              amount_fen: 100,
              is_amount_changed: 0,
              explanation: '[]',
              policy_version_id: version.id,
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
              created_at: '2025-03-03T00:00:00.000Z',
              updated_at: '2025-03-03T00:00:00.000Z',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      await notifyEnterprise(t.ctx.db, {
        caseId,
        uscc,
        kind: 'matched',
        title: `消息${name}`,
        body: '正文',
        at: `2025-03-${at}T00:00:00.000Z`,
      });
      ids[name] = Number(
        (
          await t.ctx.db
            .selectFrom('benefit_notices')
            .select('id')
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
  }, 60_000);
  afterAll(() => t.close());

  const inbox = async (cookie: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/benefits/inbox', headers: { cookie } })).json();
  const post = (url: string, cookie: string) => t.app.inject({ method: 'POST', url, headers: { cookie } });
  const reads = () =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', 'like', 'benefits.notice.%')
      .orderBy('id')
      .execute();

  it('answers the unread count with the page, newest first, every notice unread at first', async () => {
    const page = await inbox(own);
    expect(page).toMatchObject({ total: 3, unread: 3 });
    expect(page.items.map((n: { title: string; read_at: string | null }) => [n.title, n.read_at])).toEqual([
      ['消息c', null],
      ['消息b', null],
      ['消息a', null],
    ]);
  });

  it('gives each notice its case’s state now, so a notice of a paid case no longer asks the enterprise to act', async () => {
    const caseOf = async (id: number) =>
      (await t.ctx.db.selectFrom('benefit_notices').select('case_id').where('id', '=', id).executeTakeFirstOrThrow())
        .case_id;
    await t.ctx.db
      .updateTable('benefit_cases')
      .set({ state: 'paid' })
      .where('id', '=', await caseOf(ids.a!))
      .execute();
    const page = await inbox(own);
    expect(page.items.map((n: { title: string; case_state: string }) => [n.title, n.case_state])).toEqual([
      ['消息c', 'matched'],
      ['消息b', 'matched'],
      ['消息a', 'paid'],
    ]);
  });

  it('marks one notice read, once; another enterprise’s notice is not found and stays unread', async () => {
    const first = await post(`/api/v1/benefits/inbox/${ids.b}/read`, own);
    expect(first.json()).toEqual({ updated: 1, unread: 2 });
    expect((await post(`/api/v1/benefits/inbox/${ids.b}/read`, own)).json()).toEqual({ updated: 0, unread: 2 });
    const page = await inbox(own);
    expect(page.unread).toBe(2);
    expect(page.items.find((n: { id: number }) => n.id === ids.b).read_at).not.toBeNull();

    const foreign = await post(`/api/v1/benefits/inbox/${ids.x}/read`, own);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await inbox(other)).unread).toBe(1);
    expect(await reads()).toEqual([{ action: 'benefits.notice.read', object_id: String(ids.b) }]);
  });

  it('marks every notice of the caller’s own enterprise read with 全部标为已读, and nothing of another', async () => {
    expect((await post('/api/v1/benefits/inbox/read-all', own)).json()).toEqual({ updated: 2, unread: 0 });
    expect((await inbox(own)).items.every((n: { read_at: string | null }) => n.read_at !== null)).toBe(true);
    expect((await inbox(other)).unread).toBe(1);
    expect((await post('/api/v1/benefits/inbox/read-all', own)).json()).toEqual({ updated: 0, unread: 0 });
    expect((await reads()).map((r) => r.action)).toEqual(['benefits.notice.read', 'benefits.notice.read_all']);
  });
});
