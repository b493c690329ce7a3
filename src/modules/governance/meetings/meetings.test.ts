import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';

describe.each(testDialects())('部门会商 on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    cookies.hrss = (await t.loginAs('province_hrss')).cookie;
    cookies.miit = (await t.loginAs('province_miit')).cookie;
    cookies.nanjing = (await t.loginAs('city_hrss')).cookie;
  });
  afterAll(() => t.close());

  it('records a meeting of 人社 and 工信 and follows its action items to done, flagging the overdue', async () => {
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/governance/meetings',
      headers: { cookie: cookies.miit! },
      payload: {
        heldOn: '2026-03-10',
        title: '扬帆计划第一季度部门会商',
        attendees: [
          { unit: '省人力资源社会保障厅', names: '就业促进处' },
          { unit: '省工业和信息化厅', names: '中小企业处' },
        ],
        topics: ['专精特新企业用工需求'],
        decisions: ['联合举办专场招聘会'],
        actions: [
          { task: '汇总重点企业用工缺口', ownerUnit: '省人力资源社会保障厅', dueOn: '2026-03-31' },
          { task: '更新培育库名单', ownerUnit: '省工业和信息化厅', ownerName: '王工', dueOn: '2099-12-31' },
        ],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ openActions: 2, overdueActions: 1 });
    const [meeting] = recorded.json().items;
    expect(meeting).toMatchObject({ regionCode: '320000', topics: ['专精特新企业用工需求'] });
    const overdue = meeting.actions.find((a: { isOverdue: boolean }) => a.isOverdue);
    // A city reads the province's meetings but does not close their items.
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/governance/meetings', headers: { cookie: cookies.nanjing! } })
      ).json().items,
    ).toHaveLength(1);
    const done = (cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/governance/meeting-actions/${overdue.id}/done`,
        headers: { cookie },
        payload: { note: '已汇总 120 家企业缺口 860 人' },
      });
    expect((await done(cookies.nanjing!)).statusCode).toBe(404);
    const closed = await done(cookies.hrss!);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ openActions: 1, overdueActions: 0 });
    expect((await done(cookies.hrss!)).statusCode).toBe(409);
  });
});
