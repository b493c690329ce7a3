import { api } from './client.ts';
import type { ApiResponse } from './types.ts';

export type JobQueueStatus = ApiResponse<'/api/v1/system/jobs'>;
export type DeadLetter = JobQueueStatus['deadLetters'][number];

/** The background job queue: counts and the dead-letter list (the system administrator). */
export function getJobQueue(): Promise<JobQueueStatus> {
  return api.get('/system/jobs');
}
