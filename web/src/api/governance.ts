import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** 服务专员 and enterprise requests (诉求): the roster, the contact log, requests and their statistics. */

export type RosterEntry = ItemOf<ApiResponse<'/api/v1/governance/commissioners'>>;

export function listRoster(): Promise<ApiResponse<'/api/v1/governance/commissioners'>> {
  return api.get('/governance/commissioners');
}

export function updateCommissionerProfile(
  id: number,
  body: ApiBody<'/api/v1/governance/commissioners/{id}', 'put'>,
): Promise<RosterEntry> {
  return api.put(`/governance/commissioners/${id}`, body);
}

export type AssignmentSpan = ItemOf<ApiResponse<'/api/v1/key-enterprises/{uscc}/assignments'>>;

export function listAssignmentHistory(
  uscc: string,
): Promise<ApiResponse<'/api/v1/key-enterprises/{uscc}/assignments'>> {
  return api.get(`/key-enterprises/${encodeURIComponent(uscc)}/assignments`);
}

export const REQUEST_CATEGORIES = [
  'recruitment',
  'social_insurance',
  'policy_delivery',
  'labour_relations',
  'training',
  'talent',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export type EnterpriseRequest = ItemOf<ApiResponse<'/api/v1/governance/requests'>>;
export type RequestState = EnterpriseRequest['state'];
export type RequestFile = ApiResponse<'/api/v1/governance/requests/{id}'>['files'][number];
export type RequestQuery = ApiQuery<'/api/v1/governance/requests'>;

export function listRequests(query: RequestQuery): Promise<ApiResponse<'/api/v1/governance/requests'>> {
  return api.get('/governance/requests', { ...query });
}

export function getRequest(id: number): Promise<ApiResponse<'/api/v1/governance/requests/{id}'>> {
  return api.get(`/governance/requests/${id}`);
}

export function submitRequest(body: ApiBody<'/api/v1/governance/requests'>): Promise<EnterpriseRequest> {
  return api.post('/governance/requests', body);
}

export function uploadRequestFile(id: number, file: File): Promise<RequestFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/governance/requests/${id}/files`, form);
}

export function downloadRequestFile(id: number, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/governance/request-files/${id}`, undefined, fallbackName);
}

export function answerRequest(id: number, resolution: string): Promise<EnterpriseRequest> {
  return api.post(`/governance/requests/${id}/answer`, { resolution });
}

export function rateRequest(
  id: number,
  body: ApiBody<'/api/v1/governance/requests/{id}/rating'>,
): Promise<EnterpriseRequest> {
  return api.post(`/governance/requests/${id}/rating`, body);
}

export function reopenRequest(id: number, reason: string): Promise<EnterpriseRequest> {
  return api.post(`/governance/requests/${id}/reopen`, { reason });
}

export type RequestStats = ApiResponse<'/api/v1/governance/requests/stats'>;
export type RequestStatsRow = RequestStats['overall'];

export function getRequestStats(): Promise<RequestStats> {
  return api.get('/governance/requests/stats');
}

export function exportRequestStats(): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/governance/requests/stats.xlsx', undefined, 'requests-stats.xlsx');
}

export type Contact = ItemOf<ApiResponse<'/api/v1/governance/contacts'>>;
export type ContactKind = Contact['kind'];

export function listContacts(
  query: ApiQuery<'/api/v1/governance/contacts'>,
): Promise<ApiResponse<'/api/v1/governance/contacts'>> {
  return api.get('/governance/contacts', { ...query });
}

export function logContact(body: ApiBody<'/api/v1/governance/contacts'>): Promise<Contact> {
  return api.post('/governance/contacts', body);
}

export type WorkloadEntry = ItemOf<ApiResponse<'/api/v1/governance/my-enterprises'>>;

export function myWorkload(): Promise<ApiResponse<'/api/v1/governance/my-enterprises'>> {
  return api.get('/governance/my-enterprises');
}

export type ImplementationPlan = ItemOf<ApiResponse<'/api/v1/governance/plans'>>;

export function listPlans(): Promise<ApiResponse<'/api/v1/governance/plans'>> {
  return api.get('/governance/plans');
}

/** Files a new version: the fields go before the file, as the server reads them. */
export function filePlan(
  title: string,
  milestones: { date: string; task: string }[],
  file: File,
): Promise<ImplementationPlan> {
  const form = new FormData();
  form.append('title', title);
  form.append('milestones', JSON.stringify(milestones));
  form.append('file', file);
  return api.upload('/governance/plans', form);
}

export function reviewPlan(
  id: number,
  decision: ApiBody<'/api/v1/governance/plans/{id}/review'>['decision'],
  comment?: string,
): Promise<ImplementationPlan> {
  return api.post(`/governance/plans/${id}/review`, { decision, ...(comment ? { comment } : {}) });
}

/** A city reports the day a milestone of its filed plan was done (again: a correction). */
export function reportMilestoneDone(id: number, index: number, doneOn: string): Promise<ImplementationPlan> {
  return api.put(`/governance/plans/${id}/milestones/${index}`, { doneOn });
}

export function downloadPlan(id: number, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/governance/plans/${id}/document`, undefined, fallbackName);
}
