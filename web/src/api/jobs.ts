import { api } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** The public job search (招聘专区, SPEC §2.6): no login. */

export type JobSearchQuery = ApiQuery<'/api/v1/public/jobs'>;
export type JobSearchPage = ApiResponse<'/api/v1/public/jobs'>;
export type JobSearchItem = ItemOf<JobSearchPage>;
export type TextPiece = JobSearchItem['snippet'][number];
export type PublicJob = ApiResponse<'/api/v1/public/jobs/{id}'>;
export type JobSort = NonNullable<JobSearchQuery['sort']>;
export type JobEducation = NonNullable<JobSearchQuery['education']>;
export type EnterpriseTier = NonNullable<JobSearchQuery['tier']>;

export const JOB_EDUCATIONS: readonly JobEducation[] = [
  '不限',
  '初中',
  '高中/中专/技校',
  '大专',
  '本科',
  '硕士',
  '博士',
];
export const ENTERPRISE_TIERS: readonly EnterpriseTier[] = ['little_giant', 'srdi', 'innovative'];

export function searchJobs(query: JobSearchQuery): Promise<JobSearchPage> {
  return api.get('/public/jobs', { ...query });
}

export function getPublicJob(id: number): Promise<PublicJob> {
  return api.get(`/public/jobs/${id}`);
}
