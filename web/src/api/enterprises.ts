import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** 创新型中小企业 / 专精特新中小企业 / 专精特新“小巨人”企业. */
export const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
export type Tier = (typeof TIERS)[number];

export const SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof SIZES)[number];

export type ValidityStatus = 'not_yet_valid' | 'valid' | 'expiring' | 'expired';

export interface Validity {
  status: ValidityStatus;
  /** Days to the last valid day; negative once expired. */
  daysLeft: number;
  /** The expiry warning window the status was computed with (90 days). */
  warningDays: number;
}

/** One enterprise of the register (培育库), as `GET /enterprises` lists it. */
export interface EnterpriseListItem {
  uscc: string;
  name: string;
  tier: Tier;
  tierLabel: string;
  recognizedOn: string;
  validUntil: string;
  validity: Validity;
  regionCode: string;
  regionName: string | null;
  cityCode: string;
  cityName: string | null;
  industryCode: string | null;
  industryName: string | null;
  size: EnterpriseSize | null;
  sizeLabel: string | null;
}

export interface Recognition {
  tier: Tier;
  tierLabel: string;
  recognizedOn: string;
  validUntil: string;
  recordedAt: string;
  /** import:<run id>, exchange:<idempotency key>… */
  source: string;
}

export interface EnterpriseDetail extends EnterpriseListItem {
  contactName: string | null;
  /** Masked by the server (139****5678). */
  contactPhone: string | null;
  recognitions: Recognition[];
  keyEnterprise: { regionCode: string; commissionerId: number | null; commissionerName: string | null } | null;
  /** A code failing the check that came in by a manual override (信用代码人工核验), and whether it is still in force. */
  usccOverride?: { id: number; isActive: boolean } | null;
  createdAt: string;
  updatedAt: string;
}

/** The filters of the register list and its export (SPEC §5). */
export interface RegisterFilter {
  /** A city (with its districts and counties) or one county-level division. */
  region?: string;
  tier?: Tier;
  /** `manufacturing`, a section letter or a two-digit division. */
  industry?: string;
  size?: EnterpriseSize;
  /** Only enterprises holding a valid recognition on this day (YYYY-MM-DD). */
  validOn?: string;
  /** Name contains, or credit code starts with. */
  q?: string;
}

export type RegisterQuery = RegisterFilter & PageQuery;

export function listEnterprises(query: RegisterQuery): Promise<Page<EnterpriseListItem>> {
  return api.get('/enterprises', { ...query });
}

/** The filtered register as an Excel file (contact phones masked; the export is audited). */
export function exportEnterprises(filter: RegisterFilter): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/enterprises/export', { ...filter }, 'enterprises.xlsx');
}

/** One enterprise with its tier history; 404 outside the caller's scope. */
export function getEnterprise(uscc: string): Promise<EnterpriseDetail> {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}`);
}

/** The contact's whole phone number: 403 PERSONAL_DATA_RIGHT_REQUIRED without the right; audited. */
export function revealContactPhone(uscc: string): Promise<{ contactName: string | null; phone: string | null }> {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}/contact-phone`);
}
