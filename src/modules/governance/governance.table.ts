import type { Generated } from 'kysely';

/** The roster's unit and phone of a commissioner account (phone SM4-encrypted, blind-indexed). */
export interface CommissionerProfileTable {
  user_id: number;
  unit: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  updated_at: string;
  updated_by: number;
}

export type RequestState = 'submitted' | 'answered' | 'reopened' | 'closed';

/** An enterprise's request (诉求) with its deadline, escalation, answer, rating and reopening. */
export interface GovernanceRequestTable {
  id: Generated<number>;
  uscc: string;
  region_code: string;
  commissioner_id: number | null;
  category: string;
  text: string;
  state: RequestState;
  submitted_at: string;
  submitted_by: number;
  deadline_date: string;
  deadline_provisional: Generated<number>;
  escalation_level: Generated<number>;
  escalated_at: string | null;
  resolution: string | null;
  answered_at: string | null;
  answered_by: number | null;
  first_answered_at: string | null;
  is_first_answer_on_time: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  reopen_count: Generated<number>;
  reopen_reason: string | null;
  reopened_at: string | null;
}

/** A file attached to a request, checked like the other uploads (type by content, size ceiling). */
export interface GovernanceRequestFileTable {
  id: Generated<number>;
  request_id: number;
  file_name: string;
  file_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: string;
}

/** One contact of a commissioner with an enterprise. */
export interface GovernanceContactTable {
  id: Generated<number>;
  uscc: string;
  commissioner_id: number;
  kind: string;
  contact_date: string;
  period: string;
  topic: string;
  outcome: string;
  follow_up_date: string | null;
  request_id: number | null;
  created_at: string;
}

export type PlanState = 'submitted' | 'approved' | 'returned';

/** One filed version of a city's 实施方案 with its document and the province's review. */
export interface ImplementationPlanTable {
  id: Generated<number>;
  region_code: string;
  version: number;
  title: string;
  state: PlanState;
  file_name: string;
  file_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  key_enterprises: string;
  commissioners: string;
  milestones: string;
  deadline: string;
  is_late: number;
  submitted_at: string;
  submitted_by: number;
  review_comment: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
}
