import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import { chainHash, GENESIS_HASH } from './audit.ts';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  first_broken?: { id: number; reason: 'hash_mismatch' | 'link_mismatch' };
}

const BATCH = 5000;

/** Walks the whole chain in id order and reports the first row whose link or hash is wrong. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(BATCH).execute();
    for (const row of rows) {
      const id = toNumber(row.id);
      if (row.prev_hash !== prevHash) return { ok: false, checked, first_broken: { id, reason: 'link_mismatch' } };
      const { id: _id, prev_hash: _prev, hash, ...fields } = row;
      const normalized = { ...fields, actor_id: fields.actor_id === null ? null : toNumber(fields.actor_id) };
      if (chainHash(prevHash, normalized) !== hash) return { ok: false, checked, first_broken: { id, reason: 'hash_mismatch' } };
      prevHash = hash;
      lastId = id;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
