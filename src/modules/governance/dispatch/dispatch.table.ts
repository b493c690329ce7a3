import type { Generated } from 'kysely';

/** A 调度 round: its form as opened, the figures pre-filled per city, its deadline. */
export interface DispatchRoundTable {
  id: Generated<number>;
  title: string;
  period: string;
  items: string;
  prefill: string;
  deadline: string;
  deadline_provisional: Generated<number>;
  state: 'open' | 'closed';
  opened_at: string;
  opened_by: number;
}

/** A city's return in a round. */
export interface DispatchReturnTable {
  round_id: number;
  region_code: string;
  answers: string;
  submitted_at: string;
  submitted_by: number;
  is_late: number;
}
