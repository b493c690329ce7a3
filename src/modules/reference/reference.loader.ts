import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_REFERENCE_DIR, readReferenceRows } from './reference.files.ts';
import { upsertIndustries, upsertOccupations, upsertRegionAliases, upsertRegions } from './reference.repository.ts';

/** Rows inserted or changed per table; all zero when the database already matches the files. */
export interface ReferenceLoadSummary {
  regions: number;
  regionAliases: number;
  industries: number;
  occupations: number;
}

/**
 * Loads the files under `reference/` into the reference tables in one transaction. Idempotent:
 * rows are keyed by code and rewritten only when a value changed; rows are never deleted,
 * because accounts and enterprises may still point at a code a newer file leaves out.
 */
export async function loadReferenceData(db: Kysely<Database>, dir: string = DEFAULT_REFERENCE_DIR): Promise<ReferenceLoadSummary> {
  // Parse everything first, so a broken file is refused before any row is written.
  const rows = readReferenceRows(dir);
  return db.transaction().execute(async (trx) => ({
    // Regions first: region_aliases.current_code references regions.code.
    regions: await upsertRegions(trx, rows.regions),
    regionAliases: await upsertRegionAliases(trx, rows.aliases),
    industries: await upsertIndustries(trx, rows.industries),
    occupations: await upsertOccupations(trx, rows.occupations),
  }));
}
