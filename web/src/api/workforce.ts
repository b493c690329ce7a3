import { api } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

export type Degree = 'associate' | 'bachelor' | 'master' | 'doctor';
export type TitleLevel = 'junior' | 'intermediate' | 'deputy_senior' | 'senior';

/** The insured persons of an enterprise in a month, with the month listed (null: no roster yet). */
export type EmployeesPage = ApiResponse<'/api/v1/enterprises/{uscc}/employees'>;
/** A person insured at an enterprise in a month; numbers come masked from the server. */
export type Employee = ItemOf<EmployeesPage>;

/** The insured persons of an enterprise in a month (default: its latest reported month). */
export function listEmployees(
  uscc: string,
  query: ApiQuery<'/api/v1/enterprises/{uscc}/employees'>,
): Promise<EmployeesPage> {
  return api.get(`/enterprises/${encodeURIComponent(uscc)}/employees`, { ...query });
}
