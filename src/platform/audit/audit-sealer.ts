import { sql } from 'kysely';
import { toNumber } from '../../db/convert.ts';
import { GENESIS_HASH, keyedChainHash, type AuditChain, type ChainedFields } from './audit-chain.ts';
import { findAuditHead, listUnsealedAuditRows, reserveAuditPositions, sealAuditRows } from './audit.repository.ts';

/**
 * PostgreSQL: links the committed, unsealed audit rows into the chain, oldest first, in batches.
 * Writers never wait for this: they insert unsealed rows and commit; one sealer at a time (a
 * transaction-scoped advisory lock held only by sealers) gives each row the next position and its
 * keyed link. A row still in a writer's open transaction is not visible yet and is sealed by a
 * later pass, after rows that committed before it: the chain's order is the order of sealing.
 * `wait`: block until the running sealer finishes (verify, checkpoints); otherwise skip when
 * another process is sealing. Returns the number of rows sealed; 0 on SQLite (linked on write).
 */
export async function sealAuditTail(chain: AuditChain, options: { wait?: boolean } = {}): Promise<number> {
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
      const rows = await listUnsealedAuditRows(trx, BATCH);
      if (rows.length === 0) return 0;
      const head = await findAuditHead(trx);
      let prevHash = head?.hash ?? GENESIS_HASH;
      let seq = (await reserveAuditPositions(trx, rows.length)) - 1;
      const seals = rows.map((row) => {
        const { id, seq: _seq, prev_hash: _prev, hash: _hash, ...stored } = row;
        const fields: ChainedFields = {
          ...stored,
          actor_id: stored.actor_id === null ? null : toNumber(stored.actor_id),
        };
        const hash = keyedChainHash(chain.key, prevHash, fields);
        const seal = { id: toNumber(id), seq: ++seq, prevHash, hash };
        prevHash = hash;
        return seal;
      });
      await sealAuditRows(trx, seals);
      return rows.length;
    });
    if (batch <= 0) return sealed;
    sealed += batch;
    if (batch < BATCH) return sealed;
  }
}

// Only sealers take it; the lock writers took for every row before (7_291_001) is gone.
const SEALER_LOCK_KEY = 7_291_002;
const BATCH = 2000;
