import { rm } from 'node:fs/promises';
import type { AppContext } from '../../app-context.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import type { ImportKind } from './import-kind.ts';
import { loadImportLimits } from './import-limits.ts';
import { importQueueOf } from './import-queue.ts';
import { runImportInBackground } from './import-runner-worker.ts';
import * as runs from './imports.repository.ts';
import { findImportKind, IMPORT_KINDS } from './kinds.ts';
import { shownRejectReason } from './reject-reason.ts';
import { assignUploadToRun, sweepUploads, uploadsDirOf } from './upload-store.ts';

// A running import writes a heartbeat with every batch; silence this long means its process died.
const STALE_AFTER_MS = 2 * 60_000;

const DEFAULT_ROLES: readonly Role[] = ['province_hrss'];

// Runs that load data without a file kind (the demo data set records one run too).
const OTHER_RUN_LABELS: Record<string, string> = { demo: '演示数据' };

export interface ImportRunView {
  id: number;
  kind: string;
  kindLabel: string;
  fileName: string;
  fileSha256: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'refused' | 'interrupted';
  /** While queued: how many uploaded imports wait before this one; otherwise null. */
  queuedAhead: number | null;
  startedAt: string;
  finishedAt: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  progress: number;
  message: string | null;
  actorName: string | null;
}

/** The kind, if this user may run it; an unknown kind or another bureau's kind is refused. */
export function importKindFor(user: CurrentUser, name: string): ImportKind<unknown> {
  const kind = findImportKind(name);
  if (!kind)
    throw new AppError(
      'IMPORT_KIND_UNKNOWN',
      `不支持的导入类型：${name}。可选：${IMPORT_KINDS.map((k) => k.kind).join('、')}`,
    );
  if (!(kind.roles ?? DEFAULT_ROLES).includes(user.role)) throw new AppError('FORBIDDEN', `无权导入${kind.label}`);
  return kind;
}

/** The kinds a user may import, with their columns (the web page shows the template). */
export function listImportKinds(user: CurrentUser) {
  return IMPORT_KINDS.filter((k) => (k.roles ?? DEFAULT_ROLES).includes(user.role)).map((k) => ({
    kind: k.kind,
    label: k.label,
    columns: k.columns.map((c) => ({
      header: c.header,
      alias: c.alias,
      required: c.required,
      values: c.values ? [...c.values] : null,
    })),
  }));
}

/** Why an import that failed in the background failed, for the server log (the run shows the user its own message). */
export type ImportFailureLog = (failure: { runId: number; kind: string; reason: string }) => void;

/**
 * Queues an uploaded file's import (the kind was checked before the upload was received) and
 * answers at once with the run; the page polls it for its place in the queue, then its progress.
 * The import works in the background (a worker thread when the database allows it); the stored
 * file is removed when it ends, whatever the end.
 */
export async function startUploadedImport(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  kind: ImportKind<unknown>,
  received: string,
  fileName: string,
  logFailure: ImportFailureLog,
): Promise<ImportRunView> {
  const now = ctx.clock().toISOString();
  let runId: number;
  let stored: string;
  try {
    runId = await runs.insertImportRun(ctx.db, {
      kind: kind.kind,
      file_name: fileName,
      file_sha256: '',
      status: 'queued',
      started_at: now,
      user_id: actor.user.id,
      actor_name: actor.user.username,
      heartbeat_at: now,
    });
    stored = await assignUploadToRun(received, runId);
  } catch (error) {
    await rm(received, { force: true });
    throw error;
  }
  const limits = loadImportLimits();
  importQueueOf(ctx, limits.concurrentImports).enqueue({
    runId,
    work: async () => {
      try {
        if (!(await runs.markImportStarted(ctx.db, runId, ctx.clock().toISOString()))) return;
        await runImportInBackground(ctx, actor, kind, stored, { fileName, runId });
      } catch (error) {
        // The run row records the failure and the audit log its code; the server log keeps the cause.
        logFailure({ runId, kind: kind.kind, reason: (error as Error).message });
      } finally {
        await rm(stored, { force: true });
      }
    },
  });
  return getImportRun(ctx, actor.user, runId);
}

/** Removes stored uploads that no queued or working import will read (a killed server's, a broken upload's). */
export async function sweepAbandonedUploads(ctx: AppContext): Promise<string[]> {
  const aliveSince = () => new Date(ctx.clock().getTime() - STALE_AFTER_MS).toISOString();
  return sweepUploads(
    uploadsDirOf(ctx.config.dataDir),
    (runId) => runs.isImportRunLive(ctx.db, runId, aliveSince()),
    STALE_AFTER_MS,
  );
}

/** One run with its progress; another user's run is visible to province roles only. */
export async function getImportRun(ctx: AppContext, user: CurrentUser, id: number): Promise<ImportRunView> {
  const row = await runs.findImportRun(ctx.db, id);
  if (!row || !maySee(user, row.user_id)) throw new AppError('NOT_FOUND', '导入记录不存在');
  return toView(ctx, row, row.status === 'queued' ? await liveQueuedIds(ctx) : []);
}

export async function listRuns(
  ctx: AppContext,
  user: CurrentUser,
  query: { page?: number; pageSize?: number; kind?: string },
): Promise<Page<ImportRunView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const mine = user.role === 'province_hrss' || user.role === 'province_miit' ? {} : { userId: user.id };
  const { items, total } = await runs.listImportRuns(ctx.db, { kind: query.kind, ...mine }, offset, pageSize);
  const queued = items.some((r) => r.status === 'queued') ? await liveQueuedIds(ctx) : [];
  return { items: items.map((r) => toView(ctx, r, queued)), total, page, pageSize };
}

/** One rejected row of a run, as the import page lists it: where, and why in Chinese. */
export interface RejectedRowView {
  /** The line of the file (the header is line 1). */
  line: number;
  /** The Chinese header of the offending column, or '' for the whole row. */
  column: string;
  /** The reason code, a secondary hint for officials. */
  code: string;
  /** The reason in Chinese; an ID, phone or account number quoted from the file is masked (a credit code is not). */
  reason: string;
}

/** A page of a run's rejects, first lines first; the run is checked like the run itself. */
export async function listRunRejects(
  ctx: AppContext,
  user: CurrentUser,
  id: number,
  query: { page?: number; pageSize?: number },
): Promise<Page<RejectedRowView>> {
  await getImportRun(ctx, user, id);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total } = await runs.pageRejects(ctx.db, id, offset, pageSize);
  return {
    items: items.map((r) => ({
      line: Number(r.line),
      column: r.column_name,
      code: r.code,
      reason: shownRejectReason(r.column_name, r.message),
    })),
    total,
    page,
    pageSize,
  };
}

/** Province officials see every run; anyone else only the runs they started. */
function maySee(user: CurrentUser, ownerId: number | null): boolean {
  return user.role === 'province_hrss' || user.role === 'province_miit' || ownerId === user.id;
}

function liveQueuedIds(ctx: AppContext): Promise<number[]> {
  return runs.listLiveQueuedImportIds(ctx.db, new Date(ctx.clock().getTime() - STALE_AFTER_MS).toISOString());
}

function toView(
  ctx: AppContext,
  row: NonNullable<Awaited<ReturnType<typeof runs.findImportRun>>>,
  liveQueued: number[],
): ImportRunView {
  const isStale =
    (row.status === 'running' || row.status === 'queued') &&
    (!row.heartbeat_at || ctx.clock().getTime() - new Date(row.heartbeat_at).getTime() > STALE_AFTER_MS);
  const bytesTotal = Number(row.bytes_total);
  return {
    id: Number(row.id),
    kind: row.kind,
    kindLabel: findImportKind(row.kind)?.label ?? OTHER_RUN_LABELS[row.kind] ?? row.kind,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    status: isStale ? 'interrupted' : row.status,
    queuedAhead: row.status === 'queued' && !isStale ? liveQueued.filter((id) => id < Number(row.id)).length : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rows: Number(row.rows),
    accepted: Number(row.accepted),
    rejected: Number(row.rejected),
    unchanged: Number(row.unchanged),
    progress: row.status === 'completed' ? 1 : bytesTotal > 0 ? Math.min(1, Number(row.bytes_read) / bytesTotal) : 0,
    message: row.message,
    actorName: row.actor_name,
  };
}
