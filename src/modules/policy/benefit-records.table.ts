import type { Generated } from 'kysely';

/** Kysely types of the benefit records (migration 20261207T1600_benefit_identity). */

/** The identity of one live or paid benefit (policy × key) and the case that holds it: paid once. */
export interface BenefitIdentityTable {
  policy_code: string;
  /** The identity's parts as `part:value` joined by `|` (enterprise:913…|refund_year:2024). */
  identity_key: string;
  case_id: number;
  uscc: string;
  created_at: string;
}

/** A benefit paid before this system or by another system (历史享受记录 import). */
export interface BenefitHistoryTable {
  id: Generated<number>;
  policy_code: string;
  uscc: string;
  /** Blind index of the person's ID number; '' for a benefit of the enterprise itself. */
  person_index: string;
  /** 享受期间: YYYY or YYYYMM (for 稳岗返还, the refund year the data describe). */
  period: string;
  amount_fen: number | string;
  paid_on: string;
  source_system: string;
  import_run_id: number | null;
  created_at: string;
}
