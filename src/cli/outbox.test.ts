import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startTestGateway, type TestGateway } from '../modules/benefits/delivery/outbox-gateway.fixture.ts';
import { insertOutbox } from '../modules/benefits/delivery/notices.repository.ts';
import { loadReferenceData } from '../modules/reference/reference.loader.ts';
import { buildEnterprise } from '../modules/workforce/test-factories.ts';

const BIN = fileURLToPath(new URL('../../bin/yangfan.mjs', import.meta.url));

/** `yangfan outbox list|dispatch` through the real binary, on a SQLite file, against a local gateway. */
describe('yangfan outbox', () => {
  let dir: string;
  let gateway: TestGateway;
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATABASE_URL: '',
    YANGFAN_DB: path.join(dir, 'outbox.db'),
    YANGFAN_DATA_DIR: dir,
    NODE_ENV: 'development',
    ...extra,
  });
  // Asynchronous, so that the gateway in this process can answer while the command runs.
  const yangfan = (args: string[], extra?: Record<string, string>) =>
    new Promise<{ status: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'outbox', ...args],
        { encoding: 'utf8', timeout: 60_000, env: env(extra) },
        (error, stdout) => {
          resolve({ status: error ? Number(error.code) : 0, stdout: stdout.trim() });
        },
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangfan-outbox-'));
    gateway = await startTestGateway();
    const handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'outbox.db') });
    await migrateToLatest(handle);
    await loadReferenceData(handle.db);
    // An enterprise without any contact: its SMS cannot be addressed.
    const enterprise = buildEnterprise({ name: '南京扬帆装备有限公司' });
    await handle.db.insertInto('enterprises').values(enterprise).execute();
    const { uscc } = enterprise;
    await insertOutbox(handle.db, [
      {
        channel: 'payment_instruction',
        dedupe_key: 'payment-batch:1',
        recipient: 'treasury',
        payload: '{"batch_id":1,"file_name":"payment-1.csv"}',
        created_at: '2025-03-03T02:00:00.000Z',
      },
      {
        channel: 'sms',
        dedupe_key: 'case:1:matched:sms',
        recipient: `enterprise:${uscc}`,
        payload: '{"title":"政策提醒","body":"正文"}',
        created_at: '2025-03-03T02:00:00.000Z',
      },
    ]);
    await handle.close();
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dispatches through the configured gateways: the treasury’s notice is sent, the SMS without a contact fails', async () => {
    const { status, stdout } = await yangfan(['dispatch', '--json'], {
      YANGFAN_PAYMENT_GATEWAY_URL: gateway.url,
      YANGFAN_PAYMENT_GATEWAY_TOKEN: 'pay',
      YANGFAN_SMS_GATEWAY_URL: gateway.url,
      YANGFAN_SMS_GATEWAY_TOKEN: 'sms',
    });
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ claimed: 2, sent: 1, failed: 1, waiting_without_sender: {} });
    expect(gateway.requests.map((r) => [r.authorization, r.body.to, r.body.content.file_name])).toEqual([
      ['Bearer pay', 'treasury', 'payment-1.csv'],
    ]);
  });

  it('lists messages by status, as JSON and as text', async () => {
    const failed = await yangfan(['list', '--status', 'failed', '--json']);
    expect(failed.status).toBe(0);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      total: 1,
      counts: { pending: 0, sent: 1, failed: 1 },
      items: [{ channel: 'sms', last_error: '企业未登记联系手机/邮箱', enterprise_name: '南京扬帆装备有限公司' }],
    });
    const text = await yangfan(['list']);
    expect(text.stdout).toContain('共 2 条（待发送 0，已发送 1，发送失败 1）');
  });

  it('refuses an unknown status with exit 2', async () => {
    const { status, stdout } = await yangfan(['list', '--status', 'lost', '--json']);
    expect(status).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('VALIDATION_FAILED');
  });
});
