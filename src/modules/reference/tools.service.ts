import { maskIdNumber } from '../../platform/crypto/masking.ts';
import { checkIdNumber, ID_NUMBER_REASONS } from '../../platform/identifiers/id-number.ts';
import { checkUscc, USCC_REASONS } from '../../platform/identifiers/uscc.ts';

/** The checking tools offered to signed-in users, shaped for the API. */

export interface CheckAnswer {
  valid: boolean;
  reason?: string;
  message?: string;
  normalized?: string;
  regionCode?: string;
}

/** Checks a credit code and explains a failure in Chinese. */
export function describeUsccCheck(code: string): CheckAnswer {
  const result = checkUscc(code);
  if (!result.valid) return { valid: false, reason: result.reason, message: USCC_REASONS[result.reason], normalized: result.normalized };
  return { valid: true, normalized: result.normalized, regionCode: result.regionCode };
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
