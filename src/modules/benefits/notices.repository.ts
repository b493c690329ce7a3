import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';

/** SQL of the enterprise inbox and the outbox of messages leaving the system. */

export interface NoticeInput {
  case_id: number;
  uscc: string;
  kind: string;
  title: string;
  body: string;
  created_at: string;
}

/** Inserts in-app notices. */
export async function insertNotices(db: Db, rows: NoticeInput[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('benefit_notices').values(rows.slice(i, i + 500)).execute();
}

export interface OutboxInput {
  channel: string;
  dedupe_key: string;
  recipient: string;
  payload: string;
  created_at: string;
}

/** Inserts outbox messages; a message already there under its dedupe key is left as it is. */
export async function insertOutbox(db: Db, rows: OutboxInput[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => ({ ...row, status: 'pending' as const }));
    await db.insertInto('benefit_outbox').values(values).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
  }
}

/** An enterprise's notices, newest first. */
export async function findNotices(db: Db, uscc: string, offset: number, limit: number) {
  const base = db.selectFrom('benefit_notices').where('uscc', '=', uscc);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute();
  return { rows, total: toNumber(total.n as number) };
}

/** Pending outbox messages, oldest first; on PostgreSQL claimed with SKIP LOCKED so workers share them. */
export function findPendingOutbox(db: Db, limit: number, isPg: boolean) {
  const query = db.selectFrom('benefit_outbox').selectAll().where('status', '=', 'pending').orderBy('id').limit(limit);
  return (isPg ? query.forUpdate().skipLocked() : query).execute();
}

/** Records a send attempt's outcome. */
export async function markOutbox(db: Db, id: number, outcome: { status: 'pending' | 'sent' | 'failed'; error: string | null; at: string }) {
  await db.updateTable('benefit_outbox').set((eb) => ({
    status: outcome.status, last_error: outcome.error, attempts: eb('attempts', '+', 1), sent_at: outcome.status === 'sent' ? outcome.at : null,
  })).where('id', '=', id).execute();
}
