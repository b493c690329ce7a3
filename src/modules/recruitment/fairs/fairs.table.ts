import type { Generated } from 'kysely';

export type FairMode = 'online' | 'onsite';

export interface JobFairTable {
  id: Generated<number>;
  source_key: string | null;
  name: string;
  fair_date: string;
  mode: FairMode;
  place: string;
  organiser: string;
  region_code: string;
  city_code: string;
  registrations: number;
  attendance: number;
  intentions: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface JobFairEnterpriseTable {
  fair_id: number;
  uscc: string;
  posts: number;
  /** JSON array of job_postings.id the enterprise brings to the fair. */
  posting_ids: string;
  signed_up_by: 'enterprise' | 'official' | 'import';
  created_at: string;
}
