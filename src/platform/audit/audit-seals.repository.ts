import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { ChainedFields } from './audit-chain.ts';

/**
 * The chain as stored: SQLite (and PostgreSQL rows sealed before 20261208T1040) keep a row's
 * position and links in audit_log itself; later PostgreSQL rows have them in audit_seals, one
 * narrow row each, inserted by the sealer. These queries read the chain from both, in position
 * order. A seal whose audit row is gone reads as a missing row (verification reports it).
 */

const ROW_COLUMNS = sql`a.id, a.at, a.actor_id, a.actor_name, a.actor_role, a.action, a.object_type, a.object_id,
  a.outcome, a.request_id, a.ip, a.details`;

/** A chain row: the recorded fields with its position and links. */
export interface ChainRow extends ChainedFields {
  id: number;
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The chain's newest position and hash (its head); on PostgreSQL the newest seal, whether or not its row survives. */
export async function findAuditHead(db: Db, dialect: Dialect): Promise<{ seq: number; hash: string } | undefined> {
  if (dialect === 'postgres') {
    const seal = await db
      .selectFrom('audit_seals')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (seal) return { seq: toNumber(seal.seq), hash: seal.hash };
  }
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: toNumber(row.seq!), hash: row.hash! } : undefined;
}

/** The hash of the row at this position of the chain, if the row exists. */
export async function findAuditHashAt(db: Db, dialect: Dialect, seq: number): Promise<string | undefined> {
  const inline = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  if (inline?.hash) return inline.hash;
  if (dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ hash: string }>`select s.hash from audit_seals s join audit_log a on a.id = s.audit_id
    where s.seq = ${seq}`.execute(db);
  return rows[0]?.hash;
}

/** Rows with afterSeq < position ≤ upToSeq (both index ranges). */
export async function countAuditRowsBetween(
  db: Db,
  dialect: Dialect,
  afterSeq: number,
  upToSeq: number,
): Promise<number> {
  const inline = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .executeTakeFirstOrThrow();
  if (dialect !== 'postgres') return toNumber(inline.n);
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from audit_seals s join audit_log a on a.id = s.audit_id
    where s.seq > ${afterSeq} and s.seq <= ${upToSeq}`.execute(db);
  return toNumber(inline.n) + toNumber(rows[0]?.n ?? 0);
}

/** The next rows of the chain after position `afterSeq`, in order, for verification. */
export async function listAuditRowsAfter(
  db: Db,
  dialect: Dialect,
  afterSeq: number,
  limit: number,
): Promise<ChainRow[]> {
  const inline = (await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute()) as ChainRow[];
  if (dialect !== 'postgres') return inline;
  const { rows: sealed } = await sql<ChainRow>`select ${ROW_COLUMNS}, s.seq, s.prev_hash, s.hash
    from audit_seals s join audit_log a on a.id = s.audit_id
    where s.seq > ${afterSeq} order by s.seq limit ${limit}`.execute(db);
  return [...inline, ...sealed].sort((x, y) => toNumber(x.seq) - toNumber(y.seq)).slice(0, limit);
}

/** PostgreSQL: committed rows with an id above `afterId` not sealed yet, oldest first. */
export async function listUnsealedAuditRows(db: Db, afterId: number, limit: number) {
  const { rows } = await sql<Omit<ChainRow, 'seq' | 'prev_hash' | 'hash'>>`select ${ROW_COLUMNS} from audit_log a
    where a.id > ${afterId} and a.seq is null
      and not exists (select 1 from audit_seals s where s.audit_id = a.id)
    order by a.id limit ${limit}`.execute(db);
  return rows;
}

/** PostgreSQL: how many committed rows wait for the sealer, and the time of the oldest (a full pass). */
export async function findUnsealedAuditTail(db: Db): Promise<{ count: number; oldestAt: string | null }> {
  const { rows } = await sql<{ n: string; oldest: string | null }>`select count(*) as n, min(a.at) as oldest
    from audit_log a where a.seq is null and not exists (select 1 from audit_seals s where s.audit_id = a.id)`.execute(
    db,
  );
  return { count: toNumber(rows[0]?.n ?? 0), oldestAt: rows[0]?.oldest ?? null };
}

/** PostgreSQL: records the positions and links of sealed rows, in one statement. */
export async function insertAuditSeals(db: Db, seals: { id: number; seq: number; prevHash: string; hash: string }[]) {
  if (seals.length === 0) return;
  await db
    .insertInto('audit_seals')
    .values(seals.map((s) => ({ seq: s.seq, audit_id: s.id, prev_hash: s.prevHash, hash: s.hash })))
    .execute();
}

/** PostgreSQL: the sealer's progress row. */
export async function findSealProgress(db: Db) {
  const row = await db.selectFrom('audit_seal_progress').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    sealedThrough: toNumber(row?.sealed_through ?? 0),
    pendingId: row?.pending_id == null ? null : toNumber(row.pending_id),
    pendingXmax: row?.pending_xmax == null ? null : toNumber(row.pending_xmax),
  };
}

/** PostgreSQL: saves the sealer's progress. */
export async function saveSealProgress(
  db: Db,
  progress: { sealedThrough: number; pendingId: number | null; pendingXmax: number | null },
) {
  await db
    .updateTable('audit_seal_progress')
    .set({ sealed_through: progress.sealedThrough, pending_id: progress.pendingId, pending_xmax: progress.pendingXmax })
    .where('id', '=', 1)
    .execute();
}

/** PostgreSQL: the oldest transaction still running (all below it have ended), from this statement's snapshot. */
export async function currentTransactionHorizon(db: Db): Promise<{ xmin: number; xmax: number }> {
  const { rows } = await sql<{
    xmin: string;
    xmax: string;
  }>`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin,
    pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xmax`.execute(db);
  return { xmin: toNumber(rows[0]!.xmin), xmax: toNumber(rows[0]!.xmax) };
}

/** PostgreSQL: the largest audit row id committed and visible now. */
export async function findMaxAuditId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return toNumber((row?.m as number | null) ?? 0);
}
