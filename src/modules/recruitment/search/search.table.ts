/**
 * The public job search's index: one row per published posting (SPEC §2.6). The `*_terms`
 * columns hold the jieba terms of one field, space-separated with a space at both ends. On
 * PostgreSQL the table also has `document` (tsvector, generated); on SQLite the full-text side
 * is the FTS5 table `job_posting_fts` (rowid = sort_key), written with raw SQL.
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
  /** First publication's minute × 2^24 + posting id: newest first is `sort_key` descending. */
  sort_key: number;
  /** Tokens of the filter values (place, occupation prefixes, education, tier, salary thresholds). */
  filter_terms: string;
  title_terms: string;
  occupation_terms: string;
  enterprise_terms: string;
  place_terms: string;
  tag_terms: string;
  body_terms: string;
  indexed_at: string;
}

/**
 * The postings of each term of a short field (title, occupation, enterprise, place, tags):
 * `fields` is the bit mask of the fields holding it (search-rows.ts FIELD_BITS), `weight` their
 * summed weight; ordered by (term, weight, sort_key) so a word's best postings come first.
 */
export interface JobPostingTermTable {
  term: string;
  weight: number;
  sort_key: number;
  fields: number;
}
