import { api, apiDownload } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** 创新型中小企业 / 专精特新中小企业 / 专精特新“小巨人”企业. */
export const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
export type Tier = (typeof TIERS)[number];

export const SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof SIZES)[number];

/** One enterprise of the register (培育库), as `GET /enterprises` lists it. */
export type EnterpriseListItem = ItemOf<ApiResponse<'/api/v1/enterprises'>>;
/** The recognition's validity: days to the last valid day (negative once expired), with the warning window. */
export type Validity = EnterpriseListItem['validity'];
export type ValidityStatus = Validity['status'];

/** One enterprise with its tier history; the contact phone masked by the server (139****5678). */
export type EnterpriseDetail = ApiResponse<'/api/v1/enterprises/{uscc}'>;
export type Recognition = EnterpriseDetail['recognitions'][number];

/** The filters of the register list and its export (SPEC §5). */
export type RegisterFilter = ApiQuery<'/api/v1/enterprises/export'>;
export type RegisterQuery = ApiQuery<'/api/v1/enterprises'>;

export function listEnterprises(query: RegisterQuery): Promise<ApiResponse<'/api/v1/enterprises'>> {
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
export function revealContactPhone(uscc: string): Promise<ApiResponse<'/api/v1/enterprises/{uscc}/contact-phone'>> {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}/contact-phone`);
}
