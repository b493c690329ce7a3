import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';

function planForm(fileName: string, bytes: Buffer, milestones: unknown) {
  const boundary = `----yangfan${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('title', '南京市扬帆计划实施方案') +
      field('milestones', JSON.stringify(milestones)) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDialects())('实施方案 filing and review on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let wuxi: string;
  let province: string;
  const milestones = [{ date: '2024-03-31', task: '完成重点企业服务专员全覆盖' }];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    city = (await t.loginAs('city_hrss')).cookie;
    wuxi = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    province = (await t.loginAs('province_hrss')).cookie;
    await seedEnterprises(t.ctx, [buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '江宁精密' })]);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/key-enterprises',
      headers: { cookie: city },
      payload: { uscc: TEST_ENTERPRISE_USCC },
    });
  });
  afterAll(() => t.close());

  const file = (cookie: string, name: string, bytes: Buffer, m: unknown = milestones) =>
    t.app.inject({ method: 'POST', url: '/api/v1/governance/plans', ...withCookie(planForm(name, bytes, m), cookie) });
  const withCookie = (form: ReturnType<typeof planForm>, cookie: string) => ({
    payload: form.payload,
    headers: { ...form.headers, cookie },
  });

  it('files a plan late with its key list, returns it with comments and keeps both versions when refiled and approved', async () => {
    const first = await file(city, '实施方案.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: 1,
      state: 'submitted',
      deadline: '2023-12-22',
      isLate: true,
      regionName: '南京市',
      milestones,
    });
    expect(first.json().keyEnterprises.map((e: { uscc: string }) => e.uscc)).toEqual([TEST_ENTERPRISE_USCC]);
    const returnWithout = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/plans/${first.json().id}/review`,
      headers: { cookie: province },
      payload: { decision: 'return' },
    });
    expect(returnWithout.statusCode).toBe(400);
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/plans/${first.json().id}/review`,
      headers: { cookie: province },
      payload: { decision: 'return', comment: '请补充时间节点' },
    });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请补充时间节点' });
    const second = await file(city, '实施方案（修改稿）.pdf', Buffer.from('%PDF-1.7 plan'));
    expect(second.json().version).toBe(2);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/plans/${second.json().id}/review`,
      headers: { cookie: province },
      payload: { decision: 'approve' },
    });
    expect(approved.json().state).toBe('approved');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/plans/${second.json().id}/review`,
      headers: { cookie: province },
      payload: { decision: 'return', comment: 'x' },
    });
    expect(again.json().error.code).toBe('PLAN_ALREADY_REVIEWED');
    const list = (await t.app.inject({ url: '/api/v1/governance/plans', headers: { cookie: city } })).json();
    expect(list.items.map((p: { version: number; state: string }) => [p.version, p.state])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    expect((await t.app.inject({ url: '/api/v1/governance/plans', headers: { cookie: wuxi } })).json().items).toEqual(
      [],
    );
    const document = await t.app.inject({
      url: `/api/v1/governance/plans/${second.json().id}/document`,
      headers: { cookie: province },
    });
    expect(document.rawPayload.toString()).toBe('%PDF-1.7 plan');
    expect(
      (await t.app.inject({ url: `/api/v1/governance/plans/${second.json().id}/document`, headers: { cookie: wuxi } }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a file that is not PDF or Word, or whose content does not match, and milestones without dates', async () => {
    expect((await file(city, 'plan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).json().error.code).toBe(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    expect((await file(city, 'plan.pdf', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).json().error.code).toBe(
      'ATTACHMENT_TYPE_MISMATCH',
    );
    expect((await file(city, 'plan.pdf', Buffer.from('%PDF'), [{ task: '无日期' }])).statusCode).toBe(400);
    expect((await file(province, 'plan.pdf', Buffer.from('%PDF'))).statusCode).toBe(403);
  });
});
