import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
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
  /**
   * The row's position in the chain and its links. SQLite links each row as it is written; on
   * PostgreSQL a row is written unsealed (all three null) and the sealer fills them (ADR 0003).
   */
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

/** One row: the chain's id (names its checkpoints) and the first sequence number written keyed. */
export interface AuditChainTable {
  chain_id: string;
  keyed_from: number;
  created_at: string;
}

/** PostgreSQL only: the signed checkpoints, append-only (a trigger refuses UPDATE, DELETE, TRUNCATE). */
export interface AuditCheckpointTable {
  id: Generated<number>;
  chain_id: string;
  seq: number;
  head_hash: string;
  row_count: number;
  keyed_from: number;
  at: string;
  mac: string;
}

/** PostgreSQL only: a sealed row's position and links, inserted by the sealer (append-only; ADR 0003). */
export interface AuditSealTable {
  seq: number;
  audit_id: number;
  prev_hash: string;
  hash: string;
}

/** PostgreSQL only, one row: the sealer's progress (a hint, not evidence). */
export interface AuditSealProgressTable {
  id: number;
  /** Every audit row with id ≤ this is sealed. */
  sealed_through: number;
  /** A row id and a transaction horizon: once no transaction below the horizon runs, every row up to the id is visible. */
  pending_id: number | null;
  pending_xmax: number | null;
}
