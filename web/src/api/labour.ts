import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse } from './types.ts';

/** 劳动关系 (SPEC §2.9): the statutory-compensation calculator and the average wages it caps by. */

export type CompensationQuery = ApiQuery<'/api/v1/labour/compensation'>;
export type CompensationKind = CompensationQuery['kind'];
export const COMPENSATION_KINDS: readonly CompensationKind[] = ['severance', 'unlawful', 'notice'];

export type AverageWage = ApiResponse<'/api/v1/labour/average-wages'>[number];
export type CompensationResult = ApiResponse<'/api/v1/labour/compensation'>;

export function calculateCompensation(query: CompensationQuery): Promise<CompensationResult> {
  return api.get('/labour/compensation', { ...query });
}

export function listAverageWages(): Promise<ApiResponse<'/api/v1/labour/average-wages'>> {
  return api.get('/labour/average-wages');
}

export function setAverageWage(
  region: string,
  year: number,
  body: ApiBody<'/api/v1/labour/average-wages/{region}/{year}', 'put'>,
): Promise<AverageWage> {
  return api.put(`/labour/average-wages/${region}/${year}`, body);
}

// 劳动争议
export type DisputeQuery = ApiQuery<'/api/v1/labour/disputes'>;
export type DisputeSummary = ApiResponse<'/api/v1/labour/disputes'>['items'][number];
export type DisputeDetail = ApiResponse<'/api/v1/labour/disputes/{id}'>;
export type DisputeBody = ApiBody<'/api/v1/labour/disputes'>;
export type SimilarDispute = ApiResponse<'/api/v1/labour/disputes/{id}/similar'>[number];
export type DisputeStage = DisputeSummary['stage'];
export const DISPUTE_STAGE_LABELS: Record<DisputeStage, string> = {
  accepted: '已受理',
  mediating: '调解中',
  arbitrating: '仲裁审理中',
  closed: '已结案',
};

export function listDisputes(query: DisputeQuery): Promise<ApiResponse<'/api/v1/labour/disputes'>> {
  return api.get('/labour/disputes', { ...query });
}

export function exportDisputes(query: Omit<DisputeQuery, 'page' | 'pageSize'>) {
  return apiDownload('/labour/disputes/export', { ...query }, 'disputes.xlsx');
}

export function createDispute(body: DisputeBody): Promise<DisputeDetail> {
  return api.post('/labour/disputes', body);
}

export function getDispute(id: number, whole = false): Promise<DisputeDetail> {
  return api.get(`/labour/disputes/${id}`, whole ? { whole: true } : {});
}

export function changeDispute(
  id: number,
  body: ApiBody<'/api/v1/labour/disputes/{id}', 'patch'>,
): Promise<DisputeDetail> {
  return api.patch(`/labour/disputes/${id}`, body);
}

export function calculateDisputeCompensation(
  id: number,
  body: ApiBody<'/api/v1/labour/disputes/{id}/compensation'>,
): Promise<DisputeDetail> {
  return api.post(`/labour/disputes/${id}/compensation`, body);
}

export function listSimilarDisputes(id: number): Promise<SimilarDispute[]> {
  return api.get(`/labour/disputes/${id}/similar`);
}

// 柔性执法
export type Violation = ApiResponse<'/api/v1/labour/violations'>['items'][number];
export type ViolationQuery = ApiQuery<'/api/v1/labour/violations'>;
export type LenientList = ApiResponse<'/api/v1/labour/lenient-list'>;

export function listViolations(query: ViolationQuery): Promise<ApiResponse<'/api/v1/labour/violations'>> {
  return api.get('/labour/violations', { ...query });
}

export function exportViolations(query: Omit<ViolationQuery, 'page' | 'pageSize'>) {
  return apiDownload('/labour/violations/export', { ...query }, 'violations.xlsx');
}

export function recordViolation(body: ApiBody<'/api/v1/labour/violations'>): Promise<Violation> {
  return api.post('/labour/violations', body);
}

export function getLenientList(): Promise<LenientList> {
  return api.get('/labour/lenient-list');
}

// 劳动关系体检、和谐劳动关系创建
export type Questionnaire = ApiResponse<'/api/v1/labour/diagnosis/questionnaire'>;
export type Diagnosis = ApiResponse<'/api/v1/labour/diagnoses/mine'>[number];
export type DiagnosisResults = ApiResponse<'/api/v1/labour/diagnoses'>;
export type DiagnosisAnswer = 'yes' | 'partly' | 'no';
export type HarmonyApplication = ApiResponse<'/api/v1/labour/harmony-applications'>[number];

export function getQuestionnaire(): Promise<Questionnaire> {
  return api.get('/labour/diagnosis/questionnaire');
}

export function submitDiagnosis(answers: Record<string, DiagnosisAnswer>): Promise<Diagnosis> {
  return api.post('/labour/diagnoses', { answers });
}

export function listOwnDiagnoses(): Promise<Diagnosis[]> {
  return api.get('/labour/diagnoses/mine');
}

export function listDiagnosisResults(query: ApiQuery<'/api/v1/labour/diagnoses'>): Promise<DiagnosisResults> {
  return api.get('/labour/diagnoses', { ...query });
}

export function exportDiagnosisResults(query: { atRisk?: boolean }) {
  return apiDownload('/labour/diagnoses/export', { ...query }, 'diagnoses.xlsx');
}

export function listHarmonyApplications(state?: HarmonyApplication['state']): Promise<HarmonyApplication[]> {
  return api.get('/labour/harmony-applications', state ? { state } : {});
}

export function applyForHarmony(statement: string): Promise<HarmonyApplication> {
  return api.post('/labour/harmony-applications', { statement });
}

export function reviewHarmonyApplication(id: number, approve: boolean, note: string): Promise<HarmonyApplication> {
  return api.patch(`/labour/harmony-applications/${id}`, { approve, note });
}
