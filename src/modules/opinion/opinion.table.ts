import type { Generated } from 'kysely';

/** A message of 12333, the director's mailbox or new media; title, text, sender and reply sealed (SM4). */
export interface OpinionMessageTable {
  id: Generated<number>;
  message_key: string;
  source: string;
  received_at: string;
  received_on: string;
  title_enc: string;
  content_enc: string;
  sender_enc: string | null;
  region_code: string | null;
  handling_region_code: string | null;
  commissioner_id: number | null;
  topic: string;
  tone: string;
  rules_version: string;
  state: string;
  deadline: string | null;
  reply_enc: string | null;
  replied_at: string | null;
  closed_at: string | null;
  intake: string;
  created_at: string;
}

/** An enterprise a message names: linked, ambiguous (waiting for a person), confirmed or rejected. */
export interface OpinionLinkTable {
  id: Generated<number>;
  message_id: number;
  uscc: string;
  alias: string;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** A count far above its baseline: a topic in a region or an enterprise, over a day or a week. */
export interface OpinionHotspotTable {
  id: Generated<number>;
  hotspot_key: string;
  kind: string;
  topic: string | null;
  region_code: string | null;
  uscc: string | null;
  window: string;
  detected_on: string;
  count: number;
  baseline: number;
  message_ids: string;
  created_at: string;
}
