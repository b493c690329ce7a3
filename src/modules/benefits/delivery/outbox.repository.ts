import type { Db, Dialect } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import type { BenefitOutboxTable } from '../benefits.table.ts';

/** SQL of delivering the outbox: claiming due messages, recording attempts, the officials' list and retry. */

export type OutboxStatus = BenefitOutboxTable['status'];

/**
 * Claims up to `limit` due pending messages of these channels until `claimUntil` and returns them.
 * One short statement: no transaction stays open while a gateway answers; on PostgreSQL the
 * rows are picked with SKIP LOCKED so that several processes share the work.
 */
export async function claimDueOutbox(
  db: Db,
  dialect: Dialect,
  claim: { channels: string[]; now: string; claimUntil: string; limit: number },
) {
  const due = db
    .selectFrom('benefit_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('channel', 'in', claim.channels)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', claim.now)]))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', claim.now)]))
    .orderBy('id')
    .limit(claim.limit);
  const rows = await db
    .updateTable('benefit_outbox')
    .set({ claimed_until: claim.claimUntil })
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    .returning(['id', 'channel', 'dedupe_key', 'recipient', 'payload', 'attempts'])
    .execute();
  return rows.map((r) => ({ ...r, id: toNumber(r.id), attempts: toNumber(r.attempts) })).sort((a, b) => a.id - b.id);
}

/** Gives claimed messages back untried (the worker ran out of its claim time). */
export async function releaseOutboxClaims(db: Db, ids: number[]) {
  if (ids.length > 0)
    await db
      .updateTable('benefit_outbox')
      .set({ claimed_until: null })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .execute();
}

export interface OutboxAttempt {
  status: OutboxStatus;
  /** Whether a gateway was called (a message without an address never reached one). */
  isAttempt: boolean;
  error: string | null;
  at: string;
  nextAttemptAt: string | null;
  addressMasked: string | null;
}

/** Records one attempt's outcome on a message still pending, and gives up the claim. */
export async function recordOutboxAttempt(db: Db, id: number, attempt: OutboxAttempt) {
  await db
    .updateTable('benefit_outbox')
    .set((eb) => ({
      status: attempt.status,
      attempts: attempt.isAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
      last_error: attempt.error,
      last_attempt_at: attempt.at,
      next_attempt_at: attempt.nextAttemptAt,
      sent_at: attempt.status === 'sent' ? attempt.at : null,
      address_masked: attempt.addressMasked,
      claimed_until: null,
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Pending messages of each of these channels (those no sender delivers). */
export async function countPendingByChannel(db: Db, channels: string[]): Promise<Map<string, number>> {
  if (channels.length === 0) return new Map();
  const rows = await db
    .selectFrom('benefit_outbox')
    .select(['channel', (eb) => eb.fn.countAll().as('n')])
    .where('status', '=', 'pending')
    .where('channel', 'in', channels)
    .groupBy('channel')
    .execute();
  return new Map(rows.map((r) => [r.channel, toNumber(r.n as number)]));
}

export interface OutboxFilter {
  status?: OutboxStatus;
  channel?: string;
}

/** A page of messages, newest first. */
export async function findOutboxPage(db: Db, filter: OutboxFilter, offset: number, limit: number) {
  let base = db.selectFrom('benefit_outbox');
  if (filter.status) base = base.where('status', '=', filter.status);
  if (filter.channel) base = base.where('channel', '=', filter.channel);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'id',
      'channel',
      'recipient',
      'payload',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'last_attempt_at',
      'next_attempt_at',
      'sent_at',
      'address_masked',
    ])
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return { rows, total: toNumber(total.n as number) };
}

/** Messages by status. */
export async function countOutboxByStatus(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('benefit_outbox')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = toNumber(row.n as number);
  return counts;
}

/** Enterprise names by credit code (the recipients of a page). */
export async function findEnterpriseNamesOf(db: Db, usccs: string[]): Promise<Map<string, string>> {
  if (usccs.length === 0) return new Map();
  const rows = await db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', 'in', usccs).execute();
  return new Map(rows.map((r) => [r.uscc, r.name]));
}

/** Officials' display names by account id (the official recipients of a page). */
export async function findOfficialNamesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [toNumber(r.id), r.display_name]));
}

/** One message's status and attempts. */
export function findOutboxMessage(db: Db, id: number) {
  return db
    .selectFrom('benefit_outbox')
    .select(['id', 'channel', 'recipient', 'status', 'attempts', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Puts a failed message back in the queue with a fresh count of attempts; false when it was not failed. */
export async function requeueFailedOutbox(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('benefit_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: null, claimed_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** Queues one pending message; a message already queued under its dedupe key is left as it is. */
export async function insertOutboxMessage(
  db: Db,
  message: {
    channel: string;
    dedupe_key: string;
    recipient: string;
    payload: string;
    created_at: string;
    address_masked: string | null;
  },
): Promise<void> {
  await db
    .insertInto('benefit_outbox')
    .values({
      ...message,
      status: 'pending',
      last_error: null,
      sent_at: null,
      next_attempt_at: null,
      claimed_until: null,
      last_attempt_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** The active officials of these roles in the province (region null) or in a region: who an alert goes to. */
export async function findActiveOfficials(db: Db, targets: { role: string; regionCode: string | null }[]) {
  if (targets.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'region_code'])
    .where('is_active', '=', 1)
    .where((eb) =>
      eb.or(
        targets.map((t) =>
          eb.and([
            eb('role', '=', t.role),
            t.regionCode === null ? eb.lit(true) : eb('region_code', '=', t.regionCode),
          ]),
        ),
      ),
    )
    .orderBy('id')
    .execute();
}

/** The encrypted mobile numbers of officials, by user id (for sending only). */
export async function findOfficialPhones(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'phone_enc']).where('id', 'in', ids).execute();
}
