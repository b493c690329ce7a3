import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** Job seekers, applications and 专场招聘会 (招聘专区, SPEC §2.6). */

export type SeekerProfile = ApiResponse<'/api/v1/job-seekers/me'>;
export type ProfileBody = ApiBody<'/api/v1/job-seekers/me', 'put'>;
export type CodeSent = ApiResponse<'/api/v1/job-seekers/verification-codes', 'post'>;
export type RegistrationBody = ApiBody<'/api/v1/job-seekers'>;
export type MyApplications = ApiResponse<'/api/v1/job-applications/mine'>;
export type MyApplication = ItemOf<MyApplications>;
export type ApplicantQuery = ApiQuery<'/api/v1/job-applications'>;
export type Applicants = ApiResponse<'/api/v1/job-applications'>;
export type Applicant = ItemOf<Applicants>;
export type ApplicationStatus = Applicant['status'];
export type ApplicantSummary = ApiResponse<'/api/v1/job-applications/summary'>;
export type FairQuery = ApiQuery<'/api/v1/job-fairs'>;
export type Fairs = ApiResponse<'/api/v1/job-fairs'>;
export type Fair = ItemOf<Fairs>;
export type FairBody = ApiBody<'/api/v1/job-fairs'>;
export type FairFigures = ApiResponse<'/api/v1/job-fairs/figures'>;

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  viewed: 'cyan',
  interview: 'gold',
  hired: 'green',
  rejected: 'default',
};

export function sendVerificationCode(contact: string): Promise<CodeSent> {
  return api.post('/job-seekers/verification-codes', { contact });
}

export function registerSeeker(body: RegistrationBody): Promise<SeekerProfile> {
  return api.post('/job-seekers', body);
}

export function getMyProfile(): Promise<SeekerProfile> {
  return api.get('/job-seekers/me');
}

export function saveMyProfile(body: ProfileBody): Promise<SeekerProfile> {
  return api.put('/job-seekers/me', body);
}

export function applyToPosting(postingId: number): Promise<MyApplication> {
  return api.post('/job-applications', { postingId });
}

export function listMyApplications(query: ApiQuery<'/api/v1/job-applications/mine'>): Promise<MyApplications> {
  return api.get('/job-applications/mine', { ...query });
}

export function listApplicants(query: ApplicantQuery): Promise<Applicants> {
  return api.get('/job-applications', { ...query });
}

export function summariseApplicants(): Promise<ApplicantSummary> {
  return api.get('/job-applications/summary');
}

export type InterviewBody = ApiBody<'/api/v1/job-applications/{id}/interview'>;
export type Interview = NonNullable<Applicant['interview']>;

/** Moves an applicant one step; 面试 carries the interview's time (Beijing), place or link, and note. */
export function moveApplicant(id: number, to: ApplicationStatus, interview?: InterviewBody): Promise<Applicant> {
  return api.post(`/job-applications/${id}/move`, interview ? { to, interview } : { to });
}

export function rescheduleInterview(id: number, body: InterviewBody): Promise<Applicant> {
  return api.post(`/job-applications/${id}/interview`, body);
}

export function listFairs(query: FairQuery): Promise<Fairs> {
  return api.get('/job-fairs', { ...query });
}

export function createFair(body: FairBody): Promise<Fair> {
  return api.post('/job-fairs', body);
}

export function updateFair(id: number, body: FairBody): Promise<Fair> {
  return api.put(`/job-fairs/${id}`, body);
}

export function signUpForFair(id: number, postingIds: number[]): Promise<Fair> {
  return api.post(`/job-fairs/${id}/sign-up`, { postingIds });
}

export function getFairFigures(year: number): Promise<FairFigures> {
  return api.get('/job-fairs/figures', { year });
}

export function exportFairs(query: Omit<FairQuery, 'page' | 'pageSize'>) {
  return apiDownload('/job-fairs/export', { ...query }, 'job-fairs.xlsx');
}

export type OwnPostings = ApiResponse<'/api/v1/job-postings'>;

/** The enterprise's published postings (to bring to a fair). */
export function listOwnPublishedPostings(): Promise<OwnPostings> {
  return api.get('/job-postings', { status: 'published', pageSize: 200 });
}

export type RegionApplicationQuery = ApiQuery<'/api/v1/job-applications/region'>;
export type RegionApplications = ApiResponse<'/api/v1/job-applications/region'>;
export type RegionApplication = ItemOf<RegionApplications>;
export type RegionApplicationSummary = ApiResponse<'/api/v1/job-applications/region-summary'>;
export type ApplicationGrouping = NonNullable<ApiQuery<'/api/v1/job-applications/region-summary'>['groupBy']>;

/** Applications to postings in the official's region, per state (a city its own, the province any). */
export function summariseRegionApplications(
  query: ApiQuery<'/api/v1/job-applications/region-summary'>,
): Promise<RegionApplicationSummary> {
  return api.get('/job-applications/region-summary', { ...query });
}

export function listRegionApplications(query: RegionApplicationQuery): Promise<RegionApplications> {
  return api.get('/job-applications/region', { ...query });
}

export function exportRegionApplications(query: Omit<RegionApplicationQuery, 'page' | 'pageSize'>) {
  return apiDownload('/job-applications/region/export', { ...query }, 'job-applications.xlsx');
}
