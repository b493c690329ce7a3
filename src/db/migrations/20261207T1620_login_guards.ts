import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: login controls that hold under concurrency (ADR 0005).
// - users.totp_last_step: the last accepted TOTP time step, so a code is accepted once;
// - users.must_change_password / password_changed_at: a reset or a demo password forces a change;
// - login_guards: one row per counter (an account from one source address, an account from any
//   address, a source address across usernames), each claimed by one conditional upsert.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();

  await db.schema
    .createTable('login_guards')
    .addColumn('key', 'text', (c) => c.primaryKey()) // account:<id>@<ip> | account:<id> | ip:<ip>
    .addColumn('user_id', 'integer') // the account counted, null for a source-address counter
    .addColumn('ip', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lock_count', 'integer', (c) => c.notNull().defaultTo(0)) // locks so far: each lasts longer
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_guards_user').on('login_guards').column('user_id').execute();
}
