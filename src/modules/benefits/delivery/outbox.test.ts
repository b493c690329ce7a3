import Fastify from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { buildTestApp, TEST_ENTERPRISE_USCC, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { syncPolicyCatalogue } from '../../policy/catalogue/catalogue.service.ts';
import { buildPolicyWorld } from '../../policy/policy.fixtures.ts';
import { loadBenefitSettings } from '../benefit-settings.ts';
import { createMatchRun, executeMatchRun } from '../match/match.service.ts';
import { insertOutbox } from './notices.repository.ts';
import { outboxDispatcherPlugin } from './outbox-dispatcher.ts';
import { startTestGateway, type TestGateway } from './outbox-gateway.fixture.ts';
import { sendersFromEnvironment, type OutboxSenders } from './outbox-senders.ts';
import { claimDueOutbox } from './outbox.repository.ts';
import { dispatchOutbox, NO_CONTACT, retryDelayMs } from './outbox.service.ts';

const MONDAY = Date.parse('2025-03-03T02:00:00Z');
const settings = loadBenefitSettings().outbox;

describe.each(testDialects())('outbox delivery on %s', (dialect) => {
  let t: TestApp;
  let gateway: TestGateway;
  let senders: OutboxSenders;
  let env: NodeJS.ProcessEnv;
  let now = MONDAY;
  let serial = 0;
  const c: Record<string, string> = {};
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await syncPolicyCatalogue(t.ctx);
    await buildPolicyWorld(t.ctx);
    for (const role of ['province_hrss', 'enterprise'] as const) c[role] = (await t.loginAs(role)).cookie;
    t.ctx.clock = () => new Date(now);
    gateway = await startTestGateway();
    env = {
      YANGFAN_SMS_GATEWAY_URL: gateway.url,
      YANGFAN_SMS_GATEWAY_TOKEN: 'sms-token',
      YANGFAN_EMAIL_GATEWAY_URL: gateway.url,
      YANGFAN_EMAIL_GATEWAY_TOKEN: 'mail-token',
      YANGFAN_PAYMENT_GATEWAY_URL: gateway.url,
      YANGFAN_PAYMENT_GATEWAY_TOKEN: 'pay-token',
    };
    senders = sendersFromEnvironment(env);
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
    await t.close();
  });
  beforeEach(() => {
    gateway.requests.length = 0;
    gateway.answerWith(200);
  });

  const dispatch = (with_ = senders) => dispatchOutbox(t.ctx, with_, { log: (line) => logLines.push(line) });
  const messages = () => t.ctx.db.selectFrom('benefit_outbox').selectAll().orderBy('id').execute();
  const message = (id: number) =>
    t.ctx.db.selectFrom('benefit_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, key: string) =>
    t.app.inject({ method: 'POST', url, payload: {}, headers: { cookie, 'idempotency-key': key } });
  /** Queues a message the way the state changes do, and returns its id. */
  const queue = async (channel: string, recipient: string, payload: object) => {
    serial += 1;
    const dedupe = `test:${serial}:${channel}`;
    await insertOutbox(t.ctx.db, [
      {
        channel,
        dedupe_key: dedupe,
        recipient,
        payload: JSON.stringify(payload),
        created_at: new Date(now).toISOString(),
      },
    ]);
    return Number(
      (
        await t.ctx.db
          .selectFrom('benefit_outbox')
          .select('id')
          .where('dedupe_key', '=', dedupe)
          .executeTakeFirstOrThrow()
      ).id,
    );
  };

  it('keeps a match run’s SMS and e-mail pending while no gateway is configured, and says so', async () => {
    await executeMatchRun(
      t.ctx,
      systemActor(),
      await createMatchRun(t.ctx, t.ctx.db, systemActor(), 'stable_jobs_refund', '2025'),
    );
    const summary = await dispatch({});
    expect(summary).toMatchObject({ claimed: 0, sent: 0, waiting_without_sender: { sms: 1, email: 1 } });
    expect(logLines).toContain('[outbox:sms] 未配置发送通道，1 条消息保留待发');
    expect((await messages()).map((m) => [m.channel, m.recipient, m.status, Number(m.attempts)])).toEqual([
      ['sms', `enterprise:${TEST_ENTERPRISE_USCC}`, 'pending', 0],
      ['email', `enterprise:${TEST_ENTERPRISE_USCC}`, 'pending', 0],
    ]);
  });

  it('fails a message at once when the enterprise has no contact, and never tries it again', async () => {
    expect(await dispatch()).toMatchObject({ claimed: 2, failed: 2, sent: 0 });
    for (const m of await messages())
      expect([m.status, m.last_error, Number(m.attempts)]).toEqual(['failed', NO_CONTACT, 0]);
    expect(gateway.requests).toHaveLength(0);
    now += 24 * 3600_000;
    expect(await dispatch()).toMatchObject({ claimed: 0 });
  });

  it('sends to the contact the enterprise registered once the province resends; the desk shows it masked', async () => {
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${TEST_ENTERPRISE_USCC}/notification-contact`,
      headers: { cookie: c.enterprise! },
      payload: { phone: '139 1234 5678', email: 'zhang.min@example.com' },
    });
    expect(saved.json()).toMatchObject({ phone: '139****5678', phone_source: 'own', email: 'z***@example.com' });

    const failed = (await get('/api/v1/benefits/outbox?status=failed', c.province_hrss!)).json();
    expect(failed.items.map((m: { last_error: string }) => m.last_error)).toEqual([NO_CONTACT, NO_CONTACT]);
    for (const m of failed.items as { id: number }[]) {
      const retry = await post(`/api/v1/benefits/outbox/${m.id}/retry`, c.province_hrss!, `retry-${m.id}`);
      expect(retry.json(), retry.body).toEqual({ id: m.id, status: 'pending' });
      expect(
        (await post(`/api/v1/benefits/outbox/${m.id}/retry`, c.province_hrss!, `retry-${m.id}`)).headers[
          'idempotent-replayed'
        ],
      ).toBe('true');
      expect(
        (await post(`/api/v1/benefits/outbox/${m.id}/retry`, c.province_hrss!, `again-${m.id}`)).json().error.code,
      ).toBe('OUTBOX_NOT_FAILED');
    }

    expect(await dispatch()).toMatchObject({ claimed: 2, sent: 2 });
    const [sms, email] = [...gateway.requests].sort((a, b) => a.body.channel.localeCompare(b.body.channel)).reverse();
    expect(sms).toMatchObject({ authorization: 'Bearer sms-token', body: { channel: 'sms', to: '13912345678' } });
    expect(email).toMatchObject({
      authorization: 'Bearer mail-token',
      body: { channel: 'email', to: 'zhang.min@example.com' },
    });
    expect(String(sms!.body.content.body)).toContain('48,000.00 元');
    expect(sms!.idempotencyKey).toBe(sms!.body.message_id);
    for (const m of await messages())
      expect([m.status, Number(m.attempts), m.sent_at]).toEqual(['sent', 1, new Date(now).toISOString()]);

    const desk = await get('/api/v1/benefits/outbox', c.province_hrss!);
    expect(desk.body).not.toContain('13912345678');
    expect(desk.body).not.toContain('zhang.min');
    expect(desk.json().counts).toEqual({ pending: 0, sent: 2, failed: 0 });
    expect(
      desk.json().items.map((m: { address: string; enterprise_name: string }) => [m.address, m.enterprise_name]),
    ).toEqual([
      ['z***@example.com', '南京扬帆装备有限公司'],
      ['139****5678', '南京扬帆装备有限公司'],
    ]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'benefits.outbox.retry')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('tries a message again after a 500 with a doubling delay, and marks it failed after the maximum of attempts', async () => {
    const id = await queue('payment_instruction', 'treasury', { batch_id: 7, file_name: 'payment-7.csv' });
    gateway.answerWith(500);
    for (let attempt = 1; attempt <= settings.maxAttempts; attempt += 1) {
      expect(await dispatch(), `attempt ${attempt}`).toMatchObject({ claimed: 1 });
      const row = await message(id);
      expect(Number(row.attempts)).toBe(attempt);
      if (attempt === settings.maxAttempts) break;
      const delay = retryDelayMs(attempt, settings);
      expect([row.status, row.last_error, row.next_attempt_at]).toEqual([
        'pending',
        '支付指令接口未受理（HTTP 500）',
        new Date(now + delay).toISOString(),
      ]);
      now += delay - 1000;
      expect(await dispatch(), 'not due before its delay').toMatchObject({ claimed: 0 });
      now += 1000;
    }
    expect(retryDelayMs(2, settings)).toBe(Math.min(2 * settings.retryFirstDelayMs, settings.retryMaxDelayMs));
    const row = await message(id);
    expect([row.status, row.last_error]).toEqual([
      'failed',
      `已尝试 ${settings.maxAttempts} 次仍未成功：支付指令接口未受理（HTTP 500）`,
    ]);
    expect(gateway.requests.map((r) => [r.authorization, r.body.to])).toEqual(
      Array(settings.maxAttempts).fill(['Bearer pay-token', 'treasury']),
    );
  });

  it('does not retry a message the gateway refused as a bad request', async () => {
    const id = await queue('sms', `enterprise:${TEST_ENTERPRISE_USCC}`, { title: '测试', body: '测试' });
    gateway.answerWith(400);
    expect(await dispatch()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await message(id)).toMatchObject({ status: 'failed', last_error: '短信网关拒绝了该消息（HTTP 400）' });
  });

  it('sends each message once when two dispatchers run at the same time', async () => {
    const ids = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(await queue('email', `enterprise:${TEST_ENTERPRISE_USCC}`, { title: `第 ${i} 条`, body: '正文' }));
    gateway.answerWith(200, 30);
    const [a, b] = await Promise.all([dispatch(), dispatch()]);
    expect(a.claimed + b.claimed).toBe(5);
    expect(new Set(gateway.requests.map((r) => r.body.message_id)).size).toBe(5);
    expect(gateway.requests).toHaveLength(5);
  });

  it('leaves a message claimed by a process that died alone until its claim runs out, then sends it', async () => {
    const id = await queue('sms', `enterprise:${TEST_ENTERPRISE_USCC}`, { title: '测试', body: '测试' });
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(
      await claimDueOutbox(t.ctx.db, t.ctx.dialect, {
        channels: ['sms'],
        now: iso(now),
        claimUntil: iso(now + settings.claimMs),
        limit: 10,
      }),
    ).toHaveLength(1);
    expect(await dispatch()).toMatchObject({ claimed: 0 });
    now += settings.claimMs;
    expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await message(id)).status).toBe('sent');
  });

  it('delivers a queue longer than a batch in one go from the server process', async () => {
    const queued = settings.dispatchBatchSize + 20;
    await insertOutbox(
      t.ctx.db,
      Array.from({ length: queued }, (_, i) => ({
        channel: 'sms',
        dedupe_key: `bulk:${i}`,
        recipient: `enterprise:${TEST_ENTERPRISE_USCC}`,
        payload: '{"title":"批量","body":"正文"}',
        created_at: new Date(now).toISOString(),
      })),
    );
    const app = Fastify();
    // The next tick would be ten minutes away: only draining batch after batch sends them all now.
    await app.register(outboxDispatcherPlugin(t.ctx, { env, intervalMs: 600_000, firstDelayMs: 10 }));
    await app.ready();
    const pendingBulk = () =>
      t.ctx.db
        .selectFrom('benefit_outbox')
        .select('id')
        .where('dedupe_key', 'like', 'bulk:%')
        .where('status', '<>', 'sent')
        .execute();
    await waitFor(async () => (await pendingBulk()).length === 0, 20_000);
    await app.close();
    expect(gateway.requests).toHaveLength(queued);
  });

  it('delivers from the server process on its own, and stops when the server closes', async () => {
    const app = Fastify();
    await app.register(outboxDispatcherPlugin(t.ctx, { env, intervalMs: 20, firstDelayMs: 20 }));
    await app.ready();
    const first = await queue('sms', `enterprise:${TEST_ENTERPRISE_USCC}`, { title: '自动发送', body: '正文' });
    await waitFor(async () => (await message(first)).status === 'sent');
    await app.close();
    const second = await queue('sms', `enterprise:${TEST_ENTERPRISE_USCC}`, { title: '关闭后', body: '正文' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await message(second)).status).toBe('pending');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
