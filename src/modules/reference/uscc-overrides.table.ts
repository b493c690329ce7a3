import type { Generated } from 'kysely';

/** One manual override of the credit-code check (uscc_overrides): in force until revoked, never deleted. */
export interface UsccOverrideTable {
  id: Generated<number>;
  uscc: string;
  failure_reason: string;
  evidence: string;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: string;
  revoked_by: number | null;
  revoked_by_name: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}
