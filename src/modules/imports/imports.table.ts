import type { Generated } from 'kysely';

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'refused';
  started_at: string;
  finished_at: string | null;
  rows: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  unchanged: Generated<number>;
  /** Last source line whose batch is committed: a rerun after a crash knows where the file stood. */
  committed_line: Generated<number>;
  bytes_total: Generated<number>;
  bytes_read: Generated<number>;
  /** Written with every batch: a running import whose heartbeat is old was interrupted. */
  heartbeat_at: string | null;
  message: string | null;
  user_id: number | null;
  actor_name: string | null;
}

export interface ImportRejectTable {
  run_id: number;
  line: number;
  /** The Chinese header of the offending column, or '' for the whole row. */
  column_name: string;
  code: string;
  message: string;
}
