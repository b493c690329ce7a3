import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the audit chain gets a position of its own (`seq`) so that, on PostgreSQL, writers no
// longer take one lock for the whole chain: a row is inserted unsealed (no seq, no hashes) in the
// writer's transaction, and one sealer at a time links the committed rows in order (ADR 0003).
// Rows already written keep their links; their position is their id, so existing checkpoints
// (which name a row's id) stay valid. SQLite's single writer still links each row as it is
// written, at the position of its id.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.schema
    .alterTable('audit_log')
    .addColumn('seq', isPg ? 'bigint' : 'integer')
    .execute();

  if (!isPg) {
    // The append-only triggers refuse any UPDATE: lifted for the one backfill, then restored.
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`update audit_log set seq = id`.execute(db);
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await db.schema.createIndex('audit_log_seq').unique().on('audit_log').column('seq').execute();
    return;
  }

  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  await sql`update audit_log set seq = id`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  await sql`alter table audit_log alter column prev_hash drop not null, alter column hash drop not null`.execute(db);
  await db.schema.createIndex('audit_log_seq').unique().on('audit_log').column('seq').execute();
  // Positions are never reused (like SQLite's AUTOINCREMENT ids): rows deleted at the end leave
  // their checkpoint's position empty, which verification reports as truncation.
  await sql`create sequence audit_log_position`.execute(db);
  await sql`select setval('audit_log_position', coalesce((select max(id) from audit_log), 0) + 1, false)`.execute(db);
  await sql`create index audit_log_unsealed on audit_log (id) where seq is null`.execute(db);
  await sql`alter table audit_log add constraint audit_log_sealed_whole
    check ((seq is null and prev_hash is null and hash is null)
        or (seq is not null and prev_hash is not null and hash is not null))`.execute(db);

  // Still append-only: the only change allowed is sealing an unsealed row once, its recorded
  // fields untouched; DELETE and every other UPDATE are refused as before.
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
         and (new.id, new.at, new.actor_id, new.actor_name, new.actor_role, new.action, new.object_type,
              new.object_id, new.outcome, new.request_id, new.ip, new.details)
             is not distinct from
             (old.id, old.at, old.actor_id, old.actor_name, old.actor_role, old.action, old.object_type,
              old.object_id, old.outcome, old.request_id, old.ip, old.details)
      then return new; end if;
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
}
