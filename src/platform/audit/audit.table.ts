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
