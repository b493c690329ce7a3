import type { Generated } from 'kysely';

/** 培训项目类型: 订单式, 定向, 定岗, 项目制, 企业新型学徒制 (seed 二（四）, issue 16). */
export type ProgrammeType = 'order' | 'directed' | 'post' | 'project' | 'apprentice';

export interface TrainingProgrammeTable {
  programme_no: string;
  name: string;
  type: ProgrammeType;
  provider: string;
  occupation_code: string;
  start_date: string;
  end_date: string;
  is_subsidised: number;
  region_code: string;
  created_at: string;
  created_by: number | null;
}

export interface TrainingProgrammeEnterpriseTable {
  programme_no: string;
  uscc: string;
}

export interface TrainingRecordTable {
  person_id: number;
  programme_no: string;
  occupation_code: string;
  start_date: string;
  end_date: string;
  is_completed: number;
  certificate_no: string | null;
  subsidy_fen: number;
  uscc: string | null;
  region_code: string | null;
  is_subsidised: number;
  is_manufacturing: number;
  is_digital: number;
  rule_version: string;
}

export type BaseStatus = 'applied' | 'approved' | 'rejected';
export type BaseLevel = 'city' | 'province';

export interface InternshipBaseTable {
  uscc: string;
  region_code: string;
  posts: number;
  mentors: number;
  note: string | null;
  status: BaseStatus;
  level: BaseLevel | null;
  applied_at: string;
  applied_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
  is_demonstration: Generated<number>;
  demonstration_at: string | null;
  demonstration_by: number | null;
  demonstration_score_run: number | null;
}

export interface InternshipTraineeTable {
  id: Generated<number>;
  person_id: number;
  uscc: string;
  start_date: string;
  post: string;
  end_date: string | null;
  is_completed: number;
  is_retained: number;
  allowance_fen: number;
  satisfaction: number | null;
  source: 'import' | 'page';
}

export interface InternshipScoreRunTable {
  id: Generated<number>;
  formula_version: string;
  computed_at: string;
  computed_by: number | null;
}

export interface InternshipBaseScoreTable {
  run_id: number;
  uscc: string;
  rank: number;
  score: string;
  details: string;
}

/** An enterprise piloting self-evaluation of skill levels (自主评价) for some occupations. */
export interface SelfEvaluationEnterpriseTable {
  uscc: string;
  region_code: string;
  /** JSON array of 大典 occupation codes the enterprise may evaluate. */
  occupation_codes: string;
  approval_no: string;
  approved_on: string;
  /** The end of the registration's validity, when recorded. */
  valid_until: string | null;
  recorded_at: string;
  recorded_by: number | null;
}

export type DigitalEngineerLevel = 'junior' | 'intermediate' | 'senior';

/** A 数字技术工程师 certificate (初级 / 中级 / 高级) of a person. */
export interface DigitalEngineerCertificateTable {
  certificate_no: string;
  person_id: number;
  field: string;
  level: DigitalEngineerLevel;
  issued_on: string;
  issuer_uscc: string | null;
}

export type TalentRecordKind = 'postdoc_station' | 'challenge';
export type TalentRecordStatus = 'active' | 'open' | 'solved' | 'closed';

/** An enterprise's postdoctoral station (博士后工作站) or 揭榜领题 challenge. */
export interface EnterpriseTalentRecordTable {
  id: Generated<number>;
  uscc: string;
  kind: TalentRecordKind;
  title: string;
  field: string;
  level: string | null;
  approved_on: string | null;
  reward_fen: number | string | null;
  deadline: string | null;
  status: TalentRecordStatus;
  note: string | null;
  recorded_at: string;
  recorded_by: number | null;
}
