import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { maskPhone } from '../../../platform/crypto/masking.ts';
import { findActiveOfficials, findOfficialPhones } from './outbox.repository.ts';
import { insertOutbox } from './notices.repository.ts';

/**
 * Emergency alerts to officials through the outbox. The outbox was built for enterprises
 * (`enterprise:<uscc>`, address looked up at send time); an official is addressed the same
 * way as `official:<user id>`, by SMS to the mobile number on the account, looked up when the
 * message is sent — so a number changed in between is honoured and no number rests in the outbox.
 * One message per official, deduplicated by the alert's key: raising the same alert twice
 * queues nothing new.
 */

export const OFFICIAL_RECIPIENT = /^official:(\d+)$/;
export const NO_OFFICIAL_PHONE = '该账号未登记手机号';

export interface OfficialAlert {
  /** Stable key of the alert (e.g. labour-dispute:12:collective). */
  key: string;
  /** The HRSS offices to tell at once: the province, and the city (code) of the case. */
  cityCode: string | null;
  title: string;
  body: string;
  at: string;
}

/** Queues the alert to every active 省人社 official and the city's 市/县人社 officials; answers how many. */
export async function queueOfficialAlert(db: Db, alert: OfficialAlert): Promise<number> {
  return queueOfficialNotice(db, {
    targets: [
      { role: 'province_hrss', regionCode: null },
      ...(alert.cityCode ? [{ role: 'city_hrss', regionCode: alert.cityCode }] : []),
    ],
    key: alert.key,
    title: alert.title,
    body: alert.body,
    at: alert.at,
  });
}

/**
 * Queues a notice by SMS to the active officials of these roles and regions (a role with region null:
 * all of them), or to named accounts; one message per official under `<key>:official:<id>:sms`, so asking
 * again queues nothing new. Answers how many officials it addressed.
 */
export async function queueOfficialNotice(
  db: Db,
  notice: {
    targets: { role: string; regionCode: string | null }[];
    userIds?: number[];
    key: string;
    title: string;
    body: string;
    at: string;
  },
): Promise<number> {
  const officials = [
    ...(await findActiveOfficials(db, notice.targets)).map((o) => Number(o.id)),
    ...(notice.userIds ?? []),
  ];
  const ids = [...new Set(officials)];
  const payload = JSON.stringify({ title: notice.title, body: notice.body });
  await insertOutbox(
    db,
    ids.map((id) => ({
      channel: 'sms',
      dedupe_key: `${notice.key}:official:${id}:sms`,
      recipient: `official:${id}`,
      payload,
      created_at: notice.at,
    })),
  );
  return ids.length;
}

/** The whole and masked mobile number of officials, by user id (at send time). */
export async function officialPhonesOf(
  ctx: AppContext,
  ids: number[],
): Promise<Map<number, { phone: string; masked: string }>> {
  const rows = await findOfficialPhones(ctx.db, [...new Set(ids)]);
  const map = new Map<number, { phone: string; masked: string }>();
  for (const row of rows) {
    if (!row.phone_enc) continue;
    const phone = ctx.cipher.decrypt(row.phone_enc);
    map.set(Number(row.id), { phone, masked: maskPhone(phone) });
  }
  return map;
}
