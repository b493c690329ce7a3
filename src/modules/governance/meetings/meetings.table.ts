import type { Generated } from 'kysely';

/** A 部门会商 meeting of 人社 and 工信. */
export interface GovernanceMeetingTable {
  id: Generated<number>;
  region_code: string;
  held_on: string;
  title: string;
  attendees: string;
  topics: string;
  decisions: string;
  created_at: string;
  created_by: number;
}

/** An action item of a meeting, with owner and due date, followed to done. */
export interface GovernanceMeetingActionTable {
  id: Generated<number>;
  meeting_id: number;
  task: string;
  owner_unit: string;
  owner_name: string | null;
  due_on: string;
  state: 'open' | 'done';
  done_at: string | null;
  done_by: number | null;
  done_note: string | null;
}
