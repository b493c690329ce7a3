import { serveWorker } from '../../platform/workers/serve-worker.ts';
import type { ImportWorkerData } from './import-runner-worker.ts';
import { findImportKind } from './kinds.ts';
import { runImport, type ImportProgress } from './runner.ts';

/**
 * An uploaded import's worker thread (started by import-runner-worker.ts): runs the import of the
 * stored file on its own connection, the kind's after-import refresh included. The run writes its
 * own progress and outcome.
 */
await serveWorker<ImportWorkerData>('导入', async (ctx, data) => {
  const kind = findImportKind(data.kind);
  if (!kind) throw new Error(`不支持的导入类型：${data.kind}`);
  await runImport(ctx, data.actor, kind, data.path, {
    fileName: data.fileName,
    runId: data.runId,
    onProgress: exitAfter(data.exitAfterBatches),
  });
});

/** Test only: ends the thread once `batches` batches are committed, as a crash would. */
function exitAfter(batches: number | undefined): ((progress: ImportProgress) => void) | undefined {
  if (!batches) return undefined;
  let committed = 0;
  return () => {
    committed += 1;
    if (committed >= batches) process.exit(3);
  };
}
