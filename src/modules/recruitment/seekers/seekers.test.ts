import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../platform/identifiers/id-number.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { dispatchOutbox } from '../../benefits/delivery/outbox.service.ts';
import { loadSeekerSettings } from './seeker-settings.ts';
import { latestCode, registerAndLogin, SEEKER_PASSWORD as PASSWORD } from './seekers.fixtures.ts';

describe.each(testDialects())('job seeker registration and profile on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  }, 90_000);
  afterAll(() => t.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

  it('sends a 6-digit code through the outbox with the address sealed, and registers with it once', async () => {
    const sent = await post('/api/v1/job-seekers/verification-codes', { contact: '13912345678' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ channel: 'sms', sentTo: '139****5678' });
    const queued = await t.ctx.db
      .selectFrom('benefit_outbox')
      .selectAll()
      .where('recipient', 'like', 'direct:%')
      .executeTakeFirstOrThrow();
    expect(queued.recipient).not.toContain('13912345678');
    expect(queued.channel).toBe('sms');
    expect(queued.address_masked).toBe('139****5678');
    const code = await latestCode(t);
    expect(code).toMatch(/^\d{6}$/);

    // A resend within the gap is refused.
    expect((await post('/api/v1/job-seekers/verification-codes', { contact: '13912345678' })).statusCode).toBe(429);

    const weak = await post('/api/v1/job-seekers', {
      contact: '13912345678',
      code,
      password: 'password',
      name: '王小明',
    });
    expect(weak.statusCode).toBe(400);
    const wrong = await post('/api/v1/job-seekers', {
      contact: '13912345678',
      code: code === '000000' ? '111111' : '000000',
      password: PASSWORD,
      name: '王小明',
    });
    expect(wrong.json().error).toMatchObject({ code: 'VERIFICATION_CODE_INVALID' });
    expect(wrong.json().error.message).toContain(`还可尝试 ${loadSeekerSettings().maxAttempts - 1} 次`);

    const ok = await post('/api/v1/job-seekers', { contact: '13912345678', code, password: PASSWORD, name: '王小明' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: '王小明', phone: '139****5678', email: null });
    const again = await post('/api/v1/job-seekers', { contact: '13912345678', code, password: PASSWORD, name: '王' });
    expect(again.statusCode).toBe(400);
    expect((await post('/api/v1/job-seekers/verification-codes', { contact: '13912345678' })).json().error.code).toBe(
      'CONTACT_REGISTERED',
    );

    const stored = await t.ctx.db.selectFrom('job_seekers').selectAll().executeTakeFirstOrThrow();
    expect(stored.name_enc).not.toContain('王小明');
    expect(stored.phone_enc).not.toContain('13912345678');
  });

  it('delivers the code to the address itself, opened only at send time', async () => {
    const sent: { to: string; channel: string }[] = [];
    const sender = { send: async (m: { to: string; channel: string }) => void sent.push(m) };
    const summary = await dispatchOutbox(t.ctx, { sms: sender, email: sender }, { log: () => undefined });
    expect(summary.sent).toBeGreaterThan(0);
    expect(sent).toContainEqual(expect.objectContaining({ channel: 'sms', to: '13912345678' }));
  });

  it('voids a code after the allowed wrong tries and after it expires', async () => {
    const settings = loadSeekerSettings();
    await post('/api/v1/job-seekers/verification-codes', { contact: 'li.hua@example.com' });
    const code = await latestCode(t);
    const bad = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < settings.maxAttempts; i += 1)
      await post('/api/v1/job-seekers', { contact: 'li.hua@example.com', code: bad, password: PASSWORD, name: '李华' });
    const late = await post('/api/v1/job-seekers', {
      contact: 'li.hua@example.com',
      code,
      password: PASSWORD,
      name: '李华',
    });
    expect(late.json().error.code).toBe('VERIFICATION_CODE_EXPIRED');

    t.advance(settings.resendSeconds * 1000);
    await post('/api/v1/job-seekers/verification-codes', { contact: 'li.hua@example.com' });
    const fresh = await latestCode(t);
    t.advance(settings.expiresMinutes * 60_000 + 1000);
    const expired = await post('/api/v1/job-seekers', {
      contact: 'li.hua@example.com',
      code: fresh,
      password: PASSWORD,
      name: '李华',
    });
    expect(expired.json().error.code).toBe('VERIFICATION_CODE_EXPIRED');
  });

  it('signs in with the e-mail address, keeps the profile with the ID number sealed and masked', async () => {
    const cookie = await registerAndLogin(t, 'Zhao.Lei@Example.com', '赵磊');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ role: 'job_seeker', roleLabel: '求职者', displayName: '赵磊' });
    const idNumber = makeIdNumber('320102', '2001-05-04', 123);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/job-seekers/me',
      headers: { cookie },
      payload: {
        name: '赵磊',
        idNumber,
        education: '本科',
        graduationDate: '2024-06-30',
        certificates: ['电工（四级）', 'CET-6'],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      email: 'z***@example.com',
      education: '本科',
      certificates: ['电工（四级）', 'CET-6'],
    });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/job-seekers/me',
      headers: { cookie },
      payload: { name: '赵磊', idNumber: '320102200105041230', certificates: [] },
    });
    expect(bad.statusCode).toBe(400);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'job_seeker.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['job_seeker.register', 'job_seeker.profile']));
  });
});
