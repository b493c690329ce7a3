import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the job search index loses the three indexes no query uses any more (by publication
// time, by city and time, by upper salary alone: dates are `sort_key`, places are full-text
// tokens, pay order is job_posting_search_salary_order), so that writing and rebuilding it costs
// less on both databases (SPEC §2.6, §6).
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  for (const name of ['job_posting_search_published', 'job_posting_search_city', 'job_posting_search_salary'])
    await sql.raw(`drop index if exists ${name}`).execute(db);
}
