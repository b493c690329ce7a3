import { api, apiDownload } from './client.ts';
import type { ItemList, Page, PageQuery } from './types.ts';

export interface ImportColumn {
  /** The Chinese header of SPEC §3. */
  header: string;
  /** The accepted English name. */
  alias: string;
  required: boolean;
  /** The values the column accepts, when it accepts only some (结果: 成功、失败). */
  values: string[] | null;
}

export interface ImportKind {
  kind: string;
  label: string;
  columns: ImportColumn[];
}

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'refused' | 'interrupted';

/** One import run: progress while it runs, the summary once it ends. */
export interface ImportRun {
  id: number;
  kind: string;
  kindLabel: string;
  fileName: string;
  fileSha256: string;
  status: ImportStatus;
  /** While queued: how many imports wait before this one; otherwise null. */
  queuedAhead: number | null;
  startedAt: string;
  finishedAt: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  /** 0–1. */
  progress: number;
  /** Why a file was refused or failed (a refused header lists the expected columns). */
  message: string | null;
  actorName: string | null;
}

/** The kind's template as an Excel file: the header, and each column's allowed values in a note and on 填写说明. */
export function downloadImportTemplate(kind: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/imports/kinds/${encodeURIComponent(kind)}/template`, undefined, fallbackName);
}

/** The kinds this user may import, with their columns. */
export function listImportKinds(): Promise<ItemList<ImportKind>> {
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

export function listImportRuns(query: PageQuery & { kind?: string }): Promise<Page<ImportRun>> {
  return api.get('/imports', { ...query });
}

/** One rejected row of a run: where in the file, and why (Chinese; numbers it quotes are masked). */
export interface RejectedRow {
  /** The line of the file (the header is line 1). */
  line: number;
  /** The Chinese header of the offending column, or '' for the whole row. */
  column: string;
  /** The reason code (a hint for officials). */
  code: string;
  reason: string;
}

/** A page of a run's rejected rows, first lines first. */
export function listRejectedRows(id: number, query: PageQuery): Promise<Page<RejectedRow>> {
  return api.get(`/imports/${id}/rejected-rows`, { ...query });
}

/** Where the rejects CSV of a run is downloaded (a plain link: the session cookie goes along). */
export function rejectsFileUrl(id: number): string {
  return `/api/v1/imports/${id}/rejects`;
}
