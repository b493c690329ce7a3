import { maskIdNumber } from '../../platform/crypto/masking.ts';
import { checkIdNumber, ID_NUMBER_REASONS } from '../../platform/identifiers/id-number.ts';
import type { Db } from '../../db/database.ts';
import { checkUscc, USCC_REASONS } from '../../platform/identifiers/uscc.ts';
import { isOverridableUsccReason, type ActiveUsccOverride } from './uscc-acceptance.ts';
import { findActiveUsccOverride } from './uscc-overrides.service.ts';

/** The checking tools offered to signed-in users, shaped for the API. */

export interface CheckAnswer {
  valid: boolean;
  reason?: string;
  message?: string;
  normalized?: string;
  regionCode?: string;
  /** A failing credit code accepted all the same by a recorded manual override; the evidence for officials only. */
  override?: Omit<ActiveUsccOverride, 'evidence'> & { evidence?: string };
}

/**
 * Checks a credit code and explains a failure in Chinese; a code failing only a check character
 * says whether a manual override in force accepts it all the same (imports and pushes then take it).
 */
export async function describeUsccCheck(db: Db, code: string, options: { showEvidence: boolean }): Promise<CheckAnswer> {
  const result = checkUscc(code);
  if (result.valid) return { valid: true, normalized: result.normalized, regionCode: result.regionCode };
  const answer: CheckAnswer = { valid: false, reason: result.reason, message: USCC_REASONS[result.reason], normalized: result.normalized };
  const override = isOverridableUsccReason(result.reason) ? await findActiveUsccOverride(db, result.normalized) : undefined;
  if (!override) return answer;
  return { ...answer, override: { id: override.id, recordedAt: override.recordedAt, ...(options.showEvidence ? { evidence: override.evidence } : {}) } };
}

/**
 * Checks an ID number; the answer carries only the masked number (DOMAIN §8), never the whole
 * one, and no birth date or sex, so the tool cannot be used to read personal data back.
 */
export function describeIdNumberCheck(number: string): CheckAnswer {
  const result = checkIdNumber(number);
  const normalized = result.normalized ? maskIdNumber(result.normalized) : undefined;
  if (!result.valid) return { valid: false, reason: result.reason, message: ID_NUMBER_REASONS[result.reason], normalized };
  return { valid: true, normalized };
}
