import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** The monthly 通报 (SPEC §2.4): generated on demand or on the 5th of each month. */
export interface Bulletin {
  id: number;
  /** YYYYMM. */
  period: number;
  regionCode: string;
  regionName: string;
  /** manual / schedule. */
  trigger: string;
  /** generating / ready / failed. */
  status: string;
  summary: string | null;
  error: string | null;
  /** False for a month without monitoring data (older records; listed only when asked). */
  hasData: boolean;
  createdAt: string;
  finishedAt: string | null;
  /** API paths of the workbook and the printable page. */
  links: { xlsx: string; html: string };
}

export interface BulletinQuery extends PageQuery {
  period?: number;
  year?: number;
  month?: number;
  region?: string;
  includeEmpty?: boolean;
}

/** A page of bulletins in the caller's scope, the latest generated first. */
export function listBulletins(query: BulletinQuery): Promise<Page<Bulletin>> {
  return api.get('/monitoring/bulletins', { ...query });
}

/** Generates the month's 通报 for the province or a region (a city official: their own). */
export function generateBulletin(request: { period: number; region?: string }): Promise<Bulletin> {
  return api.post('/monitoring/bulletins', request);
}

export function downloadBulletinWorkbook(id: number): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/monitoring/bulletins/${id}.xlsx`, undefined, `bulletin-${id}.xlsx`);
}

/** The printable page's address (opened in a new tab; the session cookie goes along). */
export function bulletinPageUrl(id: number): string {
  return `/api/v1/monitoring/bulletins/${id}.html`;
}
