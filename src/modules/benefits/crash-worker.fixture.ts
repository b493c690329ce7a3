import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { bindTestAuditChain } from '../../test/dialects.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { createPaymentBatch, previewPaymentBatch } from './payments/payments.service.ts';
import { approveCase } from './cases/review.service.ts';

/**
 * A separate process for the kill -9 test: approves every confirmed case, then releases every
 * approved one, one transaction per case, printing each step — the test kills it mid-way and
 * runs it again. Usage: tsx crash-worker.fixture.ts <sqlite file> <approver id> <releaser id>.
 */

const [file, approverId, releaserId] = process.argv.slice(2);
const handle = openDatabase({ dialect: 'sqlite', path: file! });
// The test's database chains its audit rows under the test key; this process writes with the same.
bindTestAuditChain(handle);
let now = Date.parse('2025-03-03T02:00:00Z');
const keys = { encryption: Buffer.alloc(16, 7), mac: Buffer.alloc(32, 8), blindIndex: Buffer.alloc(32, 9) };
const ctx: AppContext = {
  db: handle.db,
  dialect: 'sqlite',
  config: { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys },
  cipher: createPersonalDataCipher(keys),
  clock: () => new Date(now),
};
const actorOf = (id: string): Actor & { user: CurrentUser } => ({
  user: {
    id: Number(id),
    username: `u${id}`,
    displayName: `u${id}`,
    role: 'province_hrss',
    regionCode: null,
    uscc: null,
    canViewPersonal: false,
    via: 'session',
  },
  requestId: 'crash-worker',
  ip: null,
});
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

const confirmed = await handle.db
  .selectFrom('benefit_cases')
  .select('id')
  .where('state', '=', 'confirmed')
  .orderBy('id')
  .execute();
for (const { id } of confirmed) {
  await handle.db
    .transaction()
    .execute((trx) => approveCase(trx, ctx, actorOf(approverId!), Number(id), { opinion: '符合条件，同意' }));
  process.stdout.write(`approved ${id}\n`);
  await pause();
}
now += 10 * 86_400_000; // 公示 over
const approved = await handle.db
  .selectFrom('benefit_cases')
  .select('id')
  .where('state', '=', 'approved')
  .orderBy('id')
  .execute();
for (const { id } of approved) {
  await handle.db.transaction().execute(async (trx) => {
    const preview = await previewPaymentBatch(trx, ctx, actorOf(releaserId!), [Number(id)]);
    return createPaymentBatch(trx, ctx, actorOf(releaserId!), { case_ids: [Number(id)], preview_token: preview.token });
  });
  process.stdout.write(`released ${id}\n`);
  await pause();
}
process.stdout.write('done\n');
await handle.close();
