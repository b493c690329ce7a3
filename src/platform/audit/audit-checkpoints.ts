import { timingSafeEqual } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { hmacSm3Hex } from '../crypto/sm.ts';
import type { AuditChain } from './audit-chain.ts';
import { sealAuditTail } from './audit-sealer.ts';
import {
  findAuditChainRecord,
  insertAuditCheckpoint,
  listAuditCheckpointRows,
  type AuditCheckpointRecord,
} from './audit.repository.ts';
import { countAuditRowsBetween, findAuditHashAt, findAuditHead } from './audit-seals.repository.ts';

export type { AuditCheckpointRecord } from './audit.repository.ts';

type Unsigned = Omit<AuditCheckpointRecord, 'mac'>;

function checkpointMac(key: Buffer, c: Unsigned): string {
  return hmacSm3Hex(key, `checkpoint|${c.chain}|${c.seq}|${c.head_hash}|${c.row_count}|${c.keyed_from}|${c.at}`);
}

/** True when the checkpoint's HMAC-SM3 was made with the chain's key over exactly these fields. */
export function isCheckpointSigned(key: Buffer, c: AuditCheckpointRecord): boolean {
  const expected = Buffer.from(checkpointMac(key, c), 'hex');
  const given = Buffer.from(typeof c.mac === 'string' ? c.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The checkpoints of a chain found outside audit_log: valid ones, and how many fail their signature. */
export interface CheckpointReading {
  valid: AuditCheckpointRecord[];
  invalid: number;
}

/** Reads every checkpoint of the chain: the file's lines and, on PostgreSQL, the table's rows. */
export async function readAuditCheckpoints(chain: AuditChain, chainId: string): Promise<CheckpointReading> {
  const found: AuditCheckpointRecord[] = [];
  let invalid = 0;
  if (chain.checkpointFile && existsSync(chain.checkpointFile)) {
    for (const line of readFileSync(chain.checkpointFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (!parsed) invalid += 1;
      else if (parsed.chain === chainId) found.push(parsed);
    }
  }
  if (chain.dialect === 'postgres') found.push(...(await listAuditCheckpointRows(chain.db, chainId)));
  const valid = found.filter((c) => isCheckpointSigned(chain.key, c));
  return { valid: valid.sort((a, b) => a.seq - b.seq), invalid: invalid + found.length - valid.length };
}

function parseLine(line: string): AuditCheckpointRecord | undefined {
  try {
    const c = JSON.parse(line) as AuditCheckpointRecord;
    const isWhole =
      typeof c.chain === 'string' &&
      Number.isInteger(c.seq) &&
      typeof c.head_hash === 'string' &&
      Number.isInteger(c.row_count) &&
      Number.isInteger(c.keyed_from) &&
      typeof c.at === 'string' &&
      typeof c.mac === 'string';
    return isWhole ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs the committed head of the chain (sequence number, head hash, row count, time) and appends
 * it to the checkpoint file and, on PostgreSQL, to audit_checkpoints. Skips when nothing is new
 * since the last checkpoint, and never signs a head behind it (that is truncation, for verify).
 */
export async function writeAuditCheckpoint(
  chain: AuditChain,
  now: Date = new Date(),
): Promise<AuditCheckpointRecord | undefined> {
  chain.rowsSinceCheckpoint = 0;
  // PostgreSQL: the committed rows are sealed first, so the signed head covers them.
  await sealAuditTail(chain, { wait: true });
  const [head, record] = await Promise.all([findAuditHead(chain.db, chain.dialect), findAuditChainRecord(chain.db)]);
  if (!head || !record) return undefined;
  const last = await latestCheckpoint(chain, record.chainId);
  if (last && last.seq >= head.seq) return undefined;
  // Never extend a chain whose last signed head is gone or changed: that is for verify to report.
  if (last && (await findAuditHashAt(chain.db, chain.dialect, last.seq)) !== last.head_hash) {
    process.stderr.write(
      `审计日志异常：检查点第 ${last.seq} 条对应的记录缺失或被改动，未签发新检查点；请运行 yangfan audit verify\n`,
    );
    return undefined;
  }
  const rowCount =
    (last?.row_count ?? 0) + (await countAuditRowsBetween(chain.db, chain.dialect, last?.seq ?? 0, head.seq));
  const unsigned: Unsigned = {
    chain: record.chainId,
    seq: head.seq,
    head_hash: head.hash,
    row_count: rowCount,
    keyed_from: record.keyedFrom,
    at: now.toISOString(),
  };
  const checkpoint = { ...unsigned, mac: checkpointMac(chain.key, unsigned) };
  if (chain.checkpointFile) appendFileSync(chain.checkpointFile, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  if (chain.dialect === 'postgres') await insertAuditCheckpoint(chain.db, checkpoint);
  return checkpoint;
}

async function latestCheckpoint(chain: AuditChain, chainId: string): Promise<AuditCheckpointRecord | undefined> {
  const candidates = chain.dialect === 'postgres' ? await listAuditCheckpointRows(chain.db, chainId, true) : [];
  const fromFile = chain.checkpointFile ? lastLineOfChain(chain.checkpointFile, chainId) : undefined;
  if (fromFile) candidates.push(fromFile);
  return candidates.filter((c) => isCheckpointSigned(chain.key, c)).sort((a, b) => b.seq - a.seq)[0];
}

const TAIL_BYTES = 256 * 1024;

// The file grows by one line per checkpoint; the newest line of this chain is near its end.
function lastLineOfChain(file: string, chainId: string): AuditCheckpointRecord | undefined {
  if (!existsSync(file)) return undefined;
  const size = statSync(file).size;
  const start = Math.max(0, size - TAIL_BYTES);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const lines = (start === 0 ? readFileSync(file, 'utf8') : buffer.toString('utf8')).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const parsed = parseLine(lines[i]!);
    if (parsed?.chain === chainId) return parsed;
  }
  if (start === 0) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map(parseLine)
    .filter((c) => c?.chain === chainId)
    .at(-1);
}

/** Called after each appended row: a checkpoint once `everyRows` rows were written by this process. */
export function noteAuditAppended(chain: AuditChain): void {
  if (chain.dialect === 'postgres') scheduleSeal(chain);
  if (!chain.checkpointFile) return;
  chain.rowsSinceCheckpoint += 1;
  chain.hasAppended = true;
  if (chain.rowsSinceCheckpoint >= chain.everyRows) scheduleCheckpoint(chain);
}

// PostgreSQL: a sealing pass shortly after rows were written (the writer's transaction commits
// first), one at a time per process; a pass that finds another process sealing skips, and the
// rows are sealed by that one or by the next pass.
function scheduleSeal(chain: AuditChain): void {
  if (chain.sealing) return;
  chain.sealing = new Promise<void>((resolve) => setTimeout(resolve, SEAL_DELAY_MS).unref())
    .then(() => sealAuditTail(chain))
    .then(
      () => undefined,
      (error: unknown) => {
        // A database still being migrated (a fresh start) has no audit log to seal yet.
        if ((error as { code?: string })?.code === UNDEFINED_TABLE) return;
        process.stderr.write(`审计日志封链失败：${(error as Error)?.message ?? String(error)}\n`);
      },
    )
    .finally(() => {
      chain.sealing = undefined;
    });
}

/** Waits for this process's scheduled sealing pass and checkpoint, if any (before a handle closes). */
export async function settleAuditChain(chain: AuditChain | undefined): Promise<void> {
  await chain?.sealing;
  await chain?.pending;
}

const SEAL_DELAY_MS = 50;
const UNDEFINED_TABLE = '42P01';
const SEAL_SWEEP_MS = 1000;

// Off the writer's path: after the current transaction has had a chance to commit, one at a time.
function scheduleCheckpoint(chain: AuditChain): void {
  if (chain.pending) return;
  chain.pending = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => writeAuditCheckpoint(chain))
    .then(
      () => undefined,
      (error: unknown) => {
        process.stderr.write(`审计检查点写入失败：${(error as Error)?.message ?? String(error)}\n`);
      },
    )
    .finally(() => {
      chain.pending = undefined;
    });
}

/** Starts the timed checkpoints (every `everyMinutes` while rows are being written). */
export function startAuditCheckpoints(chain: AuditChain): void {
  // Rows a process wrote and could not seal (it stopped) are sealed by any other process.
  if (chain.dialect === 'postgres' && !chain.sealTimer) {
    chain.sealTimer = setInterval(() => scheduleSeal(chain), SEAL_SWEEP_MS);
    chain.sealTimer.unref();
  }
  if (!chain.checkpointFile || chain.everyMinutes <= 0 || chain.timer) return;
  chain.timer = setInterval(() => scheduleCheckpoint(chain), chain.everyMinutes * 60_000);
  chain.timer.unref();
}

/** Stops the timers, seals what is committed and, if this process wrote rows, signs the head once more (skipped when nothing is new). */
export async function stopAuditCheckpoints(chain: AuditChain): Promise<void> {
  if (chain.timer) clearInterval(chain.timer);
  if (chain.sealTimer) clearInterval(chain.sealTimer);
  chain.timer = undefined;
  chain.sealTimer = undefined;
  await chain.pending;
  await chain.sealing;
  if (chain.dialect === 'postgres')
    await sealAuditTail(chain, { wait: true }).catch((error: unknown) => {
      process.stderr.write(`审计日志封链失败：${(error as Error)?.message ?? String(error)}\n`);
    });
  // Not only when rows were counted since the last one: a checkpoint may have read the head
  // while this process's last row was still uncommitted.
  if (chain.checkpointFile && chain.hasAppended) {
    await writeAuditCheckpoint(chain).catch((error: unknown) => {
      process.stderr.write(`审计检查点写入失败：${(error as Error)?.message ?? String(error)}\n`);
    });
  }
}
