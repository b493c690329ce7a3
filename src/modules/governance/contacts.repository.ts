import type { Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { GovernanceScope } from './governance-scope.ts';
import type { GovernanceContactTable } from './governance.table.ts';

/** SQL of the contact log. */

function scoped(db: Db, scope: GovernanceScope) {
  let query = db
    .selectFrom('governance_contacts as g')
    .leftJoin('enterprises as e', 'e.uscc', 'g.uscc')
    .leftJoin('users as u', 'u.id', 'g.commissioner_id');
  if (scope.kind === 'regions') query = query.where('e.region_code', 'in', scope.codes.length > 0 ? scope.codes : ['']);
  if (scope.kind === 'assigned') query = query.where('g.commissioner_id', '=', scope.commissionerId);
  if (scope.kind === 'enterprise') query = query.where('g.uscc', '=', scope.uscc);
  if (scope.kind === 'none') query = query.where('g.id', '=', -1);
  return query;
}

const COLUMNS = [
  'g.id',
  'g.uscc',
  'g.kind',
  'g.contact_date',
  'g.topic',
  'g.outcome',
  'g.follow_up_date',
  'g.request_id',
  'g.created_at',
  'g.commissioner_id',
  'e.name as enterprise_name',
  'u.display_name as commissioner_name',
] as const;

/** A page of contacts in the scope (optionally one enterprise), newest first. */
export async function listContactRows(
  db: Db,
  scope: GovernanceScope,
  uscc: string | undefined,
  offset: number,
  limit: number,
) {
  let base = scoped(db, scope);
  if (uscc) base = base.where('g.uscc', '=', uscc);
  const count = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(COLUMNS)
    .orderBy('g.contact_date', 'desc')
    .orderBy('g.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: toNumber(count.n) };
}

export type ContactRow = Awaited<ReturnType<typeof listContactRows>>['rows'][number];

/** Unsolicited contacts (not answering a request) with the enterprise in the month. */
export async function countUnsolicitedContacts(db: Db, uscc: string, period: string): Promise<number> {
  const row = await db
    .selectFrom('governance_contacts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('uscc', '=', uscc)
    .where('period', '=', period)
    .where('request_id', 'is', null)
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export async function insertContact(db: Db, row: Insertable<GovernanceContactTable>): Promise<number> {
  const inserted = await db.insertInto('governance_contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/**
 * The key enterprise's current commissioner, or undefined when it is not on a list. `lock`: on
 * PostgreSQL the row stays locked to the end of the transaction, so that two contacts logged at
 * once are counted against the month's cap one after the other (SQLite's writer is single).
 */
export function findKeyEntry(db: Db, uscc: string, lock?: { dialect: Dialect }) {
  const query = db
    .selectFrom('key_enterprises')
    .select(['uscc', 'commissioner_id', 'region_code'])
    .where('uscc', '=', uscc);
  return (lock?.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** The enterprises assigned to a commissioner with open requests, the next due date and open alerts. */
export function findAssignedWorkload(db: Db, commissionerId: number, period: string, today: string) {
  return db
    .selectFrom('key_enterprises as k')
    .innerJoin('enterprises as e', 'e.uscc', 'k.uscc')
    .select((eb) => [
      'k.uscc',
      'e.name',
      'e.region_code',
      eb
        .selectFrom('governance_requests as q')
        .select((q) => q.fn.countAll<string | number>().as('n'))
        .whereRef('q.uscc', '=', 'k.uscc')
        .where('q.state', 'in', ['submitted', 'reopened'])
        .as('open_requests'),
      eb
        .selectFrom('governance_requests as q')
        .select((q) => q.fn.min('q.deadline_date').as('d'))
        .whereRef('q.uscc', '=', 'k.uscc')
        .where('q.state', 'in', ['submitted', 'reopened'])
        .as('next_deadline'),
      eb
        .selectFrom('monitoring_alerts as a')
        .select((a) => a.fn.countAll<string | number>().as('n'))
        .whereRef('a.uscc', '=', 'k.uscc')
        .where('a.status', '!=', 'closed')
        .as('open_alerts'),
      eb
        .selectFrom('governance_contacts as g')
        .select((g) => g.fn.countAll<string | number>().as('n'))
        .whereRef('g.uscc', '=', 'k.uscc')
        .where('g.period', '=', period)
        .where('g.request_id', 'is', null)
        .as('contacts_this_month'),
      eb
        .selectFrom('governance_contacts as g')
        .select((g) => g.fn.min('g.follow_up_date').as('d'))
        .whereRef('g.uscc', '=', 'k.uscc')
        .where('g.follow_up_date', '>=', today)
        .as('follow_up_date'),
    ])
    .where('k.commissioner_id', '=', commissionerId)
    .orderBy('k.uscc')
    .execute();
}
