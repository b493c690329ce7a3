import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Notices to enterprises through the existing outbox (SMS and e-mail, sent by the outbox dispatcher
 * to the enterprise's notification contact, looked up at send time); a message already queued under
 * its dedupe key is left as it is, so a notice is queued once however often it is asked for.
 */

const ENTERPRISE_CHANNELS = ['sms', 'email'] as const;

export async function queueEnterpriseNotice(
  db: Db,
  notice: { uscc: string; key: string; title: string; body: string; at: string },
): Promise<void> {
  const payload = JSON.stringify({ title: notice.title, body: notice.body });
  await db
    .insertInto('benefit_outbox')
    .values(
      ENTERPRISE_CHANNELS.map((channel) => ({
        channel,
        dedupe_key: `${notice.key}:${channel}`,
        recipient: `enterprise:${notice.uscc}`,
        payload,
        created_at: notice.at,
        status: 'pending' as const,
        last_error: null,
        sent_at: null,
        next_attempt_at: null,
        claimed_until: null,
        last_attempt_at: null,
        address_masked: null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * One notice to every enterprise a collection was sent to (or only those that have not answered),
 * in one statement: the dedupe key is `<key>:<uscc>:<channel>`. Answers how many enterprises it addressed.
 */
export async function queueCollectionRecipientsNotice(
  db: Db,
  notice: { collectionId: number; key: string; onlyUnanswered: boolean; title: string; body: string; at: string },
): Promise<number> {
  const payload = JSON.stringify({ title: notice.title, body: notice.body });
  const unanswered = notice.onlyUnanswered ? sql`and cr.answered_at is null` : sql``;
  for (const channel of ENTERPRISE_CHANNELS)
    await sql`
      insert into benefit_outbox (channel, dedupe_key, recipient, payload, created_at, status)
      select ${channel}, cast(${notice.key} as text) || ':' || cr.uscc || ${`:${channel}`},
             'enterprise:' || cr.uscc, ${payload}, ${notice.at}, 'pending'
        from collection_recipients cr
       where cr.collection_id = ${notice.collectionId} ${unanswered}
      on conflict (dedupe_key) do nothing`.execute(db);
  const count = await db
    .selectFrom('collection_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('collection_id', '=', notice.collectionId)
    .$if(notice.onlyUnanswered, (q) => q.where('answered_at', 'is', null))
    .executeTakeFirstOrThrow();
  return Number(count.n);
}
