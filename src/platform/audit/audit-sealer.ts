import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import { GENESIS_HASH, keyedChainHash, type AuditChain, type ChainedFields } from './audit-chain.ts';
import { reserveAuditPositions } from './audit.repository.ts';
import {
  currentTransactionHorizon,
  findAuditHead,
  findMaxAuditId,
  findSealProgress,
  insertAuditSeals,
  listUnsealedAuditRows,
  saveSealProgress,
} from './audit-seals.repository.ts';

/**
 * PostgreSQL: links the committed, unsealed audit rows into the chain, oldest first, in batches.
 * Writers never wait for this: they insert unsealed rows and commit; one sealer at a time (a
 * transaction-scoped advisory lock held only by sealers) gives each row the next position and its
 * keyed link, and records them as a row of audit_seals — the audit row itself is never rewritten.
 * A row still in a writer's open transaction is not visible yet and is sealed by a later pass,
 * after rows that committed before it: the chain's order is the order of sealing.
 * `wait`: block until the running sealer finishes (verify, checkpoints); otherwise skip when
 * another process is sealing. `everyRow`: look at every row, not only those above the progress
 * mark (verification). Returns the number of rows sealed; 0 on SQLite (linked on write).
 */
export async function sealAuditTail(
  chain: AuditChain,
  options: { wait?: boolean; everyRow?: boolean } = {},
): Promise<number> {
  if (chain.dialect !== 'postgres') return 0;
  let sealed = 0;
  for (;;) {
    const batch = await chain.db.transaction().execute(async (trx) => {
      if (options.wait) await sql`select pg_advisory_xact_lock(${SEALER_LOCK_KEY})`.execute(trx);
      else {
        const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}) as ok`.execute(
          trx,
        );
        if (!rows[0]?.ok) return -1;
      }
      const progress = await findSealProgress(trx);
      // Taken before the rows are read: every transaction below this horizon has ended, so its rows are visible below.
      const horizon = await currentTransactionHorizon(trx);
      const rows = await listUnsealedAuditRows(trx, options.everyRow ? 0 : progress.sealedThrough, BATCH);
      if (rows.length > 0) await sealRows(trx, chain, rows);
      if (rows.length < BATCH) await advanceProgress(trx, progress, horizon.xmin);
      return rows.length;
    });
    if (batch <= 0) return sealed;
    sealed += batch;
    if (batch < BATCH) return sealed;
  }
}

async function sealRows(
  trx: Db,
  chain: AuditChain,
  rows: Awaited<ReturnType<typeof listUnsealedAuditRows>>,
): Promise<void> {
  const head = await findAuditHead(trx, 'postgres');
  let prevHash = head?.hash ?? GENESIS_HASH;
  let seq = (await reserveAuditPositions(trx, rows.length)) - 1;
  const seals = rows.map((row) => {
    const { id, ...stored } = row;
    const fields: ChainedFields = { ...stored, actor_id: stored.actor_id === null ? null : toNumber(stored.actor_id) };
    const hash = keyedChainHash(chain.key, prevHash, fields);
    const seal = { id: toNumber(id), seq: ++seq, prevHash, hash };
    prevHash = hash;
    return seal;
  });
  await insertAuditSeals(trx, seals);
}

/**
 * After a pass that sealed every visible row above the mark: the mark moves to the pending row id
 * once every transaction that was running when that id was noted has ended (a row with a smaller
 * id can only come from one of them: ids are drawn in order, and a transaction draws its id after
 * it has its transaction id). Then the newest id is noted as pending, with the horizon after it.
 */
async function advanceProgress(
  trx: Db,
  progress: Awaited<ReturnType<typeof findSealProgress>>,
  oldestRunning: number,
): Promise<void> {
  let { sealedThrough, pendingId, pendingXmax } = progress;
  if (pendingId !== null && pendingXmax !== null && oldestRunning >= pendingXmax) {
    sealedThrough = Math.max(sealedThrough, pendingId);
    pendingId = null;
    pendingXmax = null;
  }
  if (pendingId === null) {
    pendingId = await findMaxAuditId(trx);
    // Read after the id, so every transaction that drew an id up to it is below this horizon.
    pendingXmax = (await currentTransactionHorizon(trx)).xmax;
  }
  if (
    sealedThrough !== progress.sealedThrough ||
    pendingId !== progress.pendingId ||
    pendingXmax !== progress.pendingXmax
  )
    await saveSealProgress(trx, { sealedThrough, pendingId, pendingXmax });
}

// Only sealers take it; the lock writers took for every row before (7_291_001) is gone.
const SEALER_LOCK_KEY = 7_291_002;
const BATCH = 2000;
