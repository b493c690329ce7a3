import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied' | string;

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  details?: string | null;
}

export interface AuditQuery extends PageQuery {
  action?: string;
  username?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first problem by sequence number: link_mismatch, hash_mismatch, recomputed, truncated, checkpoint_invalid. */
  first_broken?: { id: number; reason: string };
  /** The first sequence number chained with HMAC-SM3. */
  keyed_from?: number;
  last_checkpoint?: { seq: number; row_count: number; at: string };
}

/** The log of these filters as an Excel file (details and IP addresses masked; the export is itself audited). */
export function exportAuditEntries(
  query: Omit<AuditQuery, 'page' | 'pageSize'>,
): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/audit/export', { ...query }, 'audit-log.xlsx');
}

export function listAuditEntries(query: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get('/audit', { ...query });
}

/** Verify the keyed hash chain over the whole log against its signed checkpoints. */
export function verifyAuditChain(): Promise<AuditVerification> {
  return api.post('/audit/verify');
}
