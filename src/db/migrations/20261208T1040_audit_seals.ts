import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: on PostgreSQL the sealer no longer updates audit rows. A row's position and links go to
// `audit_seals` (one narrow row per sealed audit row, inserted by the sealer), so an audit row is
// written once and never rewritten, and `audit_log` is strictly append-only again. Rows sealed
// before keep their position and links in audit_log; verification reads both (ADR 0003).
// `audit_seal_progress` (one row, a hint for the sealer, not evidence) says below which id every
// row is sealed, so a pass reads only the newest rows. SQLite links each row as it is written:
// nothing changes there.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`create table audit_seals (
    seq bigint primary key,
    audit_id bigint not null unique,
    prev_hash text not null,
    hash text not null
  )`.execute(db);
  await sql`create trigger audit_seals_no_update before update or delete on audit_seals
    for each row execute function audit_append_only()`.execute(db);
  await sql`create trigger audit_seals_no_truncate before truncate on audit_seals
    for each statement execute function audit_append_only()`.execute(db);

  // Every audit row with id ≤ sealed_through is sealed. The pending pair (a row id and a
  // transaction horizon) lets the mark move once every transaction that could still insert a row
  // with a smaller id has ended.
  await sql`create table audit_seal_progress (
    id integer primary key check (id = 1),
    sealed_through bigint not null,
    pending_id bigint,
    pending_xmax bigint
  )`.execute(db);
  await sql`insert into audit_seal_progress (id, sealed_through)
    select 1, coalesce((select min(id) - 1 from audit_log where seq is null), (select max(id) from audit_log), 0)`.execute(
    db,
  );

  // No row is sealed in place any more: every UPDATE of audit_log is refused, as before sealing.
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_log is append-only'; end $$`.execute(db);
  // New rows never get a position in audit_log: the indexes that held one entry per unsealed row
  // (the partial one for the old sealer, and every NULL of the unique position) now hold only the
  // rows sealed before, so a write adds no entry to them.
  await sql`drop index if exists audit_log_unsealed`.execute(db);
  await sql`drop index audit_log_seq`.execute(db);
  await sql`create unique index audit_log_seq on audit_log (seq) where seq is not null`.execute(db);
}
