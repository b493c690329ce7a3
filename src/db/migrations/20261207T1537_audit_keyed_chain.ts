import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the audit chain becomes keyed (HMAC-SM3) and gains checkpoints kept outside audit_log.
// Rows written before this migration keep their plain SM3 links and are not rewritten (an auditor
// keeps the evidence as it was): `audit_chain` records the first sequence number that is keyed,
// and a random chain id that ties the checkpoint file in the data directory to this database.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.schema
    .createTable('audit_chain')
    .addColumn('chain_id', 'text', (c) => c.primaryKey())
    .addColumn('keyed_from', isPg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const chainId = isPg ? sql`md5(random()::text || clock_timestamp()::text)` : sql`lower(hex(randomblob(16)))`;
  await sql`insert into audit_chain (chain_id, keyed_from, created_at)
    select ${chainId}, coalesce(max(id), 0) + 1, ${new Date().toISOString()} from audit_log`.execute(db);

  if (!isPg) {
    await sql`create trigger audit_chain_no_update before update on audit_chain
      begin select raise(abort, 'audit_chain is append-only'); end`.execute(db);
    await sql`create trigger audit_chain_no_delete before delete on audit_chain
      begin select raise(abort, 'audit_chain is append-only'); end`.execute(db);
    return;
  }

  // PostgreSQL: signed checkpoints in an append-only table. A trigger (not REVOKE) refuses UPDATE,
  // DELETE and TRUNCATE: the application connects as the owner of its schema (it runs these
  // migrations), and an owner is not bound by REVOKE on its own tables, but it is by a trigger.
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('chain_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('row_count', 'bigint', (c) => c.notNull())
    .addColumn('keyed_from', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_checkpoints_chain_seq')
    .on('audit_checkpoints')
    .columns(['chain_id', 'seq'])
    .execute();
  await sql`create function audit_append_only() returns trigger language plpgsql as $$
    begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
  for (const table of ['audit_checkpoints', 'audit_chain']) {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_append_only()`.execute(db);
  }
  // The row triggers of 20261127T1600 do not fire on TRUNCATE; statement triggers do.
  for (const table of ['audit_log', 'audit_checkpoints', 'audit_chain']) {
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_append_only()`.execute(db);
  }
}
