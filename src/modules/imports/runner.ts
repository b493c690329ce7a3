import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/current-user.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { NO_USCC_OVERRIDES } from '../reference/uscc-acceptance.ts';
import { loadActiveUsccOverrides } from '../reference/uscc-overrides.service.ts';
import { sha256File } from './file-hash.ts';
import { cellsByKey, mapHeader, type HeaderMap } from './header.ts';
import type { ImportKind, ImportWriter, ParseContext, ParsedRow, RawCell, RowReject } from './import-kind.ts';
import * as runs from './imports.repository.ts';
import { openSource, type SourceFile } from './source.ts';

export interface ImportSummary {
  run_id: number;
  kind: string;
  file_sha256: string;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  ignored_columns: string[];
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

interface Counters {
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: number;
}

/**
 * Runs one import: hash, header check (a wrong header refuses the whole file), then batches
 * of parsed rows (windows, for kinds with their own writer), each written with its rejects
 * and the run's counters in one transaction — a crash loses no committed batch and leaves no
 * partial one, and natural keys make the rerun finish the job. Ends with an audit row
 * carrying the file hash and counts.
 */
export async function runImport(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind<unknown>,
  path: string,
  options: { fileName?: string; onProgress?: (progress: ImportProgress) => void; runId?: number } = {},
): Promise<ImportSummary> {
  const sha = await sha256File(path);
  // A file refused on opening (unreadable, or an XLSX past its limits) still gets its run, refused with the reason.
  const opened = await openSourceOrRefuse(path).then(
    (source) => ({ source }),
    (error: unknown) => ({ error }),
  );
  const totalBytes = 'source' in opened ? opened.source.totalBytes : 0;
  const now = () => ctx.clock().toISOString();
  const runId =
    options.runId ??
    (await runs.insertImportRun(ctx.db, {
      kind: kind.kind,
      file_name: options.fileName ?? path,
      file_sha256: sha,
      status: 'running',
      started_at: now(),
      bytes_total: totalBytes,
      user_id: actor.user?.id ?? null,
      actor_name: actor.user?.username ?? actor.requestId,
      heartbeat_at: now(),
    }));
  if (options.runId) await runs.updateImportRun(ctx.db, runId, { file_sha256: sha, bytes_total: totalBytes });
  try {
    if (!('source' in opened)) throw opened.error;
    const source = opened.source;
    const summary = await importRows(ctx, actor, kind, source, runId, sha, options.onProgress);
    if (kind.afterImport) await kind.afterImport(ctx, runId);
    return summary;
  } catch (error) {
    const refused = isAppError(error) && REFUSING_CODES.has(error.code);
    await runs.updateImportRun(ctx.db, runId, {
      status: refused ? 'refused' : 'failed',
      finished_at: now(),
      message: isAppError(error) ? error.message : '导入中断：系统内部错误',
    });
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      {
        action: `import.${kind.kind}`,
        outcome: 'failure',
        objectType: 'import_run',
        objectId: runId,
        details: { file_sha256: sha, reason: isAppError(error) ? error.code : 'INTERNAL' },
      },
      ctx.clock(),
    );
    throw error;
  }
}

// A file refused whole for what it is, not a failure of the system.
const REFUSING_CODES = new Set(['IMPORT_HEADER_INVALID', 'IMPORT_FILE_TOO_LARGE']);

async function openSourceOrRefuse(path: string): Promise<SourceFile> {
  try {
    return await openSource(path);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('IMPORT_FILE_UNREADABLE', `无法读取文件：${path}`);
  }
}

async function importRows(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind<unknown>,
  source: SourceFile,
  runId: number,
  sha: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  const counters: Counters = { rows: 0, accepted: 0, unchanged: 0, rejected: 0 };
  const context = await loadParseContext(ctx, kind);
  const batchSize = kind.batchSize ?? 2000;
  let rejects: RowReject[] = [];
  const writer = kind.createWriter?.(ctx) ?? batchWriter(kind, ctx, batchSize, () => rejects.length);
  let header: HeaderMap | undefined;
  let parseRow: ((cells: readonly RawCell[]) => ParsedRow<unknown>) | undefined;
  let lastLine = 0;
  const flush = async (isLast: boolean) => {
    await commitBatch(ctx, actor, kind, writer, runId, sha, {
      rejects,
      lastLine,
      bytesRead: source.bytesRead(),
      counters,
      isLast,
      ignored: header?.ignored ?? [],
    });
    rejects = [];
    onProgress?.({ rows: counters.rows, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
  };
  for await (const rows of readRowBatches(source)) {
    for (const row of rows) {
      if (!parseRow) {
        header = mapHeader(kind.columns, row.cells, kind.label);
        parseRow = rowParserFor(kind, header, context);
        continue;
      }
      counters.rows += 1;
      lastLine = row.line;
      const parsed = parseRow(row.cells);
      if (parsed.ok) writer.add(row.line, parsed.record);
      else for (const reject of parsed.rejects) rejects.push({ ...reject, line: row.line });
      if (writer.isFull() || rejects.length >= batchSize) await flush(false);
    }
  }
  if (!header) throw new AppError('IMPORT_HEADER_INVALID', `${kind.label}文件为空：没有表头行`);
  await flush(true);
  return { run_id: runId, kind: kind.kind, file_sha256: sha, ...counters, ignored_columns: header.ignored };
}

/**
 * What the rows are checked against, read once as the import starts: the credit-code overrides
 * in force, for kinds with a credit-code column (a revocation reaches the next import, not this one).
 */
async function loadParseContext(ctx: AppContext, kind: ImportKind<unknown>): Promise<ParseContext> {
  const hasUsccColumn = kind.columns.some((c) => c.key === 'uscc');
  return { usccOverrides: hasUsccColumn ? await loadActiveUsccOverrides(ctx.db) : NO_USCC_OVERRIDES };
}

/** The kind's parser for this import, or its parseRow on the cells by column key. */
function rowParserFor<R>(
  kind: ImportKind<R>,
  header: HeaderMap,
  context: ParseContext,
): (cells: readonly RawCell[]) => ParsedRow<R> {
  return (
    kind.createParser?.(header.positions, context) ?? ((cells) => kind.parseRow(cellsByKey(header, cells), context))
  );
}

/** The default writer: arrays of batchSize rows, rejects counted in, to the kind's writeBatch. */
function batchWriter<R>(
  kind: ImportKind<R>,
  ctx: AppContext,
  batchSize: number,
  pendingRejects: () => number,
): ImportWriter<R> {
  let batch: { line: number; record: R }[] = [];
  return {
    add: (line, record) => {
      batch.push({ line, record });
    },
    isFull: () => batch.length + pendingRejects() >= batchSize,
    write: async (trx, runId) => {
      const rows = batch;
      batch = [];
      return rows.length > 0 ? kind.writeBatch(trx, ctx, rows, runId) : { accepted: 0, unchanged: 0, rejects: [] };
    },
  };
}

async function* readRowBatches(source: SourceFile) {
  try {
    yield* source.rowBatches();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `文件格式错误，无法继续读取：${(error as Error).message.slice(0, 200)}`,
    );
  }
}

interface PendingBatch {
  rejects: RowReject[];
  lastLine: number;
  bytesRead: number;
  counters: Counters;
  isLast: boolean;
  ignored: string[];
}

async function commitBatch(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind<unknown>,
  writer: ImportWriter<unknown>,
  runId: number,
  sha: string,
  pending: PendingBatch,
): Promise<void> {
  const { counters } = pending;
  await ctx.db.transaction().execute(async (trx) => {
    // Two imports of one kind at once (two app processes) write their batches one after the
    // other on PostgreSQL, so that merges of the same person's spells never race.
    if (ctx.dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`import:${kind.kind}`}))`.execute(trx);
    const outcome = await writer.write(trx, runId);
    // concat, not spread: a large window may refuse more rows than a call takes arguments.
    const allRejects = pending.rejects.concat(outcome.rejects);
    await runs.insertRejects(
      trx,
      allRejects.map((r) => ({
        run_id: runId,
        line: r.line,
        column_name: r.column ?? '',
        code: r.code,
        message: r.message,
      })),
    );
    counters.accepted += outcome.accepted;
    counters.unchanged += outcome.unchanged;
    counters.rejected += new Set(allRejects.map((r) => r.line)).size;
    const at = ctx.clock().toISOString();
    await runs.updateImportRun(trx, runId, {
      rows: counters.rows,
      accepted: counters.accepted,
      unchanged: counters.unchanged,
      rejected: counters.rejected,
      committed_line: pending.lastLine,
      bytes_read: pending.bytesRead,
      heartbeat_at: at,
      ...(pending.isLast ? { status: 'completed' as const, finished_at: at } : {}),
    });
    if (pending.isLast) {
      await appendAudit(
        trx,
        ctx.dialect,
        actor,
        {
          action: `import.${kind.kind}`,
          outcome: 'success',
          objectType: 'import_run',
          objectId: runId,
          details: { file_sha256: sha, ...counters, ignored_columns: pending.ignored },
        },
        ctx.clock(),
      );
    }
  });
}
