import type { Generated } from 'kysely';

export type PostingStatus = 'draft' | 'submitted' | 'returned' | 'rejected' | 'published' | 'withdrawn';

export interface JobPostingTable {
  id: Generated<number>;
  uscc: string;
  title: string;
  occupation_code: string;
  posts: number;
  salary_min: number;
  salary_max: number;
  education: string;
  experience: string;
  region_code: string;
  city_code: string;
  address: string;
  description: string;
  valid_until: string;
  tags: string;
  status: PostingStatus;
  flag_count: number;
  review_comment: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  first_published_at: string | null;
  created_by: number | null;
  /** The posting's id on 就在江苏 / 苏心聘 when imported (import kind `postings`), else null. */
  source_key: string | null;
  /** The date it was first published on the source platform, when imported. */
  source_published_on: string | null;
  created_at: string;
  updated_at: string;
}
