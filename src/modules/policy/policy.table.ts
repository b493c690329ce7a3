import type { Generated } from 'kysely';
import type { Outcome } from '../../policies/outcome.ts';

/** Kysely types of the policy module's tables (migration 20261127T2000_policy). */

/** One version of a policy: the document as JSON, where it came from, and whether the engine took it. */
export interface PolicyVersionTable {
  id: Generated<number>;
  code: string;
  version_no: number;
  version: string;
  status: 'active' | 'refused';
  source: 'file' | 'edit';
  content_sha256: string;
  definition: string;
  problems: string | null;
  based_on: number | null;
  reason: string | null;
  changes: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
}

/** A stored 政策沙盘 run: who changed which parameters, on which date, and what it would cost. */
export interface PolicySandboxRunTable {
  id: Generated<number>;
  code: string;
  policy_version_id: number;
  eval_date: string;
  changes: string;
  summary: string;
  snapshot: string;
  note: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
}

/** An enterprise whose outcome or amount a sandbox run changed. */
export interface PolicySandboxChangeTable {
  run_id: number;
  uscc: string;
  name: string;
  city_code: string;
  tier: string;
  industry_category: string;
  before_outcome: Outcome;
  before_fen: number | string;
  after_outcome: Outcome;
  after_fen: number | string;
  delta_fen: number | string;
}
