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
