import type { Generated } from 'kysely';

/** One version of the assessment's indicators and weights. */
export interface AssessmentWeightVersionTable {
  id: Generated<number>;
  version: number;
  indicators: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

/** A computed annual assessment with the weights version it used. */
export interface AssessmentTable {
  id: Generated<number>;
  year: number;
  weights_version_id: number;
  results: string;
  computed_at: string;
  computed_by: number;
}
