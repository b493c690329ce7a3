import { checkUscc, USCC_REASONS, type UsccReason } from '../../platform/identifiers/uscc.ts';

/**
 * Which failed checks a recorded manual override (人工核验例外) may accept, decided from the
 * validator's reasons (platform/identifiers/uscc.ts) — DOMAIN §4: “some real early codes fail
 * the check”. Early codes were issued with the right shape but a check character computed
 * wrongly, so only the two check characters may be overridden:
 * - USCC_ORG_CODE_CHECK: the 17th character, the check of the embedded 组织机构代码 (GB 11714);
 * - USCC_CHECK_CHAR: the 18th character, the check of the whole code (GB 32100).
 * A code of the wrong length (USCC_LENGTH), with a letter the standard never uses
 * (USCC_CHARSET: I O S V Z) or without six digits of region in characters 3–8
 * (USCC_REGION_FORMAT) was never issued in that form: it is a typing error to correct, never an
 * exception. A code that passes needs no override.
 */
export const OVERRIDABLE_USCC_REASONS: readonly UsccReason[] = ['USCC_ORG_CODE_CHECK', 'USCC_CHECK_CHAR'];

/** Whether a failure of this kind may be accepted by a recorded override. */
export function isOverridableUsccReason(reason: UsccReason): boolean {
  return OVERRIDABLE_USCC_REASONS.includes(reason);
}

/** An override in force, as parsers and checks need it. */
export interface ActiveUsccOverride {
  id: number;
  evidence: string;
  recordedAt: string;
}

/** The overrides in force by normalised credit code; an import reads it once when it starts. */
export type UsccOverrideSet = ReadonlyMap<string, ActiveUsccOverride>;

export const NO_USCC_OVERRIDES: UsccOverrideSet = new Map();

/** A credit code as the register takes it: valid, accepted by an override in force, or refused. */
export type UsccAcceptance =
  | { isAccepted: true; normalized: string; override?: ActiveUsccOverride & { reason: UsccReason } }
  | { isAccepted: false; normalized: string; reason: UsccReason };

/**
 * Checks a credit code and, when only a check character is wrong, accepts it if an override of
 * exactly this (normalised) code is in force. Pure: the caller brings the overrides.
 */
export function acceptUscc(input: string, overrides: UsccOverrideSet): UsccAcceptance {
  const check = checkUscc(input);
  if (check.valid) return { isAccepted: true, normalized: check.normalized };
  const override = isOverridableUsccReason(check.reason) ? overrides.get(check.normalized) : undefined;
  if (override) return { isAccepted: true, normalized: check.normalized, override: { ...override, reason: check.reason } };
  return { isAccepted: false, normalized: check.normalized, reason: check.reason };
}

/** The note a row accepted through an override carries (register import and exchange push). */
export function overrideNote(override: ActiveUsccOverride & { reason: UsccReason }): string {
  return `${USCC_REASONS[override.reason]}，已按人工核验例外（第 ${override.id} 号）接收`;
}
