import { maskPhone } from '../../platform/crypto/masking.ts';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { SIZE_LABELS, TIER_LABELS } from './enterprise-vocabulary.ts';
import type { EnterpriseListRow, findKeyEnterpriseEntry, findRecognitionHistory } from './enterprises.repository.ts';
import type { EnterpriseSize, Tier } from './enterprises.table.ts';
import { expiryWarningSetting, validityOn, type ValidityStatus } from './recognition-validity.ts';

/** API shapes of the register (rows stay inside, STYLE habit 3). */

export interface ValidityView {
  status: ValidityStatus;
  daysLeft: number;
  /** The cited warning window the status was computed with. */
  warningDays: number;
}

export interface EnterpriseListItem {
  uscc: string;
  name: string;
  tier: Tier;
  tierLabel: string;
  recognizedOn: string;
  validUntil: string;
  validity: ValidityView;
  regionCode: string;
  regionName: string | null;
  cityCode: string;
  cityName: string | null;
  industryCode: string | null;
  industryName: string | null;
  size: EnterpriseSize | null;
  sizeLabel: string | null;
}

export interface RecognitionView {
  tier: Tier;
  tierLabel: string;
  recognizedOn: string;
  validUntil: string;
  recordedAt: string;
  source: string;
}

export interface EnterpriseDetail extends EnterpriseListItem {
  contactName: string | null;
  /** Masked (138****5678); the whole number only through the audited reveal. */
  contactPhone: string | null;
  recognitions: RecognitionView[];
  keyEnterprise: { regionCode: string; commissionerId: number | null; commissionerName: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The detail page's answer: for a credit code that fails the check, the manual override it was
 * accepted by (信用代码人工核验) and whether that is still in force; null for a passing code.
 */
export interface EnterpriseDetailWithOverride extends EnterpriseDetail {
  usccOverride: { id: number; isActive: boolean } | null;
}

/** Maps a register row to its list shape, with its validity on `today`. */
export function toListItem(row: EnterpriseListRow, today: string): EnterpriseListItem {
  return {
    uscc: row.uscc,
    name: row.name,
    tier: row.tier,
    tierLabel: TIER_LABELS[row.tier] ?? row.tier,
    recognizedOn: row.recognized_on,
    validUntil: row.valid_until,
    validity: { ...validityOn(today, row.recognized_on, row.valid_until), warningDays: expiryWarningSetting().value },
    regionCode: row.region_code,
    regionName: row.region_name,
    cityCode: row.city_code,
    cityName: row.city_name,
    industryCode: row.industry_code,
    industryName: row.industry_name,
    size: row.size,
    sizeLabel: row.size ? SIZE_LABELS[row.size] : null,
  };
}

type History = Awaited<ReturnType<typeof findRecognitionHistory>>;
type KeyEntry = Awaited<ReturnType<typeof findKeyEnterpriseEntry>>;

/** Maps a register row with its history to the detail shape; the contact phone leaves masked. */
export function toDetail(
  row: EnterpriseListRow,
  history: History,
  keyEntry: KeyEntry,
  today: string,
  cipher: PersonalDataCipher,
): EnterpriseDetail {
  return {
    ...toListItem(row, today),
    contactName: row.contact_name,
    contactPhone: row.contact_phone_enc ? maskPhone(cipher.decrypt(row.contact_phone_enc)) : null,
    recognitions: history.map((h) => ({
      tier: h.tier,
      tierLabel: TIER_LABELS[h.tier] ?? h.tier,
      recognizedOn: h.recognized_on,
      validUntil: h.valid_until,
      recordedAt: h.recorded_at,
      source: h.source,
    })),
    keyEnterprise: keyEntry
      ? {
          regionCode: keyEntry.region_code,
          commissionerId: keyEntry.commissioner_id === null ? null : Number(keyEntry.commissioner_id),
          commissionerName: keyEntry.commissioner_name,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
