import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { Actor } from '../auth/current-user.ts';
import { auditChainOf, GENESIS_HASH, keyedChainHash, type ChainedFields } from './audit-chain.ts';
import { noteAuditAppended } from './audit-checkpoints.ts';
import { nextSqliteAuditPosition } from './audit.repository.ts';
import { findAuditHead } from './audit-seals.repository.ts';

export { GENESIS_HASH } from './audit-chain.ts';

const ROW_ID_AFTER_TRANSACTION_ID = sql<number>`(select nextval('audit_log_id_seq') where pg_current_xact_id() is not null)`;

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
 * Appends one audit row in the transaction of the change it records (STYLE habit 8), keyed by
 * HMAC-SM3 with the chain's key (ADR 0003). SQLite's single writer links the row at once. On
 * PostgreSQL the row is written unsealed and takes no lock, so writers of all processes do not
 * queue behind one another; the sealer links committed rows in order moments later by inserting
 * their seals (audit-sealer.ts) — the row itself is never rewritten — and verification and
 * checkpoints seal first.
 */
export async function appendAudit(db: Db, dialect: Dialect, actor: Actor, event: AuditEvent, at: Date): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, dialect, actor, event, at));
    return;
  }
  const chain = auditChainOf(db);
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
  if (dialect === 'postgres') {
    // The transaction has its id before the row draws its id, so the sealer can tell from the
    // running transactions when no row with a smaller id can still appear (audit-sealer.ts).
    await db
      .insertInto('audit_log')
      .values({ id: ROW_ID_AFTER_TRANSACTION_ID, ...fields, seq: null, prev_hash: null, hash: null })
      .execute();
  } else {
    const head = await findAuditHead(db, dialect);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const position = await nextSqliteAuditPosition(db);
    await db
      .insertInto('audit_log')
      .values({
        id: position,
        ...fields,
        seq: position,
        prev_hash: prevHash,
        hash: keyedChainHash(chain.key, prevHash, fields),
      })
      .execute();
  }
  noteAuditAppended(chain);
}
