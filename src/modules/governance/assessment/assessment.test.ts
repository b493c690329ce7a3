import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { buildEnterpriseCells, seedEnterprises } from '../../enterprises/enterprises.fixtures.ts';
import { addBenefitCase } from '../../monitoring/paid-benefits.fixtures.ts';

describe.each(testDialects())('annual assessment on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
    await seedEnterprises(t.ctx, [buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '江宁精密' })]);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/governance${url}`, headers: { cookie }, payload });

  it('computes scores and ranks with the weights version used, and a change of weights is a new version', async () => {
    // A database that took the 2025 edition as version 1 gets the 2026 edition (two more indicators) as version 2.
    const edition2025 = JSON.parse(
      readFileSync(new URL('../../../../reference/governance/assessment-2025.json', import.meta.url), 'utf8'),
    );
    await t.ctx.db
      .insertInto('assessment_weight_versions')
      .values({
        version: 1,
        indicators: JSON.stringify(edition2025.indicators),
        note: '默认权重（reference/governance/assessment-2025.json）',
        created_at: t.ctx.clock().toISOString(),
        created_by: null,
      })
      .execute();
    const weights = (await call('GET', '/assessment/weights', cookies.province!)).json();
    expect(weights.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(weights.items[1].indicators).toHaveLength(6);
    expect(weights.items[0].indicators.map((i: { key: string }) => i.key)).toEqual(
      expect.arrayContaining(['review_on_time', 'plan_milestones_on_time']),
    );
    expect(weights.items[0].note).toContain('assessment-2026.json');
    expect(weights.items[0].indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);

    // 南京 returns a 调度 on time: its on-time rate is 1, the others' 0.
    const round = (await call('POST', '/dispatch-rounds', cookies.province!, { title: '调度', period: '2025' })).json();
    await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.nanjing!, {
      answers: { commissioner_visits: '走访 10 家', progress_and_problems: '无' },
    });
    const first = await call('POST', '/assessments', cookies.province!, { year: Number(round.openedAt.slice(0, 4)) });
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json();
    expect(one.weightsVersion).toBe(2);
    expect(one.rows).toHaveLength(16);
    expect(one.rows[0]).toMatchObject({
      code: '320100',
      rank: 1,
      total: 10,
      figures: { dispatch_on_time: 1, review_on_time: null, plan_milestones_on_time: null },
      basis: { dispatch_on_time: '按时报送 1 / 1 轮', plan_milestones_on_time: '无已备案实施方案' },
    });
    expect(one.rows[1]).toMatchObject({ total: 0, rank: 2 });

    expect((await call('POST', '/assessment/weights', cookies.nanjing!, { weights: {} })).statusCode).toBe(403);
    const bad = await call('POST', '/assessment/weights', cookies.province!, {
      weights: {
        ...Object.fromEntries(one.indicators.map((i: { key: string; weight: number }) => [i.key, i.weight])),
        dispatch_on_time: 50,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('合计应为 100');
    const same = await call('POST', '/assessment/weights', cookies.province!, {
      weights: Object.fromEntries(one.indicators.map((i: { key: string; weight: number }) => [i.key, i.weight])),
    });
    expect(same.statusCode).toBe(409);
    const changed = await call('POST', '/assessment/weights', cookies.province!, {
      weights: {
        absorbed_insured: 25,
        absorbed_graduate_share: 10,
        policies_enjoyed: 10,
        review_on_time: 10,
        request_satisfaction: 10,
        plan_filed: 5,
        plan_milestones_on_time: 10,
        dispatch_on_time: 20,
      },
      note: '加大调度权重',
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().version).toBe(3);

    const second = (await call('POST', '/assessments', cookies.province!, { year: one.year })).json();
    expect(second).toMatchObject({ weightsVersion: 3 });
    expect(second.rows[0]).toMatchObject({ code: '320100', total: 20 });
    const all = (await call('GET', '/assessments', cookies.nanjing!)).json().items;
    expect(all.map((a: { weightsVersion: number }) => a.weightsVersion)).toEqual([3, 2]);
    expect(all[1].rows[0].total).toBe(10);
    const file = await call('GET', `/assessments/${second.id}/export`, cookies.province!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('第3版权重'));
  });

  it('scores review timeliness on the 免申即享 clock and plan milestones met on time, with the counts behind them', async () => {
    const year = Number(todayInShanghai(t.ctx.clock).slice(0, 4));
    // 南京 (a 江宁 enterprise): one review on time, one decided the day after its deadline (Beijing time), one waiting past it.
    const reviewed = async (period: string, state: 'approved' | 'rejected', deadline: string, at: string) => {
      const { caseId } = await addBenefitCase(t.ctx, {
        uscc: TEST_ENTERPRISE_USCC,
        regionCode: '320115',
        policy: 'stable_jobs_refund',
        period,
        amountFen: 100_000,
        state: 'approved',
      });
      await t.ctx.db
        .updateTable('benefit_cases')
        .set({ state, review_started_on: `${year}-01-05`, review_deadline: deadline })
        .where('id', '=', caseId)
        .execute();
      await t.ctx.db
        .insertInto('benefit_case_events')
        .values({
          case_id: caseId,
          from_state: 'confirmed',
          to_state: state,
          actor_id: null,
          actor_name: null,
          note: null,
          at,
        })
        .execute();
      return caseId;
    };
    await reviewed(`${year}01`, 'approved', `${year}-06-30`, `${year}-06-30T15:59:00.000Z`);
    await reviewed(`${year}02`, 'rejected', `${year}-06-30`, `${year}-06-30T16:00:00.000Z`);
    const waiting = await reviewed(`${year}03`, 'approved', `${year}-01-31`, `${year}-01-01T00:00:00.000Z`);
    await t.ctx.db.deleteFrom('benefit_case_events').where('case_id', '=', waiting).execute();
    await t.ctx.db.updateTable('benefit_cases').set({ state: 'confirmed' }).where('id', '=', waiting).execute();

    const milestones = [
      { date: `${year}-01-31`, task: '服务专员全覆盖' },
      { date: `${year}-02-28`, task: '首批专场招聘' },
      { date: `${year + 1}-03-31`, task: '年度总结' },
    ];
    const boundary = 'yangfanmilestones';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governance/plans',
      headers: { cookie: cookies.nanjing!, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          part('title', '南京市实施方案') +
            part('milestones', JSON.stringify(milestones)) +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="方案.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.7 plan'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const plan = filed.json().id as number;
    const report = (index: number, doneOn: string) =>
      call('PUT', `/plans/${plan}/milestones/${index}`, cookies.nanjing!, { doneOn });
    expect((await report(0, `${year}-01-20`)).statusCode).toBe(409); // not yet approved
    expect((await call('POST', `/plans/${plan}/review`, cookies.province!, { decision: 'approve' })).statusCode).toBe(
      200,
    );
    expect((await report(0, `${year + 1}-01-20`)).statusCode).toBe(400); // in the future
    expect((await report(5, `${year}-01-20`)).statusCode).toBe(404);
    expect((await report(0, `${year}-01-20`)).statusCode).toBe(200);
    const late = await report(1, `${year}-03-02`);
    expect(late.json().milestones[1]).toMatchObject({ doneOn: `${year}-03-02`, isOnTime: false });

    const computed = (await call('POST', '/assessments', cookies.province!, { year })).json();
    const nanjing = computed.rows.find((r: { code: string }) => r.code === '320100');
    expect(nanjing.figures).toMatchObject({ review_on_time: 0.3333, plan_milestones_on_time: 0.5 });
    expect(nanjing.basis).toMatchObject({
      review_on_time: '按时审核 1 / 审核完成 2 件，超时未审 1 件',
      plan_milestones_on_time: '按时完成 1 / 2 个到期节点',
      plan_filed: '逾期备案',
    });
    expect(nanjing.scores).toMatchObject({ review_on_time: 33.33, plan_milestones_on_time: 50 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'governance.plan.milestone')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
