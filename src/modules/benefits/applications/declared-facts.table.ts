import type { Generated } from 'kysely';

/** Kysely types of 申报事实 (migration 20261127T2500_declared_facts). */

/** A value the applicant declared for one fact of one subject (person) of its case. */
export interface BenefitDeclaredFactTable {
  id: Generated<number>;
  case_id: number;
  /** `person:<id>`, or the subject row's key when the row is about no person. */
  subject_key: string;
  person_id: number | null;
  fact: string;
  /** JSON of the runtime value: money in fen, dates as day numbers, booleans 1/0, texts. */
  value: string;
  declared_by: number;
  declared_by_name: string;
  declared_at: string;
}
