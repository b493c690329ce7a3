import type { Db } from '../../db/database.ts';

/**
 * Notices to an enterprise about its request, through the existing outbox (SMS and e-mail, sent
 * by the outbox dispatcher to the enterprise's notification contact); a message already queued
 * under its dedupe key is left as it is.
 */
export async function queueEnterpriseNotice(
  db: Db,
  notice: { uscc: string; key: string; title: string; body: string; at: string },
): Promise<void> {
  const payload = JSON.stringify({ title: notice.title, body: notice.body });
  await db
    .insertInto('benefit_outbox')
    .values(
      ['sms', 'email'].map((channel) => ({
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
