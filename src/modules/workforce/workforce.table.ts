import type { Generated } from 'kysely';

export interface PersonTable {
  id: Generated<number>;
  id_index: string;
  id_enc: string;
  name: string;
  birth_date: string;
  sex: 'male' | 'female';
  origin_province: string;
  created_at: string;
}

/** One continuous insured stay of a person at an enterprise, in whole months (YYYYMM). */
export interface EmploymentSpellTable {
  id: Generated<number>;
  person_id: number;
  uscc: string;
  first_period: number;
  last_period: number;
  leave_reason: string | null;
  base_fen: number | string;
}

export interface RosterPeriodTable {
  uscc: string;
  period: number;
  first_run_id: number;
}

export interface ContributionTable {
  uscc: string;
  period: number;
  insured: number;
  pension_fen: number | string;
  unemployment_unit_fen: number | string;
  unemployment_personal_fen: number | string;
  injury_fen: number | string;
}

export interface GraduateTable {
  person_id: number;
  school: string;
  degree: 'associate' | 'bachelor' | 'master' | 'doctor';
  graduated_on: string;
}

export interface SkillCertificateTable {
  certificate_no: string;
  person_id: number;
  occupation_code: string;
  occupation_name: string;
  level: number;
  issued_on: string;
  /** The self-evaluating enterprise (自主评价) that issued the certificate, when one did. */
  issuer_uscc: string | null;
}

export interface ProfessionalTitleTable {
  person_id: number;
  series: string;
  level: 'junior' | 'intermediate' | 'deputy_senior' | 'senior';
  obtained_on: string;
}

export interface UnemploymentRegistrationTable {
  person_id: number;
  registered_on: string;
  closed_on: string | null;
}

export interface PovertyStatusTable {
  person_id: number;
  category: 'lifted' | 'monitored';
}
