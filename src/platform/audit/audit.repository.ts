import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

export interface AuditFilter {
  action?: string;
  username?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.action) query = query.where('action', 'like', `${filter.action}%`);
  if (filter.username) query = query.where('actor_name', '=', filter.username);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome as 'success');
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query;
}

/** A page of audit rows, newest first. */
export async function listAuditRows(db: Db, filter: AuditFilter, offset: number, limit: number) {
  const [items, count] = await Promise.all([
    filtered(db, filter).selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

/**
 * PostgreSQL: the first of `count` consecutive chain positions from the position sequence (never
 * reused). Called only by the sealer holding its lock, so nobody else draws in between.
 */
export async function reserveAuditPositions(db: Db, count: number): Promise<number> {
  const { rows } = await sql<{ first: string }>`select nextval('audit_log_position') as first`.execute(db);
  const first = Number(rows[0]!.first);
  if (count > 1) await sql`select setval('audit_log_position', ${first + count - 1})`.execute(db);
  return first;
}

/** SQLite: the position of the row about to be inserted — its id (AUTOINCREMENT never reuses one). */
export async function nextSqliteAuditPosition(db: Db): Promise<number> {
  const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  return (rows[0]?.seq ?? 0) + 1;
}

/** The chain's id and the first keyed sequence number (written once by the migration). */
export async function findAuditChainRecord(db: Db): Promise<{ chainId: string; keyedFrom: number } | undefined> {
  const rows = await db.selectFrom('audit_chain').select(['chain_id', 'keyed_from']).execute();
  if (rows.length !== 1) return undefined;
  return { chainId: rows[0]!.chain_id, keyedFrom: toNumber(rows[0]!.keyed_from) };
}

/** PostgreSQL: appends a signed checkpoint to the append-only table. */
export async function insertAuditCheckpoint(db: Db, checkpoint: AuditCheckpointRecord): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values({
      chain_id: checkpoint.chain,
      seq: checkpoint.seq,
      head_hash: checkpoint.head_hash,
      row_count: checkpoint.row_count,
      keyed_from: checkpoint.keyed_from,
      at: checkpoint.at,
      mac: checkpoint.mac,
    })
    .execute();
}

/** PostgreSQL: the chain's checkpoints from the table, newest first when `newestOnly`. */
export async function listAuditCheckpointRows(
  db: Db,
  chainId: string,
  newestOnly = false,
): Promise<AuditCheckpointRecord[]> {
  let query = db.selectFrom('audit_checkpoints').selectAll().where('chain_id', '=', chainId).orderBy('seq', 'desc');
  if (newestOnly) query = query.limit(1);
  const rows = await query.execute();
  return rows.map((r) => ({
    chain: r.chain_id,
    seq: toNumber(r.seq),
    head_hash: r.head_hash,
    row_count: toNumber(r.row_count),
    keyed_from: toNumber(r.keyed_from),
    at: r.at,
    mac: r.mac,
  }));
}

/** A signed checkpoint as written to the file (one JSON line) and the table. */
export interface AuditCheckpointRecord {
  chain: string;
  seq: number;
  head_hash: string;
  row_count: number;
  keyed_from: number;
  at: string;
  mac: string;
}
