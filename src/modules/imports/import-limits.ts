import { readFileSync } from 'node:fs';

/**
 * How much an import may take (reference/imports/limits.json, with the reason for each number):
 * upload bytes per kind, what an XLSX may unpack to, and how many imports work at once.
 */
export interface ImportLimits {
  /** Upload size per kind; a kind without its own number gets the largest. */
  uploadMaxBytes(kind: string): number;
  multipartOverheadBytes: number;
  xlsx: XlsxLimits;
  concurrentImports: number;
  workerHeapMb: number;
}

export interface XlsxLimits {
  maxUncompressedBytes: number;
  maxSharedStringsBytes: number;
  maxSharedStrings: number;
  maxRows: number;
}

interface Limit {
  value: number;
}

interface LimitsFile {
  upload_max_bytes: Record<string, Limit>;
  multipart_overhead_bytes: Limit;
  xlsx: { max_uncompressed_bytes: Limit; max_shared_strings_bytes: Limit; max_shared_strings: Limit; max_rows: Limit };
  workers: { concurrent_imports: Limit; worker_heap_mb: Limit };
}

const FILE = new URL('../../../reference/imports/limits.json', import.meta.url);

let cached: ImportLimits | undefined;

/** The import limits, read once. */
export function loadImportLimits(): ImportLimits {
  cached ??= readImportLimits();
  return cached;
}

function readImportLimits(): ImportLimits {
  const file = JSON.parse(readFileSync(FILE, 'utf8')) as LimitsFile;
  const perKind = new Map(Object.entries(file.upload_max_bytes).map(([kind, limit]) => [kind, limit.value]));
  const largest = Math.max(...perKind.values());
  return {
    uploadMaxBytes: (kind) => perKind.get(kind) ?? largest,
    multipartOverheadBytes: file.multipart_overhead_bytes.value,
    xlsx: {
      maxUncompressedBytes: file.xlsx.max_uncompressed_bytes.value,
      maxSharedStringsBytes: file.xlsx.max_shared_strings_bytes.value,
      maxSharedStrings: file.xlsx.max_shared_strings.value,
      maxRows: file.xlsx.max_rows.value,
    },
    concurrentImports: file.workers.concurrent_imports.value,
    workerHeapMb: file.workers.worker_heap_mb.value,
  };
}

/** 100 MB, 1 GB: a byte limit as officials read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3)
    return bytes % 1024 ** 3 === 0 ? `${bytes / 1024 ** 3} GB` : `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}
