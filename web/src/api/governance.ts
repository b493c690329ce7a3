import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** 服务专员 and enterprise requests (诉求): the roster, the contact log, requests and their statistics. */

export interface RosterEntry {
  id: number;
  username: string;
  displayName: string;
  regionCode: string | null;
  regionName: string | null;
  unit: string | null;
  phoneMasked: string | null;
  assignedCount: number;
  openRequests: number;
}

export function listRoster(): Promise<{ items: RosterEntry[]; keyEnterprisesWithoutCommissioner: number }> {
  return api.get('/governance/commissioners');
}

export function updateCommissionerProfile(
  id: number,
  body: { unit?: string | null; phone?: string | null },
): Promise<RosterEntry> {
  return api.put(`/governance/commissioners/${id}`, body);
}

export interface AssignmentSpan {
  commissionerId: number | null;
  commissionerName: string | null;
  listRegionCode: string;
  fromAt: string;
  untilAt: string | null;
  assignedByName: string | null;
}

export function listAssignmentHistory(uscc: string): Promise<{ items: AssignmentSpan[] }> {
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
export type RequestState = 'submitted' | 'answered' | 'reopened' | 'closed';

export interface EnterpriseRequest {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  regionCode: string;
  regionName: string | null;
  category: RequestCategory;
  categoryLabel: string;
  text: string;
  state: RequestState;
  stateLabel: string;
  submittedAt: string;
  deadlineDate: string;
  isDeadlineProvisional: boolean;
  isOverdue: boolean;
  escalationLevel: number;
  escalationLabel: string;
  escalatedAt: string | null;
  commissionerId: number | null;
  commissionerName: string | null;
  resolution: string | null;
  answeredAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reopenCount: number;
  reopenReason: string | null;
  canReopen: boolean;
}

export interface RequestFile {
  id: number;
  fileName: string;
  fileType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface RequestQuery extends PageQuery {
  state?: RequestState;
  category?: RequestCategory;
  overdue?: boolean;
  escalated?: boolean;
}

export function listRequests(query: RequestQuery): Promise<Page<EnterpriseRequest>> {
  return api.get('/governance/requests', { ...query });
}

export function getRequest(id: number): Promise<EnterpriseRequest & { files: RequestFile[] }> {
  return api.get(`/governance/requests/${id}`);
}

export function submitRequest(body: { category: RequestCategory; text: string }): Promise<EnterpriseRequest> {
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

export function rateRequest(id: number, body: { rating: number; comment?: string }): Promise<EnterpriseRequest> {
  return api.post(`/governance/requests/${id}/rating`, body);
}

export function reopenRequest(id: number, reason: string): Promise<EnterpriseRequest> {
  return api.post(`/governance/requests/${id}/reopen`, { reason });
}

export interface RequestStatsRow {
  key: string;
  label: string;
  total: number;
  open: number;
  overdue: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  averageHandlingDays: number | null;
  rated: number;
  averageRating: number | null;
}

export interface RequestStats {
  overall: RequestStatsRow;
  byCity: RequestStatsRow[];
  byCommissioner: RequestStatsRow[];
  byCategory: RequestStatsRow[];
}

export function getRequestStats(): Promise<RequestStats> {
  return api.get('/governance/requests/stats');
}

export function exportRequestStats(): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/governance/requests/stats.xlsx', undefined, 'requests-stats.xlsx');
}

export type ContactKind = 'visit' | 'call' | 'online';

export interface Contact {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  commissionerId: number;
  commissionerName: string | null;
  kind: ContactKind;
  kindLabel: string;
  contactDate: string;
  topic: string;
  outcome: string;
  followUpDate: string | null;
  requestId: number | null;
  createdAt: string;
}

export function listContacts(query: PageQuery & { uscc?: string }): Promise<Page<Contact>> {
  return api.get('/governance/contacts', { ...query });
}

export function logContact(body: {
  uscc: string;
  kind: ContactKind;
  contactDate: string;
  topic: string;
  outcome: string;
  followUpDate?: string;
  requestId?: number;
}): Promise<Contact> {
  return api.post('/governance/contacts', body);
}

export interface WorkloadEntry {
  uscc: string;
  name: string;
  regionCode: string;
  openRequests: number;
  nextDeadline: string | null;
  isOverdue: boolean;
  openAlerts: number;
  contactsThisMonth: number;
  nextFollowUp: string | null;
}

export function myWorkload(): Promise<{ contactCap: number; contactCapSource: string; items: WorkloadEntry[] }> {
  return api.get('/governance/my-enterprises');
}

export interface ImplementationPlan {
  id: number;
  regionCode: string;
  regionName: string | null;
  version: number;
  title: string;
  state: 'submitted' | 'approved' | 'returned';
  stateLabel: string;
  fileName: string;
  fileType: string;
  sizeBytes: number;
  keyEnterprises: { uscc: string; name: string; commissionerName: string | null }[];
  commissioners: { id: number; name: string }[];
  milestones: { date: string; task: string }[];
  deadline: string;
  isLate: boolean;
  submittedAt: string;
  submittedByName: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
}

export function listPlans(): Promise<{ deadline: string; deadlineSource: string; items: ImplementationPlan[] }> {
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

export function reviewPlan(id: number, decision: 'approve' | 'return', comment?: string): Promise<ImplementationPlan> {
  return api.post(`/governance/plans/${id}/review`, { decision, ...(comment ? { comment } : {}) });
}

export function downloadPlan(id: number, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload(`/governance/plans/${id}/document`, undefined, fallbackName);
}
