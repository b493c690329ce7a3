import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: delivering 免申即享 messages. The outbox learns when a message may be tried again
// (backoff), which worker holds it (a lease, so several processes share the work without holding
// a transaction open across a gateway call), when it was last tried and to which address
// (masked: the whole phone number never rests here). Enterprises keep their own contact for
// SMS and e-mail beside the register's (the phone SM4-encrypted). Match runs beat a heartbeat
// while they work, so a run left “running” by a dead process can be told from a live one.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('benefit_outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('benefit_outbox').addColumn('claimed_until', 'text').execute();
  await db.schema.alterTable('benefit_outbox').addColumn('last_attempt_at', 'text').execute();
  await db.schema.alterTable('benefit_outbox').addColumn('address_masked', 'text').execute();

  await db.schema
    .createTable('enterprise_notification_contacts')
    .addColumn('uscc', 'text', (c) => c.primaryKey().references('enterprises.uscc'))
    .addColumn('phone_enc', 'text') // SM4 ciphertext of a mobile number
    .addColumn('email', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('benefit_match_runs').addColumn('heartbeat_at', 'text').execute();
  await db
    .updateTable('benefit_match_runs')
    .set((eb: any) => ({ heartbeat_at: eb.ref('started_at') }))
    .execute();
}
