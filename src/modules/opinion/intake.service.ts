import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { addWorkdaysProvisional } from '../../platform/calendar.ts';
import type { RowReject } from '../imports/import-kind.ts';
import type { Analyser } from './analyser.ts';
import { OPINION_SETTINGS } from './opinion-settings.ts';
import { findExistingMessageKeys, findRegionNames, insertLinks, insertMessage } from './opinion.repository.ts';

/**
 * Intake of messages (file import and HTTP push share it): each message is keyed by a keyed
 * digest of its source, time and text (the same message twice is stored once), sealed with
 * SM4, linked to the enterprises it names, classified, routed to the handling region and the
 * enterprise's commissioner, and given its reply deadline on the working-day calendar.
 */

export const SOURCES = ['hotline', 'mailbox', 'new_media'] as const;
export type Source = (typeof SOURCES)[number];

export interface MessageRecord {
  source: Source;
  /** YYYY-MM-DD HH:mm:ss, Beijing time. */
  receivedAt: string;
  title: string;
  content: string;
  sender?: string;
  regionCode?: string;
}

export type IntakeOutcome =
  | { status: 'accepted'; id: number }
  | { status: 'unchanged' }
  | { status: 'rejected'; reject: Omit<RowReject, 'line'> };

/** The text that is linked and classified: the title and the content. */
export function messageText(record: Pick<MessageRecord, 'title' | 'content'>): string {
  return `${record.title}\n${record.content}`;
}

/** Loads what every batch needs once: the region codes that exist. */
export async function loadRegionCodes(db: Db): Promise<Set<string>> {
  return new Set((await findRegionNames(db)).map((r) => r.code));
}

/** Stores a batch of messages inside the caller's transaction; one outcome per record, in order. */
export async function storeMessages(
  trx: Db,
  ctx: AppContext,
  analyser: Analyser,
  regionCodes: ReadonlySet<string>,
  records: readonly MessageRecord[],
  intake: string,
): Promise<IntakeOutcome[]> {
  const keys = records.map((r) =>
    ctx.cipher.requestDigest(`opinion\u0000${r.source}\u0000${r.receivedAt}\u0000${r.title}\u0000${r.content}`),
  );
  const existing = await findExistingMessageKeys(trx, keys);
  const seen = new Set<string>();
  const outcomes: IntakeOutcome[] = [];
  const now = ctx.clock().toISOString();
  for (const [i, record] of records.entries()) {
    const key = keys[i]!;
    if (existing.has(key) || seen.has(key)) {
      outcomes.push({ status: 'unchanged' });
      continue;
    }
    if (record.regionCode && !regionCodes.has(record.regionCode)) {
      outcomes.push({
        status: 'rejected',
        reject: { column: '地区', code: 'REGION_UNKNOWN', message: `地区：不认识的地区代码 ${record.regionCode}` },
      });
      continue;
    }
    seen.add(key);
    const { link, classification } = analyser.analyse(messageText(record));
    const first = link.enterprises[0] === undefined ? undefined : analyser.enterprise(link.enterprises[0]);
    const receivedOn = record.receivedAt.slice(0, 10);
    const id = await insertMessage(trx, {
      message_key: key,
      source: record.source,
      received_at: record.receivedAt,
      received_on: receivedOn,
      title_enc: ctx.cipher.encrypt(record.title),
      content_enc: ctx.cipher.encrypt(record.content),
      sender_enc: record.sender ? ctx.cipher.encrypt(record.sender) : null,
      region_code: record.regionCode ?? null,
      handling_region_code: record.regionCode ?? first?.regionCode ?? null,
      commissioner_id: first?.commissionerId ?? null,
      topic: classification.topic,
      tone: classification.tone,
      rules_version: classification.rulesVersion,
      state: 'pending',
      deadline: addWorkdaysProvisional(receivedOn, OPINION_SETTINGS.reply_working_days.value).value,
      reply_enc: null,
      replied_at: null,
      closed_at: null,
      intake,
      created_at: now,
    });
    const links = new Map<string, { uscc: string; alias: string; status: string }>();
    for (const m of link.mentions)
      for (const uscc of m.usccs) links.set(`${uscc}\u0000${m.alias}`, { uscc, alias: m.alias, status: m.status });
    await insertLinks(
      trx,
      [...links.values()].map((l) => ({ ...l, message_id: id, decided_by: null, decided_at: null })),
    );
    outcomes.push({ status: 'accepted', id });
  }
  return outcomes;
}
