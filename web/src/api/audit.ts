import { api, apiDownload } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

export type AuditEntry = ItemOf<ApiResponse<'/api/v1/audit'>>;
export type AuditOutcome = AuditEntry['outcome'];
export type AuditQuery = ApiQuery<'/api/v1/audit'>;
export type AuditVerification = ApiResponse<'/api/v1/audit/verify', 'post'>;

/** The log of these filters as an Excel file (details and IP addresses masked; the export is itself audited). */
export function exportAuditEntries(
  query: Omit<AuditQuery, 'page' | 'pageSize'>,
): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/audit/export', { ...query }, 'audit-log.xlsx');
}

export function listAuditEntries(query: AuditQuery): Promise<ApiResponse<'/api/v1/audit'>> {
  return api.get('/audit', { ...query });
}

/** Verify the keyed hash chain over the whole log against its signed checkpoints. */
export function verifyAuditChain(): Promise<AuditVerification> {
  return api.post('/audit/verify');
}
