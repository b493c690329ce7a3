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
  /** The first record whose hash does not follow from its predecessor, and why. */
  first_broken?: { id: number; reason: string };
}

/** The log of these filters as an Excel file (details and IP addresses masked; the export is itself audited). */
export function exportAuditEntries(query: Omit<AuditQuery, 'page' | 'pageSize'>): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/audit/export', { ...query }, 'audit-log.xlsx');
}

export function listAuditEntries(query: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get('/audit', { ...query });
}

/** Recompute the SM3 hash chain over the whole log. */
export function verifyAuditChain(): Promise<AuditVerification> {
  return api.post('/audit/verify');
}
