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

/** The chain's newest sealed row (its head): position and hash. */
export async function findAuditHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: toNumber(row.seq!), hash: row.hash! } : undefined;
}

/** The hash of the row at this position of the chain, if it exists. */
export async function findAuditHashAt(db: Db, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? undefined;
}

/** Rows with afterSeq < seq ≤ upToSeq: an index range on the chain position. */
export async function countAuditRowsBetween(db: Db, afterSeq: number, upToSeq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

/** The next sealed rows of the chain after position `afterSeq`, in order, for verification. */
export function listAuditRowsAfter(db: Db, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** PostgreSQL: committed rows not yet sealed, oldest first (a partial index holds only these). */
export function listUnsealedAuditRows(db: Db, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', 'is', null).orderBy('id').limit(limit).execute();
}

/** PostgreSQL: how many committed rows wait for the sealer, and the time of the oldest. */
export async function findUnsealedAuditTail(db: Db): Promise<{ count: number; oldestAt: string | null }> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('oldest')])
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: toNumber(row.n), oldestAt: (row.oldest as string | null) ?? null };
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

/** PostgreSQL: seals rows with their position and links, in one statement. */
export async function sealAuditRows(db: Db, seals: { id: number; seq: number; prevHash: string; hash: string }[]) {
  if (seals.length === 0) return;
  const values = sql.join(
    seals.map((s) => sql`(${s.id}::bigint, ${s.seq}::bigint, ${s.prevHash}, ${s.hash})`),
    sql`, `,
  );
  await sql`update audit_log set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    from (values ${values}) as v(id, seq, prev_hash, hash)
    where audit_log.id = v.id and audit_log.seq is null`.execute(db);
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
