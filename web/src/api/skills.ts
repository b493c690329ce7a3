import { api } from './client.ts';
import type { ApiBody, ApiResponse, ItemOf } from './types.ts';

export type TrainingProgramme = ItemOf<ApiResponse<'/api/v1/skills/programmes'>>;
/** 培训项目类型. */
export type ProgrammeType = TrainingProgramme['type'];
export type ProgrammeInput = ApiBody<'/api/v1/skills/programmes'>;

export type TrainingBreakdown = ApiResponse<'/api/v1/skills/training/breakdown'>;
export type TrainingCounts = TrainingBreakdown['rows'][number];

export function listProgrammes(): Promise<ApiResponse<'/api/v1/skills/programmes'>> {
  return api.get('/skills/programmes');
}

export function createProgramme(input: ProgrammeInput): Promise<ApiResponse<'/api/v1/skills/programmes', 'post'>> {
  return api.post('/skills/programmes', input);
}

export function trainingBreakdown(by: 'city' | 'enterprise', city?: string): Promise<TrainingBreakdown> {
  return api.get('/skills/training/breakdown', { by, ...(city ? { city } : {}) });
}

export type InternshipBase = ItemOf<ApiResponse<'/api/v1/skills/bases'>>;
export type BaseStatus = InternshipBase['status'];
export type BaseLevel = NonNullable<InternshipBase['level']>;

export type BaseRanking = ApiResponse<'/api/v1/skills/bases/ranking'>;
export type RankedBase = ItemOf<BaseRanking>;

export function listBases(): Promise<ApiResponse<'/api/v1/skills/bases'>> {
  return api.get('/skills/bases');
}

export function applyForBase(input: ApiBody<'/api/v1/skills/bases'>) {
  return api.post<ApiResponse<'/api/v1/skills/bases', 'post'>>('/skills/bases', input);
}

export function decideBase(uscc: string, decision: 'approve' | 'reject', level?: BaseLevel) {
  return api.post(`/skills/bases/${uscc}/decision`, { decision, ...(level ? { level } : {}) });
}

export function getBaseRanking(): Promise<BaseRanking> {
  return api.get('/skills/bases/ranking');
}

export function scoreBases(): Promise<ApiResponse<'/api/v1/skills/bases/scoring', 'post'>> {
  return api.post('/skills/bases/scoring');
}

export function selectDemonstration(uscc: string) {
  return api.post(`/skills/bases/${uscc}/demonstration`);
}

export type Trainee = ItemOf<ApiResponse<'/api/v1/skills/bases/{uscc}/trainees'>>;
export type TraineeInput = ApiBody<'/api/v1/skills/bases/{uscc}/trainees'>;

export function listTrainees(uscc: string): Promise<ApiResponse<'/api/v1/skills/bases/{uscc}/trainees'>> {
  return api.get(`/skills/bases/${uscc}/trainees`);
}

export function addTrainee(uscc: string, input: TraineeInput) {
  return api.post<ApiResponse<'/api/v1/skills/bases/{uscc}/trainees', 'post'>>(`/skills/bases/${uscc}/trainees`, input);
}

export type TalentEvaluation = ApiResponse<'/api/v1/skills/talent-evaluation'>;
export type SelfEvaluationEnterprise = ItemOf<ApiResponse<'/api/v1/skills/self-evaluation'>>;
export type EnterpriseTalent = ApiResponse<'/api/v1/skills/enterprises/{uscc}/talent'>;
export type TalentRecord = EnterpriseTalent['records'][number];
export type TalentRecordInput = ApiBody<'/api/v1/skills/enterprises/{uscc}/talent-records'>;

export function getTalentEvaluation(): Promise<TalentEvaluation> {
  return api.get('/skills/talent-evaluation');
}

export function listSelfEvaluation(): Promise<ApiResponse<'/api/v1/skills/self-evaluation'>> {
  return api.get('/skills/self-evaluation');
}

export function registerSelfEvaluation(input: ApiBody<'/api/v1/skills/self-evaluation'>) {
  return api.post<ApiResponse<'/api/v1/skills/self-evaluation', 'post'>>('/skills/self-evaluation', input);
}

export function getEnterpriseTalent(uscc: string): Promise<EnterpriseTalent> {
  return api.get(`/skills/enterprises/${uscc}/talent`);
}

export function addTalentRecord(uscc: string, input: TalentRecordInput) {
  return api.post<{ id: number }>(`/skills/enterprises/${uscc}/talent-records`, input);
}

export function setTalentRecordStatus(uscc: string, id: number, status: TalentRecord['status']) {
  return api.post(`/skills/enterprises/${uscc}/talent-records/${id}/status`, { status });
}
