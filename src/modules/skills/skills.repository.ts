import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A short fingerprint of the module's counted data: record counts and the latest selection. */
export async function skillsVersionOf(db: Db): Promise<string> {
  const result = await sql<{ records: unknown; bases: unknown; latest: unknown }>`
    select (select count(*) from training_records) as records,
           (select count(*) from internship_bases where is_demonstration = 1) as bases,
           (select max(demonstration_at) from internship_bases) as latest`.execute(db);
  const row = result.rows[0];
  return `${String(row?.records)}:${String(row?.bases)}:${String(row?.latest ?? '')}`;
}
