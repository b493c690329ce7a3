import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { Actor } from '../auth/current-user.ts';
import { auditChainOf, GENESIS_HASH, keyedChainHash, type ChainedFields } from './audit-chain.ts';
import { noteAuditAppended } from './audit-checkpoints.ts';

export { GENESIS_HASH } from './audit-chain.ts';

export interface AuditEvent {
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string | number;
  /** Extra facts; never personal data in clear (mask first). */
  details?: Record<string, unknown>;
  /** Who, when the actor has no session (e.g. a failed login's username). */
  actorName?: string;
}

/**
 * Appends one audit row, chained to the previous one by HMAC-SM3 with the chain's key (ADR 0003).
 * Call it with the transaction of the change it records (STYLE habit 8); on PostgreSQL an
 * advisory lock serialises writers so the chain cannot fork, on SQLite the single writer does
 * the same. Checkpoints are written later, off this path.
 */
export async function appendAudit(db: Db, dialect: Dialect, actor: Actor, event: AuditEvent, at: Date): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, dialect, actor, event, at));
    return;
  }
  const chain = auditChainOf(db);
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: ChainedFields = {
    at: at.toISOString(),
    actor_id: actor.user?.id ?? null,
    actor_name: actor.user?.username ?? event.actorName ?? null,
    actor_role: actor.user?.role ?? null,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId === undefined ? null : String(event.objectId),
    outcome: event.outcome,
    request_id: actor.requestId,
    ip: actor.ip,
    details: event.details ? JSON.stringify(event.details) : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: keyedChainHash(chain.key, prevHash, fields) })
    .execute();
  noteAuditAppended(chain);
}

const AUDIT_LOCK_KEY = 7_291_001;
