import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { buildEnterpriseCells, nextUscc, seedEnterprises } from '../enterprises/enterprises.fixtures.ts';
import { escalateOverdueRequests } from './escalation.ts';

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

describe.each(testDialects())('服务专员 and enterprise requests on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let wuxiCity: string;
  let province: string;
  let commissioner: { cookie: string; id: number };
  let otherCommissioner: { cookie: string; id: number };
  let enterprise: string;
  let otherEnterprise: string;
  const other = nextUscc('320115');

  async function userId(username: string): Promise<number> {
    const row = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const auditCount = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    city = (await t.loginAs('city_hrss')).cookie;
    wuxiCity = (await t.loginAs('city_hrss', { regionCode: '320200' })).cookie;
    province = (await t.loginAs('province_hrss')).cookie;
    const c1 = await t.loginAs('commissioner', { regionCode: '320115' });
    commissioner = { cookie: c1.cookie, id: await userId(c1.username) };
    const c2 = await t.loginAs('commissioner', { regionCode: '320115' });
    otherCommissioner = { cookie: c2.cookie, id: await userId(c2.username) };
    enterprise = (await t.loginAs('enterprise')).cookie;
    otherEnterprise = (await t.loginAs('enterprise', { uscc: other })).cookie;
    await seedEnterprises(t.ctx, [
      buildEnterpriseCells({ uscc: TEST_ENTERPRISE_USCC, name: '江宁精密' }),
      buildEnterpriseCells({ uscc: other, name: '江宁另一家' }),
    ]);
  });
  afterAll(() => t.close());

  it('keeps the roster with the phone encrypted and masked, and counts key enterprises without a commissioner', async () => {
    expect((await call('POST', '/key-enterprises', city, { uscc: TEST_ENTERPRISE_USCC })).statusCode).toBe(201);
    expect(
      (await call('POST', '/key-enterprises', city, { uscc: other, commissionerId: otherCommissioner.id })).statusCode,
    ).toBe(201);
    const updated = await call('PUT', `/governance/commissioners/${commissioner.id}`, city, {
      unit: '江宁区人社局就业科',
      phone: '13912345678',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ unit: '江宁区人社局就业科', phoneMasked: '139****5678' });
    const stored = await t.ctx.db.selectFrom('commissioner_profiles').selectAll().executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13912345678');
    const roster = (await call('GET', '/governance/commissioners', city)).json();
    expect(roster.items.map((i: { id: number }) => i.id)).toEqual(
      expect.arrayContaining([commissioner.id, otherCommissioner.id]),
    );
    expect(roster.keyEnterprisesWithoutCommissioner).toBe(1);
    const flagged = (await call('GET', '/key-enterprises?withoutCommissioner=true', city)).json();
    expect(flagged.items.map((i: { uscc: string }) => i.uscc)).toEqual([TEST_ENTERPRISE_USCC]);
    expect((await call('GET', '/governance/commissioners', wuxiCity)).json().items).toEqual([]);
    expect(
      (await call('PUT', `/governance/commissioners/${commissioner.id}`, wuxiCity, { unit: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await call('PUT', `/governance/commissioners/${commissioner.id}`, city, { phone: '12345' })).statusCode,
    ).toBe(400);
  });

  it('keeps the history when an enterprise is reassigned', async () => {
    expect(
      (await call('PATCH', `/key-enterprises/${TEST_ENTERPRISE_USCC}`, city, { commissionerId: otherCommissioner.id }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('PATCH', `/key-enterprises/${TEST_ENTERPRISE_USCC}`, city, { commissionerId: commissioner.id }))
        .statusCode,
    ).toBe(200);
    const history = (await call('GET', `/key-enterprises/${TEST_ENTERPRISE_USCC}/assignments`, province)).json().items;
    expect(
      history.map((h: { commissionerId: number | null; untilAt: string | null }) => [
        h.commissionerId,
        h.untilAt === null,
      ]),
    ).toEqual([
      [commissioner.id, true],
      [otherCommissioner.id, false],
      [null, false],
    ]);
    expect((await call('GET', '/governance/commissioners', city)).json().keyEnterprisesWithoutCommissioner).toBe(0);
  });

  let requestId: number;
  it('takes a request with its working-day deadline; the commissioner answers, the enterprise rates and reopens once', async () => {
    const raised = await call('POST', '/governance/requests', enterprise, {
      category: 'recruitment',
      text: '急需招聘数控技师 5 名，请协助对接',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const body = raised.json();
    requestId = body.id;
    expect(body).toMatchObject({
      state: 'submitted',
      categoryLabel: '招聘用工',
      escalationLevel: 0,
      commissionerId: commissioner.id,
    });
    expect(body.deadlineDate > body.submittedAt.slice(0, 10)).toBe(true);

    const pdf = multipart('岗位需求.pdf', Buffer.from('%PDF-1.4 demo'));
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/requests/${requestId}/files`,
      headers: { cookie: enterprise, 'content-type': pdf.contentType },
      payload: pdf.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fake = multipart('伪装.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/governance/requests/${requestId}/files`,
      headers: { cookie: enterprise, 'content-type': fake.contentType },
      payload: fake.payload,
    });
    expect(refused.json().error.code).toBe('ATTACHMENT_TYPE_MISMATCH');

    // Scope: the assigned commissioner and the region see it; another enterprise, commissioner or city do not.
    expect((await call('GET', '/governance/requests', commissioner.cookie)).json().total).toBe(1);
    expect((await call('GET', '/governance/requests', otherCommissioner.cookie)).json().total).toBe(0);
    expect((await call('GET', `/governance/requests/${requestId}`, otherEnterprise)).statusCode).toBe(404);
    expect((await call('GET', `/governance/requests/${requestId}`, wuxiCity)).statusCode).toBe(404);
    expect(
      (
        await call('POST', `/governance/requests/${requestId}/answer`, otherCommissioner.cookie, {
          resolution: '已对接人才市场',
        })
      ).statusCode,
    ).toBe(404);

    const answered = await call('POST', `/governance/requests/${requestId}/answer`, commissioner.cookie, {
      resolution: '已推送至南京人才市场专场招聘会，3 名候选人已面试',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().state).toBe('answered');
    const notices = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select(['recipient', 'payload'])
      .where('dedupe_key', 'like', `request:${requestId}:answer:%`)
      .execute();
    expect(notices.map((n) => n.recipient)).toEqual([
      `enterprise:${TEST_ENTERPRISE_USCC}`,
      `enterprise:${TEST_ENTERPRISE_USCC}`,
    ]);
    expect(
      (
        await call('POST', `/governance/requests/${requestId}/answer`, commissioner.cookie, {
          resolution: '再次答复一下',
        })
      ).json().error.code,
    ).toBe('REQUEST_STATE_INVALID');

    expect((await call('POST', `/governance/requests/${requestId}/rating`, enterprise, { rating: 6 })).statusCode).toBe(
      400,
    );
    const rated = await call('POST', `/governance/requests/${requestId}/rating`, enterprise, {
      rating: 2,
      comment: '只推荐了岗位',
    });
    expect(rated.json()).toMatchObject({ state: 'closed', rating: 2, canReopen: true });
    const reopened = await call('POST', `/governance/requests/${requestId}/reopen`, enterprise, {
      reason: '尚未招到人',
    });
    expect(reopened.json()).toMatchObject({ state: 'reopened', reopenCount: 1, rating: null, canReopen: false });
    await call('POST', `/governance/requests/${requestId}/answer`, commissioner.cookie, {
      resolution: '已组织定向招聘，录用 2 人',
    });
    expect(
      (await call('POST', `/governance/requests/${requestId}/rating`, enterprise, { rating: 5 })).json().state,
    ).toBe('closed');
    const again = await call('POST', `/governance/requests/${requestId}/reopen`, enterprise, { reason: '还想再办' });
    expect(again.json().error.code).toBe('REQUEST_REOPEN_USED');
    expect(await auditCount('governance.request.answer')).toBe(2);
  });

  it('escalates an overdue request to the city, then the province, once when two processes run at once', async () => {
    const raised = (
      await call('POST', '/governance/requests', enterprise, {
        category: 'social_insurance',
        text: '社保补缴流程咨询，请尽快答复',
      })
    ).json();
    const at = (day: string) => ({ ...t.ctx, clock: () => new Date(`${day}T04:00:00Z`) });
    expect((await escalateOverdueRequests(at(raised.deadlineDate))).raised).toBe(0);
    const dayAfter = addDays(raised.deadlineDate, 1);
    const both = await Promise.all([escalateOverdueRequests(at(dayAfter)), escalateOverdueRequests(at(dayAfter))]);
    expect(both[0].raised + both[1].raised).toBe(1);
    expect((await call('GET', `/governance/requests/${raised.id}`, city)).json()).toMatchObject({
      escalationLevel: 1,
      isOverdue: expect.any(Boolean),
    });
    expect((await escalateOverdueRequests(at(addDays(raised.deadlineDate, 30)))).raised).toBe(1);
    expect((await call('GET', `/governance/requests/${raised.id}`, province)).json().escalationLevel).toBe(2);
    expect(await auditCount('governance.request.escalate')).toBe(2);
    const notices = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select('dedupe_key')
      .where('dedupe_key', 'like', `request:${raised.id}:escalate:%`)
      .execute();
    expect(notices).toHaveLength(4); // SMS and e-mail for each level
    expect((await call('GET', '/governance/requests?escalated=true', city)).json().total).toBe(1);
  });

  it('reports on-time rate, handling time and satisfaction, and exports them', async () => {
    const stats = (await call('GET', '/governance/requests/stats', province)).json();
    expect(stats.overall).toMatchObject({
      total: 2,
      answered: 1,
      onTime: 1,
      onTimeRate: 1,
      rated: 1,
      averageRating: 5,
      open: 1,
    });
    expect(stats.byCity.map((r: { label: string }) => r.label)).toEqual(['南京市']);
    expect(stats.byCategory.map((r: { key: string }) => r.key)).toEqual(['recruitment', 'social_insurance']);
    expect((await call('GET', '/governance/requests/stats', wuxiCity)).json().overall.total).toBe(0);
    const xlsx = await call('GET', '/governance/requests/stats.xlsx', city);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', '/governance/requests/stats', enterprise)).statusCode).toBe(403);
  });

  it('caps unsolicited contacts per enterprise and month unless they answer a request; the enterprise sees each', async () => {
    const today = todayInShanghai();
    const contact = (extra: object = {}) =>
      call('POST', '/governance/contacts', commissioner.cookie, {
        uscc: TEST_ENTERPRISE_USCC,
        kind: 'visit',
        contactDate: today,
        topic: '用工情况走访',
        outcome: '企业暂无困难',
        ...extra,
      });
    expect((await contact()).statusCode).toBe(201);
    expect((await contact({ kind: 'call', followUpDate: addDays(today, 7) })).statusCode).toBe(201);
    const third = await contact({ kind: 'online' });
    expect(third.statusCode).toBe(422);
    expect(third.json().error).toMatchObject({ code: 'CONTACT_CAP_REACHED' });
    expect(third.json().error.message).toContain('无事不扰');
    expect((await contact({ requestId })).statusCode).toBe(201);
    expect(
      (
        await call('POST', '/governance/contacts', otherCommissioner.cookie, {
          uscc: TEST_ENTERPRISE_USCC,
          kind: 'visit',
          contactDate: today,
          topic: '走访',
          outcome: '无',
        })
      ).statusCode,
    ).toBe(404);
    const seen = (await call('GET', '/governance/contacts', enterprise)).json();
    expect(seen.total).toBe(3);
    expect((await call('GET', '/governance/contacts', otherEnterprise)).json().total).toBe(0);
    const work = (await call('GET', '/governance/my-enterprises', commissioner.cookie)).json();
    expect(work.contactCap).toBe(2);
    expect(work.items).toEqual([
      expect.objectContaining({ uscc: TEST_ENTERPRISE_USCC, contactsThisMonth: 2, openRequests: 1 }),
    ]);
  });

  it('lets only the month’s cap through when contacts are logged at the same moment', async () => {
    const lastMonth = addDays(`${todayInShanghai().slice(0, 8)}01`, -1); // a month without contacts yet
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        call('POST', '/governance/contacts', commissioner.cookie, {
          uscc: TEST_ENTERPRISE_USCC,
          kind: 'call',
          contactDate: lastMonth,
          topic: `同时登记 ${i}`,
          outcome: '无',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 422, 422]);
  });
});
