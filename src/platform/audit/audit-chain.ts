import type { Kysely } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { hmacSm3Hex, sm3Hex } from '../crypto/sm.ts';
import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its link covers, in the order they are hashed. */
export interface ChainedFields {
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  ip: string | null;
  details: string | null;
}

function linkInput(prevHash: string, row: ChainedFields): string {
  const fields = [
    row.at,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.action,
    row.object_type,
    row.object_id,
    row.outcome,
    row.request_id,
    row.ip,
    row.details,
  ];
  return `${prevHash}|${JSON.stringify(fields)}`;
}

/** The keyed link (HMAC-SM3): without the key nobody can recompute the chain after a change. */
export function keyedChainHash(key: Buffer, prevHash: string, row: ChainedFields): string {
  return hmacSm3Hex(key, linkInput(prevHash, row));
}

/** The unkeyed SM3 link of rows written before the chain was keyed (ADR 0003). */
export function plainChainHash(prevHash: string, row: ChainedFields): string {
  return sm3Hex(linkInput(prevHash, row));
}

/** The chain's own key, derived from the MAC key so that it signs nothing else. */
export function deriveAuditKey(macKey: Buffer): Buffer {
  return createHmac('sm3', macKey).update('yangfan/audit-chain/v1').digest();
}

export interface AuditChainOptions {
  /** The MAC key of the key material (KeyConfig.mac). */
  macKey: Buffer;
  /** The JSON-lines file the checkpoints are appended to; absent: no checkpoints (unit tests). */
  checkpointFile?: string;
  /** A checkpoint after this many rows appended by this process, and every so many minutes. */
  everyRows: number;
  everyMinutes: number;
}

/** What appendAudit and the checkpoints of one opened database need. */
export interface AuditChain {
  db: Kysely<Database>;
  dialect: Dialect;
  key: Buffer;
  checkpointFile?: string;
  everyRows: number;
  everyMinutes: number;
  rowsSinceCheckpoint: number;
  /** Whether this process appended any row to the chain. */
  hasAppended?: boolean;
  pending?: Promise<void>;
  timer?: NodeJS.Timeout;
  /** PostgreSQL: the sealing pass in progress, and the sweep that seals rows other processes left. */
  sealing?: Promise<void>;
  sealTimer?: NodeJS.Timeout;
  checkpoint?: (chain: AuditChain) => Promise<void>;
}

// The key travels with the database handle, so the 50-odd appendAudit(db, …) calls of every
// module keep their signature: a handle and every transaction opened on it share one Kysely
// adapter object, which is the key of this map.
const chains = new WeakMap<object, AuditChain>();
let lastBound: AuditChain | undefined;

function handleOf(db: Db): object {
  return db.getExecutor().adapter;
}

/** Binds the audit key (and the checkpoint settings) to an opened database. */
export function bindAuditChain(
  handle: { db: Kysely<Database>; dialect: Dialect },
  options: AuditChainOptions,
): AuditChain {
  const chain: AuditChain = {
    db: handle.db,
    dialect: handle.dialect,
    key: deriveAuditKey(options.macKey),
    everyRows: options.everyRows,
    everyMinutes: options.everyMinutes,
    rowsSinceCheckpoint: 0,
    ...(options.checkpointFile ? { checkpointFile: options.checkpointFile } : {}),
  };
  chains.set(handleOf(handle.db), chain);
  lastBound = chain;
  return chain;
}

/**
 * The chain bound to this database (or its transaction). A second handle on the same database in
 * one process (a test's seeding connection) uses the key bound last; none at all is a fault of
 * the program, not of the data.
 */
export function auditChainOf(db: Db): AuditChain {
  const chain = chains.get(handleOf(db)) ?? lastBound;
  if (!chain) throw new AppError('INTERNAL', '审计日志未配置密钥：数据库未经 createAppContext 打开');
  return chain;
}

/** The chain bound to exactly this database, if any. */
export function boundAuditChain(db: Db): AuditChain | undefined {
  return chains.get(handleOf(db));
}
