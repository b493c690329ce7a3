import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors.ts';
import { formatBytes } from './import-limits.ts';

/**
 * Uploaded import files under the data directory (`uploads/`). They hold ID numbers in
 * plaintext, so they are written readable by the server's account only (0600), kept only while
 * their import waits or works, and removed when refused, finished or abandoned: a file being
 * received is `<uuid>.<ext>.part`, a file of a run `run-<id>.<ext>`; the sweep removes what no
 * live run owns (a killed server's files included).
 */

/** Where uploads are kept. */
export function uploadsDirOf(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/** Stores an upload stream as a partial file (0600), refusing it past `maxBytes`; the caller moves it to its run or removes it. */
export async function receiveUpload(
  dir: string,
  stream: Readable & { truncated?: boolean },
  extension: string,
  maxBytes: number,
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const partial = path.join(dir, `${randomUUID()}${extension}.part`);
  try {
    await pipeline(stream, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    if (stream.truncated) throw tooLarge(maxBytes);
    return partial;
  } catch (error) {
    await rm(partial, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

/** The upload refused for its size, in the words the official reads. */
export function tooLarge(maxBytes: number): AppError {
  return new AppError('IMPORT_FILE_TOO_LARGE', `文件超过此类数据 ${formatBytes(maxBytes)} 的上限，请拆分后分批导入`);
}

/** Moves a received file to its run's name; the run's import removes it when it ends. */
export async function assignUploadToRun(partial: string, runId: number): Promise<string> {
  const stored = path.join(path.dirname(partial), `run-${runId}${path.extname(partial.replace(/\.part$/, ''))}`);
  await rename(partial, stored);
  return stored;
}

/**
 * Removes the uploads nobody will read: a run's file whose run is not live (`isLive` asks the
 * run table), and partial or unnamed files untouched for `staleAfterMs` (a receiving upload
 * writes continuously). Answers the names removed.
 */
export async function sweepUploads(
  dir: string,
  isLive: (runId: number) => Promise<boolean>,
  staleAfterMs: number,
  now = Date.now(),
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const runId = /^run-(\d+)\./.exec(name)?.[1];
    const isOrphan = runId ? !(await isLive(Number(runId))) : await isUntouchedSince(file, now - staleAfterMs);
    if (!isOrphan) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}

async function isUntouchedSince(file: string, since: number): Promise<boolean> {
  try {
    return (await stat(file)).mtimeMs < since;
  } catch {
    return false;
  }
}
