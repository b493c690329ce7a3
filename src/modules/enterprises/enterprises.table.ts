import type { Generated } from 'kysely';

export type Tier = 'innovative' | 'srdi' | 'little_giant';
export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';

export interface EnterpriseTable {
  uscc: string;
  name: string;
  region_code: string;
  city_code: string;
  industry_code: string | null;
  size: EnterpriseSize | null;
  tier: Tier;
  recognized_on: string;
  valid_until: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_index: string | null;
  content_hash: string;
  change_seq: number;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseRecognitionTable {
  id: Generated<number>;
  uscc: string;
  tier: Tier;
  recognized_on: string;
  valid_until: string;
  recorded_at: string;
  source: string;
}

export interface EnterpriseChangeTable {
  seq: Generated<number>;
  uscc: string;
  changed_at: string;
  source: string;
}

export interface ExchangeRequestTable {
  idempotency_key: string;
  token_owner_id: number;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface KeyEnterpriseTable {
  uscc: string;
  region_code: string;
  commissioner_id: number | null;
  note: string | null;
  added_at: string;
  added_by: number | null;
}

/** One span of a key enterprise's commissioner (null: none), closed when it is reassigned or removed. */
export interface KeyEnterpriseAssignmentTable {
  id: Generated<number>;
  uscc: string;
  list_region_code: string;
  commissioner_id: number | null;
  from_at: string;
  until_at: string | null;
  assigned_by: number;
}

/** The enterprise's own contact for SMS and e-mail notices, kept by the enterprise beside the register's. */
export interface EnterpriseNotificationContactTable {
  uscc: string;
  phone_enc: string | null;
  email: string | null;
  updated_by: number | null;
  updated_at: string;
}
