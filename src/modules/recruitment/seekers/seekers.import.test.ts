import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { makeIdNumber } from '../../../platform/identifiers/id-number.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { testDialects } from '../../../test/dialects.ts';
import { runImport } from '../../imports/runner.ts';
import { latestCode, registerAndLogin, SEEKER_PASSWORD } from './seekers.fixtures.ts';
import { seekersImport } from './seekers.import.ts';

const HEADER = '求职者编号,手机号码或电子邮箱,姓名,公民身份号码,学历,毕业日期,证书';
const ID = makeIdNumber('320102', '1999-01-01', 12);
const BAD_ID = `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}`;

describe.each(testDialects())('the seekers import on %s', (dialect) => {
  let t: TestApp;
  let dir = '';
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, [HEADER, ...lines].join('\n'));
    return file;
  };
  const seekers = () => t.ctx.db.selectFrom('job_seekers').selectAll().orderBy('id').execute();
  const seekerAccounts = () => t.ctx.db.selectFrom('users').selectAll().where('role', '=', 'job_seeker').execute();
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'seekers-'));
  }, 90_000);
  afterAll(() => t.close());

  it('seals imported seekers like registered ones, refuses bad rows in Chinese, never doubles an account, and changes nothing the second time', async () => {
    // Someone already registered here with the phone number the platform also has.
    await registerAndLogin(t, '13800000001', '李已注册');
    const file = write('seekers.csv', [
      `SXP-S1,13912340001,张三,${ID},本科,2024-06-30,电工（四级）、CET-6`,
      'SXP-S2,Wang.Er@Example.com,王二,,专科,,',
      'SXP-S3,13800000001,李平台,,大专,2020-06-30,',
      `SXP-S4,13912340004,赵四,${BAD_ID},本科,,`,
      'SXP-S5,1391234,钱五,,本科,,',
      'SXP-S6,13912340006,孙六,,小学,,',
      'SXP-S7,13912340001,周七,,本科,,',
    ]);
    const first = await runImport(t.ctx, systemActor(), seekersImport, file);
    expect(first).toMatchObject({ rows: 7, accepted: 3, unchanged: 0, rejected: 4 });
    const rejects = await t.ctx.db
      .selectFrom('import_rejects')
      .select(['line', 'code', 'message'])
      .orderBy('line')
      .execute();
    expect(rejects.map((r) => [r.line, r.code])).toEqual([
      [5, 'ID_CHECK_DIGIT'],
      [6, 'CONTACT_INVALID'],
      [7, 'ENUM_INVALID'],
      [8, 'CONTACT_TAKEN'],
    ]);
    expect(rejects.every((r) => /[\u4e00-\u9fa5]/.test(r.message))).toBe(true);
    expect(rejects.map((r) => r.message).join()).not.toContain('13912340001');

    const rows = await seekers();
    expect(rows).toHaveLength(3);
    const [registered, zhang, wang] = rows;
    // The registered seeker is linked, not duplicated, and keeps the profile they keep.
    expect(registered).toMatchObject({ source_key: 'SXP-S3', education: null });
    expect(t.ctx.cipher.decrypt(registered!.name_enc)).toBe('李已注册');
    // Personal data rests sealed with blind indexes, exactly as for a registration.
    expect(zhang).toMatchObject({ source_key: 'SXP-S1', education: '本科', graduation_date: '2024-06-30' });
    expect(JSON.stringify(zhang)).not.toContain('13912340001');
    expect(JSON.stringify(zhang)).not.toContain(ID);
    expect(zhang!.phone_index).toBe(t.ctx.cipher.blindIndex('phone', '13912340001'));
    expect(zhang!.id_number_index).toBe(t.ctx.cipher.blindIndex('id', ID));
    expect(t.ctx.cipher.decrypt(zhang!.id_number_enc!)).toBe(ID);
    expect(JSON.parse(zhang!.certificates)).toEqual(['电工(四级)', 'CET-6']);
    expect(wang).toMatchObject({ education: '大专', phone_enc: null });
    expect(wang!.email_index).toBe(t.ctx.cipher.blindIndex('email', 'wang.er@example.com'));
    expect(await seekerAccounts()).toHaveLength(3);

    const again = await runImport(t.ctx, systemActor(), seekersImport, file);
    expect(again).toMatchObject({ accepted: 0, unchanged: 3, rejected: 4 });
    expect(await seekers()).toHaveLength(3);
    expect(await seekerAccounts()).toHaveLength(3);
  });

  it('an imported seeker has no password until they claim the account with a code to the phone on file', async () => {
    const login = (password: string) =>
      post('/api/v1/auth/login', { username: '13912340001', password }).then((r) => r.statusCode);
    expect(await login('')).not.toBe(200);

    expect((await post('/api/v1/job-seekers/verification-codes', { contact: '13912340001' })).statusCode).toBe(201);
    const claimed = await post('/api/v1/job-seekers', {
      contact: '13912340001',
      code: await latestCode(t),
      password: SEEKER_PASSWORD,
      name: '张三',
    });
    expect(claimed.statusCode, claimed.body).toBe(201);
    // The imported profile is now theirs, shown masked.
    expect(claimed.json()).toMatchObject({ name: '张三', education: '本科', phone: '139****0001' });
    expect(claimed.json().idNumber).not.toContain(ID.slice(6, 14));
    expect(await login(SEEKER_PASSWORD)).toBe(200);
    expect(await seekers()).toHaveLength(3);

    // The 审计日志 names the seeker by the masked phone, found by typing the phone, not by the account's digest.
    const auditor = (await t.loginAs('auditor')).cookie;
    const logged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?username=13912340001',
      headers: { cookie: auditor },
    });
    expect(logged.statusCode, logged.body).toBe(200);
    const items = logged.json().items as { actorName: string; actorLabel: string | null; action: string }[];
    expect(items.map((i) => i.action)).toContain('auth.login');
    expect(items.every((i) => i.actorLabel === '139****0001' && /^js/.test(i.actorName))).toBe(true);

    // Claimed means owned: nobody registers it again, and a changed platform record leaves it alone.
    expect((await post('/api/v1/job-seekers/verification-codes', { contact: '13912340001' })).statusCode).toBe(409);
    const changed = await runImport(
      t.ctx,
      systemActor(),
      seekersImport,
      write('changed.csv', [`SXP-S1,13912340001,张三丰,${ID},硕士,2024-06-30,`]),
    );
    expect(changed).toMatchObject({ accepted: 0, unchanged: 1 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'job_seeker.claim')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('an unclaimed imported seeker follows a changed platform record, new phone number included', async () => {
    const outcome = await runImport(
      t.ctx,
      systemActor(),
      seekersImport,
      write('moved.csv', ['SXP-S2,13912340002,王二,,硕士,2026-06-30,']),
    );
    expect(outcome).toMatchObject({ accepted: 1, rejected: 0 });
    const wang = (await seekers()).find((s) => s.source_key === 'SXP-S2')!;
    expect(wang).toMatchObject({ education: '硕士', email_index: null });
    expect(wang.phone_index).toBe(t.ctx.cipher.blindIndex('phone', '13912340002'));
    // The old address no longer names an account; the new number can claim it.
    expect((await post('/api/v1/job-seekers/verification-codes', { contact: '13912340002' })).statusCode).toBe(201);
    expect(await seekerAccounts()).toHaveLength(3);
  });
});
