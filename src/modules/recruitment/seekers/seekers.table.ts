import type { Generated } from 'kysely';

export type ContactChannel = 'sms' | 'email';

export interface JobSeekerCodeTable {
  id: Generated<number>;
  channel: ContactChannel;
  contact_index: string;
  code_digest: string;
  attempts: Generated<number>;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
}

export interface JobSeekerTable {
  id: Generated<number>;
  user_id: number;
  name_enc: string;
  id_number_enc: string | null;
  id_number_index: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  email_enc: string | null;
  email_index: string | null;
  education: string | null;
  graduation_date: string | null;
  certificates: string;
  /** The seeker number on 就在江苏 / 苏心聘 for a seeker imported from there, else null. */
  source_key: string | null;
  created_at: string;
  updated_at: string;
}
