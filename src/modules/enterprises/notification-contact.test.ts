import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../test/app.ts';
import { testDialects } from '../../test/dialects.ts';
import { insertEnterprise } from '../workforce/test-factories.ts';
import { notificationAddressesOf } from './notification-contact.service.ts';

describe.each(testDialects())('the enterprise’s contact for notices on %s', (dialect) => {
  let t: TestApp;
  let own = '';
  const otherUscc = makeUsccForSerial('320102', 66_666_666);
  const url = (uscc = TEST_ENTERPRISE_USCC) => `/api/v1/enterprises/${uscc}/notification-contact`;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await insertEnterprise(t.ctx, {
      uscc: TEST_ENTERPRISE_USCC,
      contact_phone_enc: t.ctx.cipher.encrypt('13800001111'),
    });
    await insertEnterprise(t.ctx, { uscc: otherUscc, contact_phone_enc: t.ctx.cipher.encrypt('025-84561234') });
    own = (await t.loginAs('enterprise')).cookie;
  }, 60_000);
  afterAll(() => t.close());

  const get = (target = url()) => t.app.inject({ method: 'GET', url: target, headers: { cookie: own } });
  const patch = (payload: object, target = url()) =>
    t.app.inject({ method: 'PATCH', url: target, payload, headers: { cookie: own } });

  it('falls back to the register’s mobile number until the enterprise registers its own; a landline is no SMS address', async () => {
    expect((await get()).json()).toEqual({
      phone: '138****1111',
      phone_source: 'register',
      email: null,
      updated_at: null,
    });
    const addresses = await notificationAddressesOf(t.ctx, [TEST_ENTERPRISE_USCC, otherUscc]);
    expect(addresses.get(TEST_ENTERPRISE_USCC)).toMatchObject({
      phone: '13800001111',
      phoneSource: 'register',
      email: null,
    });
    expect(addresses.get(otherUscc)).toMatchObject({ phone: null, phoneSource: null });
  });

  it('stores the own mobile number encrypted, answers it masked, and audits the change without the values', async () => {
    const answer = await patch({ phone: '139-1234-5678', email: ' zhang.min@example.com ' });
    expect(answer.json(), answer.body).toMatchObject({
      phone: '139****5678',
      phone_source: 'own',
      email: 'z***@example.com',
    });
    const row = await t.ctx.db
      .selectFrom('enterprise_notification_contacts')
      .selectAll()
      .where('uscc', '=', TEST_ENTERPRISE_USCC)
      .executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13912345678');
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe('13912345678');
    expect(row.email).toBe('zhang.min@example.com');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['object_id', 'details'])
      .where('action', '=', 'enterprise.notification_contact.update')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([{ phone: 'set', email: 'set' }]);
    expect((await notificationAddressesOf(t.ctx, [TEST_ENTERPRISE_USCC])).get(TEST_ENTERPRISE_USCC)).toMatchObject({
      phone: '13912345678',
      email: 'zhang.min@example.com',
    });
  });

  it('keeps a field left out and clears one sent as null (the register’s mobile applies again)', async () => {
    expect((await patch({ email: 'li.hua@example.com' })).json()).toMatchObject({
      phone: '139****5678',
      phone_source: 'own',
      email: 'l***@example.com',
    });
    expect((await patch({ phone: null })).json()).toMatchObject({
      phone: '138****1111',
      phone_source: 'register',
      email: 'l***@example.com',
    });
    expect((await patch({ email: null })).json()).toMatchObject({ email: null });
    expect((await patch({})).statusCode).toBe(400);
  });

  it('refuses numbers that are not mobile numbers and malformed e-mail addresses', async () => {
    const landline = await patch({ phone: '025-84561234', email: null });
    expect([landline.statusCode, landline.json().error.message]).toEqual([400, '联系手机应为 11 位手机号码']);
    const email = await patch({ phone: null, email: 'zhang.min' });
    expect([email.statusCode, email.json().error.message]).toEqual([400, '电子邮箱格式不正确']);
  });

  it('answers 404 for another enterprise’s contact, reading or writing', async () => {
    expect((await get(url(otherUscc))).statusCode).toBe(404);
    expect((await patch({ phone: '13912345678', email: null }, url(otherUscc))).statusCode).toBe(404);
    expect(
      await t.ctx.db
        .selectFrom('enterprise_notification_contacts')
        .select('uscc')
        .where('uscc', '=', otherUscc)
        .execute(),
    ).toEqual([]);
  });
});
