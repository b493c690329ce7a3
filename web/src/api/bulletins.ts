import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** The monthly 通报 (SPEC §2.4): generated on demand or on the 5th of each month. */
export type Bulletin = ItemOf<ApiResponse<'/api/v1/monitoring/bulletins'>>;
export type BulletinQuery = ApiQuery<'/api/v1/monitoring/bulletins'>;

/** A page of bulletins in the caller's scope, the latest generated first. */
export function listBulletins(query: BulletinQuery): Promise<ApiResponse<'/api/v1/monitoring/bulletins'>> {
  return api.get('/monitoring/bulletins', { ...query });
}

/** Generates the month's 通报 for the province or a region (a city official: their own). */
export function generateBulletin(
  request: ApiBody<'/api/v1/monitoring/bulletins'>,
): Promise<ApiResponse<'/api/v1/monitoring/bulletins', 'post'>> {
  return api.post('/monitoring/bulletins', request);
}

export function downloadBulletinWorkbook(id: number): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/monitoring/bulletins/${id}.xlsx`, undefined, `bulletin-${id}.xlsx`);
}

/** The printable page's address (opened in a new tab; the session cookie goes along). */
export function bulletinPageUrl(id: number): string {
  return `/api/v1/monitoring/bulletins/${id}.html`;
}
