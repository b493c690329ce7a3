import { api } from './client.ts';

/** 培训项目类型. */
export type ProgrammeType = 'order' | 'directed' | 'post' | 'project' | 'apprentice';

export interface TrainingProgramme {
  programme_no: string;
  name: string;
  type: ProgrammeType;
  provider: string;
  occupation_code: string;
  start_date: string;
  end_date: string;
  is_subsidised: boolean;
  region_code: string;
  records: number;
  usccs: string[];
}

export type ProgrammeInput = Omit<TrainingProgramme, 'records' | 'region_code'>;

export interface TrainingCounts {
  key: string;
  name: string;
  total: number;
  manufacturing: number;
  digital: number;
}

export interface TrainingBreakdown {
  window: { from: number; to: number };
  totals: { total: number; manufacturing: number; digital: number };
  rows: TrainingCounts[];
}

export function listProgrammes(): Promise<{ items: TrainingProgramme[] }> {
  return api.get('/skills/programmes');
}

export function createProgramme(input: ProgrammeInput): Promise<{ programme_no: string }> {
  return api.post('/skills/programmes', input);
}

export function trainingBreakdown(by: 'city' | 'enterprise', city?: string): Promise<TrainingBreakdown> {
  return api.get('/skills/training/breakdown', { by, ...(city ? { city } : {}) });
}

export type BaseStatus = 'applied' | 'approved' | 'rejected';
export type BaseLevel = 'city' | 'province';

export interface InternshipBase {
  uscc: string;
  name: string;
  region_code: string;
  posts: number;
  mentors: number;
  note: string | null;
  status: BaseStatus;
  level: BaseLevel | null;
  is_demonstration: boolean;
  applied_at: string;
  decided_at: string | null;
  trainees: number;
}

export interface RankedBase {
  uscc: string;
  name: string;
  region_code: string;
  rank: number;
  score: number;
  components: { key: string; label: string; value: number; points: number }[];
  level: BaseLevel | null;
  is_demonstration: boolean;
}

export interface BaseRanking {
  run: { id: number; formula_version: string; computed_at: string } | null;
  items: RankedBase[];
}

export function listBases(): Promise<{ items: InternshipBase[] }> {
  return api.get('/skills/bases');
}

export function applyForBase(input: { uscc?: string; posts: number; mentors: number; note?: string }) {
  return api.post<{ uscc: string; status: BaseStatus }>('/skills/bases', input);
}

export function decideBase(uscc: string, decision: 'approve' | 'reject', level?: BaseLevel) {
  return api.post(`/skills/bases/${uscc}/decision`, { decision, ...(level ? { level } : {}) });
}

export function getBaseRanking(): Promise<BaseRanking> {
  return api.get('/skills/bases/ranking');
}

export function scoreBases(): Promise<{ run_id: number; formula_version: string; bases: number }> {
  return api.post('/skills/bases/scoring');
}

export function selectDemonstration(uscc: string) {
  return api.post(`/skills/bases/${uscc}/demonstration`);
}
