import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** One accepted exception of the credit-code check (人工核验例外); revoked ones stay listed. */
export interface UsccOverride {
  id: number;
  uscc: string;
  /** The validator's reason: USCC_ORG_CODE_CHECK or USCC_CHECK_CHAR. */
  failureReason: string;
  failureMessage: string;
  /** The official's reason and evidence (营业执照核验、登记机关函号…). */
  evidence: string;
  recordedBy: string;
  recordedAt: string;
  isActive: boolean;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface UsccOverrideQuery extends PageQuery {
  /** Code prefix or text of the evidence. */
  q?: string;
  status?: 'active' | 'revoked';
}

/**
 * The failures an override may accept: a wrong check character only (the 17th, of the embedded
 * organisation code, or the 18th). The server decides the same and refuses anything else.
 */
export const OVERRIDABLE_USCC_REASONS: readonly string[] = ['USCC_ORG_CODE_CHECK', 'USCC_CHECK_CHAR'];

export function listUsccOverrides(query: UsccOverrideQuery): Promise<Page<UsccOverride>> {
  return api.get('/reference/uscc-overrides', { ...query });
}

/** Records an override (省工信 and the system administrator). */
export function recordUsccOverride(request: { uscc: string; evidence: string }): Promise<UsccOverride> {
  return api.post('/reference/uscc-overrides', request);
}

/** Takes an override out of force with a reason; the entry stays on the register. */
export function revokeUsccOverride(id: number, reason: string): Promise<UsccOverride> {
  return api.post(`/reference/uscc-overrides/${id}/revoke`, { reason });
}
