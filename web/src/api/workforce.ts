import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

export type Degree = 'associate' | 'bachelor' | 'master' | 'doctor';
export type TitleLevel = 'junior' | 'intermediate' | 'deputy_senior' | 'senior';

/** A person insured at an enterprise in a month; numbers come masked from the server. */
export interface Employee {
  name: string;
  /** Masked (3201**********1234). */
  id_number: string;
  phone: string | null;
  /** First and latest month (YYYYMM) of the current insured spell. */
  first_period: number;
  last_period: number;
  /** 缴费基数 of the latest month, in yuan. */
  base: number;
  graduate_degree: Degree | null;
  /** 1 高级技师 … 5 初级工. */
  skill_level: number | null;
  title_level: TitleLevel | null;
}

export interface EmployeesPage extends Page<Employee> {
  /** The month listed; null when the enterprise has no roster yet. */
  period: number | null;
}

/** The insured persons of an enterprise in a month (default: its latest reported month). */
export function listEmployees(uscc: string, query: PageQuery & { period?: string }): Promise<EmployeesPage> {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}/employees`, { ...query });
}
