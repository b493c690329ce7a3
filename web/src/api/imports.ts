import { api, apiDownload } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf, Page } from './types.ts';

export type ImportKind = ItemOf<ApiResponse<'/api/v1/imports/kinds'>>;
export type ImportColumn = ImportKind['columns'][number];

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'refused' | 'interrupted';

/**
 * One import run: progress while it runs, the summary once it ends. The server's schema types the
 * status as a string; the web names the states it knows.
 */
export type ImportRun = Omit<ApiResponse<'/api/v1/imports/{id}'>, 'status'> & { status: ImportStatus };

/** The kind's template as an Excel file: the header, and each column's allowed values in a note and on 填写说明. */
export function downloadImportTemplate(kind: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/imports/kinds/${encodeURIComponent(kind)}/template`, undefined, fallbackName);
}

/** The kinds this user may import, with their columns. */
export function listImportKinds(): Promise<ApiResponse<'/api/v1/imports/kinds'>> {
  return api.get('/imports/kinds');
}

/** Uploads a .csv or .xlsx file (form field `file`); the import runs in the background. */
export function uploadImportFile(kind: string, file: Blob, fileName: string): Promise<ImportRun> {
  const form = new FormData();
  form.append('file', file, fileName);
  return api.upload(`/imports/${encodeURIComponent(kind)}`, form);
}

export function getImportRun(id: number): Promise<ImportRun> {
  return api.get(`/imports/${id}`);
}

export function listImportRuns(query: ApiQuery<'/api/v1/imports'>): Promise<Page<ImportRun>> {
  return api.get('/imports', { ...query });
}

/** One rejected row of a run: where in the file, and why (Chinese; numbers it quotes are masked). */
export type RejectedRow = ItemOf<ApiResponse<'/api/v1/imports/{id}/rejected-rows'>>;

/** A page of a run's rejected rows, first lines first. */
export function listRejectedRows(
  id: number,
  query: ApiQuery<'/api/v1/imports/{id}/rejected-rows'>,
): Promise<ApiResponse<'/api/v1/imports/{id}/rejected-rows'>> {
  return api.get(`/imports/${id}/rejected-rows`, { ...query });
}

/** Where the rejects CSV of a run is downloaded (a plain link: the session cookie goes along). */
export function rejectsFileUrl(id: number): string {
  return `/api/v1/imports/${id}/rejects`;
}
