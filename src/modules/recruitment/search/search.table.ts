/**
 * The public job search's index: one row per published posting (SPEC §2.6). The `*_terms`
 * columns hold the jieba terms of one field, space-separated with a space at both ends. On
 * PostgreSQL the table also has `document` (tsvector, generated); on SQLite the full-text side
 * is the FTS5 table `job_posting_fts` (rowid = posting id), written with raw SQL.
 */
export interface JobPostingSearchTable {
  posting_id: number;
  uscc: string;
  city_code: string;
  region_code: string;
  occupation_code: string;
  salary_min: number;
  salary_max: number;
  education: string;
  tier: string;
  published_at: string;
  valid_until: string;
  title_terms: string;
  occupation_terms: string;
  enterprise_terms: string;
  place_terms: string;
  tag_terms: string;
  body_terms: string;
  indexed_at: string;
}
