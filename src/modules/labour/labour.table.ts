import type { Generated } from 'kysely';

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

/** A dispute case (劳动争议) involving an enterprise of the register. */
export interface LabourDisputeTable {
  id: Generated<number>;
  case_no: string;
  uscc: string;
  enterprise_name: string;
  region_code: string;
  city_code: string;
  kind: 'mediation' | 'arbitration';
  stage: 'accepted' | 'mediating' | 'arbitrating' | 'closed';
  is_fast_track: number;
  received_on: string;
  deadline: string;
  fast_track_due: string | null;
  is_extended: Generated<number>;
  workers_count: number;
  claims_enc: string;
  terms: string;
  claimed_fen: number | string;
  arrears_fen: number | string;
  alert_reason: string | null;
  alert_raised_at: string | null;
  outcome: string | null;
  closed_on: string | null;
  compensation_json: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A worker party of a dispute: name and ID number only as ciphertext. */
export interface LabourDisputePartyTable {
  id: Generated<number>;
  dispute_id: number;
  name_enc: string;
  id_number_enc: string | null;
  id_index: string | null;
}

/** One submitted labour-relations diagnosis (劳动关系体检). */
export interface LabourDiagnosisTable {
  id: Generated<number>;
  uscc: string;
  region_code: string;
  version: string;
  answers_json: string;
  scores_json: string;
  total_score: number;
  is_at_risk: number;
  submitted_by: string;
  submitted_at: string;
}

/** An enterprise's application for 和谐劳动关系创建 recognition, reviewed by its city. */
export interface LabourHarmonyApplicationTable {
  id: Generated<number>;
  uscc: string;
  enterprise_name: string;
  region_code: string;
  year: number;
  statement: string;
  state: 'submitted' | 'approved' | 'rejected';
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
}

/** A violation an inspector recorded, with its 柔性执法 outcome. */
export interface LabourViolationTable {
  id: Generated<number>;
  uscc: string;
  enterprise_name: string;
  region_code: string;
  item_code: string | null;
  list_version: string;
  description: string;
  found_on: string;
  outcome: 'reminder' | 'normal';
  reason: string;
  recorded_by: string;
  created_at: string;
}
