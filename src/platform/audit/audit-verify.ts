import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import { auditChainOf, GENESIS_HASH, keyedChainHash, plainChainHash } from './audit-chain.ts';
import { readAuditCheckpoints, type AuditCheckpointRecord } from './audit-checkpoints.ts';
import { sealAuditTail } from './audit-sealer.ts';
import { findAuditChainRecord } from './audit.repository.ts';
import { findUnsealedAuditTail, listAuditRowsAfter } from './audit-seals.repository.ts';
import type { Dialect } from '../../db/database.ts';

/**
 * What can be wrong, first by sequence number: `link_mismatch` a row does not follow its
 * predecessor (rows removed or inserted); `hash_mismatch` a row's content no longer matches its
 * keyed hash; `recomputed` hashes were recomputed without the key (a row verifies as plain SM3, a
 * checkpoint's head hash differs, or the keyed-from mark moved); `truncated` a checkpoint's row
 * is missing or the head is behind the last checkpoint; `checkpoint_invalid` a checkpoint whose
 * signature does not verify.
 */
export type AuditBreakReason = 'link_mismatch' | 'hash_mismatch' | 'recomputed' | 'truncated' | 'checkpoint_invalid';

export interface AuditVerification {
  ok: boolean;
  /** Rows verified before the first problem (all rows when ok). */
  checked: number;
  first_broken?: { id: number; reason: AuditBreakReason };
  /** The first sequence number chained with HMAC-SM3; earlier rows have plain SM3 links. */
  keyed_from?: number;
  last_checkpoint?: { seq: number; row_count: number; at: string };
  /** PostgreSQL: committed rows still waiting for the sealer after verification sealed (normally 0). */
  unsealed?: { count: number; oldest_at: string | null };
}

const BATCH = 5000;

/** Seals what is committed (PostgreSQL), then walks the whole chain in sequence order against its key and its checkpoints; reports the first problem. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const chain = auditChainOf(db);
  // PostgreSQL: what is committed is sealed first, so the walk covers every committed row.
  await sealAuditTail(chain, { wait: true, everyRow: true });
  const record = await findAuditChainRecord(db);
  if (!record) return { ok: false, checked: 0, first_broken: { id: 1, reason: 'recomputed' } };
  const { valid, invalid } = await readAuditCheckpoints(chain, record.chainId);
  const last = valid.at(-1);
  const summary = {
    keyed_from: record.keyedFrom,
    ...(last ? { last_checkpoint: { seq: last.seq, row_count: last.row_count, at: last.at } } : {}),
  };
  const broken = (id: number, reason: AuditBreakReason, checked: number): AuditVerification => ({
    ok: false,
    checked,
    first_broken: { id, reason },
    ...summary,
  });

  const moved = valid.find((c) => c.keyed_from !== record.keyedFrom);
  if (moved) return broken(Math.min(moved.keyed_from, record.keyedFrom), 'recomputed', 0);
  const walked = await walkChain(db, chain.dialect, chain.key, record.keyedFrom, valid);
  if (walked.problem) return broken(walked.problem.id, walked.problem.reason, walked.checked);
  if (invalid > 0) return broken(last?.seq ?? 0, 'checkpoint_invalid', walked.checked);
  const tail = chain.dialect === 'postgres' ? await findUnsealedAuditTail(db) : undefined;
  const unsealed = tail && tail.count > 0 ? { unsealed: { count: tail.count, oldest_at: tail.oldestAt } } : {};
  return { ok: true, checked: walked.checked, ...summary, ...unsealed };
}

interface Walk {
  checked: number;
  problem?: { id: number; reason: AuditBreakReason };
}

async function walkChain(
  db: Db,
  dialect: Dialect,
  key: Buffer,
  keyedFrom: number,
  checkpoints: AuditCheckpointRecord[],
): Promise<Walk> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let next = 0; // the first checkpoint not yet matched to its row
  for (;;) {
    const rows = await listAuditRowsAfter(db, dialect, lastSeq, BATCH);
    for (const row of rows) {
      const id = toNumber(row.seq);
      // A checkpoint whose sequence number was passed without its row: rows are missing.
      if (next < checkpoints.length && checkpoints[next]!.seq < id)
        return { checked, problem: { id: checkpoints[next]!.seq, reason: 'truncated' } };
      if (row.prev_hash !== prevHash) return { checked, problem: { id, reason: 'link_mismatch' } };
      const { id: _id, seq: _seq, prev_hash: _prev, hash, ...fields } = row;
      const normalized = { ...fields, actor_id: fields.actor_id === null ? null : toNumber(fields.actor_id) };
      const isKeyed = id >= keyedFrom;
      if ((isKeyed ? keyedChainHash(key, prevHash, normalized) : plainChainHash(prevHash, normalized)) !== hash) {
        const isRecomputed = isKeyed && plainChainHash(prevHash, normalized) === hash;
        return { checked, problem: { id, reason: isRecomputed ? 'recomputed' : 'hash_mismatch' } };
      }
      checked += 1;
      for (; next < checkpoints.length && checkpoints[next]!.seq === id; next++) {
        if (checkpoints[next]!.head_hash !== hash) return { checked, problem: { id, reason: 'recomputed' } };
        if (checkpoints[next]!.row_count !== checked) return { checked, problem: { id, reason: 'truncated' } };
      }
      prevHash = hash!;
      lastSeq = id;
    }
    if (rows.length < BATCH) break;
  }
  // The head is behind the last checkpoint: rows at the end were deleted.
  if (next < checkpoints.length) return { checked, problem: { id: checkpoints.at(-1)!.seq, reason: 'truncated' } };
  return { checked };
}
