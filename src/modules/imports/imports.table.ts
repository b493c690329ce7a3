import type { Generated } from 'kysely';

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  status: 'running' | 'completed' | 'failed' | 'refused';
  started_at: string;
  finished_at: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  /** Last source line whose batch is committed: a rerun after a crash knows where the file stood. */
  committed_line: number;
  message: string | null;
  user_id: number | null;
  actor_name: string | null;
}

export interface ImportRejectTable {
  run_id: number;
  line: number;
  column_name: string | null;
  code: string;
  message: string;
}
