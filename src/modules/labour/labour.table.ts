/** Kysely table types of the labour-relations module (SPEC §2.9). */

/** A region's average monthly wage of a statistics year, loaded with its published source. */
export interface LabourAverageWageTable {
  region_code: string;
  year: number;
  monthly_wage_fen: number | string;
  source: string;
  loaded_by: string | null;
  loaded_at: string;
}
