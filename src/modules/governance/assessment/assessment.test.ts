import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';

describe.each(testDialects())('annual assessment on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookies.province = (await t.loginAs('province_hrss')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/governance${url}`, headers: { cookie }, payload });

  it('computes scores and ranks with the weights version used, and a change of weights is a new version', async () => {
    const weights = (await call('GET', '/assessment/weights', cookies.province!)).json();
    expect(weights.items).toHaveLength(1);
    expect(weights.items[0].version).toBe(1);
    expect(weights.items[0].indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);

    // 南京 returns a 调度 on time: its on-time rate is 1, the others' 0.
    const round = (await call('POST', '/dispatch-rounds', cookies.province!, { title: '调度', period: '2025' })).json();
    await call('PUT', `/dispatch-rounds/${round.id}/return`, cookies.nanjing!, {
      answers: { commissioner_visits: '走访 10 家', progress_and_problems: '无' },
    });
    const first = await call('POST', '/assessments', cookies.province!, { year: Number(round.openedAt.slice(0, 4)) });
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json();
    expect(one.weightsVersion).toBe(1);
    expect(one.rows).toHaveLength(16);
    expect(one.rows[0]).toMatchObject({ code: '320100', rank: 1, total: 10, figures: { dispatch_on_time: 1 } });
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
        absorbed_insured: 30,
        absorbed_graduate_share: 10,
        policies_enjoyed: 15,
        request_satisfaction: 15,
        plan_filed: 10,
        dispatch_on_time: 20,
      },
      note: '加大调度权重',
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().version).toBe(2);

    const second = (await call('POST', '/assessments', cookies.province!, { year: one.year })).json();
    expect(second).toMatchObject({ weightsVersion: 2 });
    expect(second.rows[0]).toMatchObject({ code: '320100', total: 20 });
    const all = (await call('GET', '/assessments', cookies.nanjing!)).json().items;
    expect(all.map((a: { weightsVersion: number }) => a.weightsVersion)).toEqual([2, 1]);
    expect(all[1].rows[0].total).toBe(10);
    const file = await call('GET', `/assessments/${second.id}/export`, cookies.province!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('第2版权重'));
  });
});
