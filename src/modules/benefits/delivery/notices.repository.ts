import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { CaseState } from '../cases/case-states.ts';

/** SQL of the enterprise inbox and of writing the outbox of messages leaving the system (delivery: outbox.repository.ts). */

export interface NoticeInput {
  case_id: number;
  uscc: string;
  kind: CaseState;
  title: string;
  body: string;
  created_at: string;
}

/** Inserts in-app notices. */
export async function insertNotices(db: Db, rows: NoticeInput[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('benefit_notices')
      .values(rows.slice(i, i + 500))
      .execute();
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
    await db
      .insertInto('benefit_outbox')
      .values(values)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/** An enterprise's notices, newest first, each with its case's state now (a paid case needs nothing more). */
export async function findNotices(db: Db, uscc: string, offset: number, limit: number) {
  const base = db.selectFrom('benefit_notices').where('uscc', '=', uscc);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('benefit_notices')
    .leftJoin('benefit_cases', 'benefit_cases.id', 'benefit_notices.case_id')
    .selectAll('benefit_notices')
    .select('benefit_cases.state as case_state')
    .where('benefit_notices.uscc', '=', uscc)
    .orderBy('benefit_notices.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** How many of an enterprise's notices are unread. */
export async function countUnreadNotices(db: Db, uscc: string): Promise<number> {
  const row = await db
    .selectFrom('benefit_notices')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('uscc', '=', uscc)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number);
}

/** One notice of an enterprise (another enterprise's is not found). */
export function findOwnNotice(db: Db, uscc: string, id: number) {
  return db
    .selectFrom('benefit_notices')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('uscc', '=', uscc)
    .executeTakeFirst();
}

/** Marks an enterprise's unread notices read (one, or all when no id is given); answers how many changed. */
export async function markNoticesRead(db: Db, uscc: string, at: string, id?: number): Promise<number> {
  let query = db
    .updateTable('benefit_notices')
    .set({ read_at: at })
    .where('uscc', '=', uscc)
    .where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return toNumber(result.numUpdatedRows);
}
