import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { OpinionLinkTable, OpinionMessageTable } from './opinion.table.ts';
import type { Insertable, Selectable } from 'kysely';

/** All SQL of the opinion module. */

export type MessageRow = Selectable<OpinionMessageTable>;
export type LinkRow = Selectable<OpinionLinkTable>;

/** The register as the linker needs it, with each enterprise's commissioner when it is a key enterprise. */
export function findRegisterForLinking(db: Db) {
  return db
    .selectFrom('enterprises as e')
    .leftJoin('key_enterprises as k', 'k.uscc', 'e.uscc')
    .select(['e.uscc', 'e.name', 'e.region_code', 'k.commissioner_id'])
    .orderBy('e.uscc')
    .execute();
}

/** A fingerprint of the register: the linker is rebuilt when it changes. */
export async function findRegisterFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom('enterprises')
    .select([sql<number>`count(*)`.as('n'), sql<number>`max(change_seq)`.as('seq')])
    .executeTakeFirst();
  const keys = await db
    .selectFrom('key_enterprises')
    .select([sql<number>`count(*)`.as('n'), sql<string>`max(added_at)`.as('at')])
    .executeTakeFirst();
  return `${toNumber(row?.n)}:${toNumber(row?.seq)}:${toNumber(keys?.n)}:${keys?.at ?? ''}`;
}

export async function findRegionNames(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('regions').select(['code', 'name']).execute();
}

export async function findExistingMessageKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('opinion_messages').select('message_key').where('message_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.message_key));
}

export async function insertMessage(db: Db, row: Insertable<OpinionMessageTable>): Promise<number> {
  const inserted = await db.insertInto('opinion_messages').values(row).returning('id').executeTakeFirstOrThrow();
  return toNumber(inserted.id);
}

export async function insertLinks(db: Db, rows: Insertable<OpinionLinkTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('opinion_links').values(rows).execute();
}

export function findMessage(db: Db, id: number) {
  return db.selectFrom('opinion_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findLinksOf(db: Db, messageIds: readonly number[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('opinion_links as l')
    .innerJoin('enterprises as e', 'e.uscc', 'l.uscc')
    .select(['l.id', 'l.message_id', 'l.uscc', 'l.alias', 'l.status', 'e.name', 'e.region_code'])
    .where('l.message_id', 'in', messageIds)
    .orderBy('l.id')
    .execute();
}

export function findLink(db: Db, messageId: number, linkId: number) {
  return db
    .selectFrom('opinion_links')
    .selectAll()
    .where('id', '=', linkId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

export async function updateLink(
  db: Db,
  linkId: number,
  expectedStatus: string,
  values: { status: string; decided_by: number; decided_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('opinion_links')
    .set(values)
    .where('id', '=', linkId)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateMessage(
  db: Db,
  id: number,
  expectedState: string,
  values: Partial<Insertable<OpinionMessageTable>>,
): Promise<boolean> {
  const result = await db
    .updateTable('opinion_messages')
    .set(values)
    .where('id', '=', id)
    .where('state', '=', expectedState)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who may see a message: everything, the messages routed into some regions, or to one commissioner. */
export type MessageScope =
  { kind: 'all' } | { kind: 'regions'; codes: string[] } | { kind: 'commissioner'; userId: number };

export interface MessageFilter {
  topic?: string;
  tone?: string;
  region?: string[];
  state?: string;
  source?: string;
  uscc?: string;
  ids?: number[];
}

function filtered(db: Db, scope: MessageScope, filter: MessageFilter) {
  let q = db.selectFrom('opinion_messages as m');
  if (scope.kind === 'regions') q = q.where('m.handling_region_code', 'in', scope.codes);
  if (scope.kind === 'commissioner') q = q.where('m.commissioner_id', '=', scope.userId);
  if (filter.topic) q = q.where('m.topic', '=', filter.topic);
  if (filter.tone) q = q.where('m.tone', '=', filter.tone);
  if (filter.state) q = q.where('m.state', '=', filter.state);
  if (filter.source) q = q.where('m.source', '=', filter.source);
  if (filter.region) q = q.where('m.handling_region_code', 'in', filter.region);
  if (filter.ids) q = q.where('m.id', 'in', filter.ids.length > 0 ? filter.ids : [-1]);
  if (filter.uscc)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('opinion_links as l')
          .select('l.id')
          .whereRef('l.message_id', '=', 'm.id')
          .where('l.uscc', '=', filter.uscc!)
          .where('l.status', 'in', ['linked', 'confirmed']),
      ),
    );
  return q;
}

export async function findMessagesPage(
  db: Db,
  scope: MessageScope,
  filter: MessageFilter,
  window: { limit: number; offset: number },
): Promise<{ rows: MessageRow[]; total: number }> {
  const base = filtered(db, scope, filter);
  const count = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('m')
    .orderBy('m.received_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return { rows, total: toNumber(count?.n) };
}

/** Open messages (not closed) by handling region and state, with the oldest received date. */
export function findOpenByRegion(db: Db, scope: MessageScope) {
  return filtered(db, scope, {})
    .where('m.state', '!=', 'closed')
    .select(['m.handling_region_code', 'm.state', 'm.received_on', 'm.deadline'])
    .execute();
}
