import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { createUser } from '../../accounts/users.service.ts';
import { NO_OFFICIAL_PHONE, queueOfficialAlert } from './official-alerts.service.ts';
import type { OutgoingMessage } from './outbox-senders.ts';
import { dispatchOutbox } from './outbox.service.ts';

/** Alerts to officials: queued to the province and the city at once, sent by SMS to the account's number. */
describe.each(testDialects())('official alerts through the outbox (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const add = (username: string, role: string, regionCode?: string, phone?: string) =>
      createUser(t.ctx, systemActor('test'), {
        username,
        displayName: username,
        role,
        password: TEST_PASSWORD,
        ...(regionCode ? { regionCode } : {}),
        ...(phone ? { phone } : {}),
      });
    await add('prov.one', 'province_hrss', undefined, '13900000001');
    await add('nanjing.one', 'city_hrss', '320100', '13900000002');
    await add('nanjing.two', 'city_hrss', '320100');
    await add('wuxi.one', 'city_hrss', '320200', '13900000003');
  });
  afterAll(() => t.close());

  it('queues one SMS per official of the province and the city, once, and sends to their own numbers', async () => {
    const alert = {
      key: 'labour-dispute:1:collective',
      cityCode: '320100',
      title: '预警',
      body: '集体劳动争议',
      at: new Date().toISOString(),
    };
    expect(await queueOfficialAlert(t.ctx.db, alert)).toBe(3);
    await queueOfficialAlert(t.ctx.db, alert);
    const sent: OutgoingMessage[] = [];
    const summary = await dispatchOutbox(t.ctx, { sms: { send: async (m) => void sent.push(m) } }, { log: () => {} });
    expect(summary).toMatchObject({ claimed: 3, sent: 2, failed: 1 });
    expect(sent.map((m) => m.to).sort()).toEqual(['13900000001', '13900000002']);
    const failed = await t.ctx.db
      .selectFrom('benefit_outbox')
      .select('last_error')
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([{ last_error: NO_OFFICIAL_PHONE }]);
  });
});
