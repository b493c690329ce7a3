import type { Generated } from 'kysely';

export type ApplicationStatus = 'submitted' | 'viewed' | 'interview' | 'hired' | 'rejected';

export interface JobApplicationTable {
  id: Generated<number>;
  posting_id: number;
  seeker_id: number;
  uscc: string;
  status: ApplicationStatus;
  created_at: string;
  updated_at: string;
  viewed_at: string | null;
  interview_at: string | null;
  decided_at: string | null;
}

/** An interview arranged for an application; a reschedule adds a row, the newest is in force. */
export interface JobInterviewTable {
  id: Generated<number>;
  application_id: number;
  scheduled_at: string;
  place: string | null;
  link: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}
