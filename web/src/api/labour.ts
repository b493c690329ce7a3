import { api } from './client.ts';

/** 劳动关系 (SPEC §2.9): the statutory-compensation calculator and the average wages it caps by. */

export type CompensationKind = 'severance' | 'unlawful' | 'notice';
export const COMPENSATION_KINDS: readonly CompensationKind[] = ['severance', 'unlawful', 'notice'];

export interface AverageWage {
  regionCode: string;
  regionName: string;
  year: number;
  monthlyWageFen: number;
  source: string;
  loadedBy: string | null;
  loadedAt: string;
}

export interface CompensationResult {
  kind: CompensationKind;
  amount_fen: number;
  months: number;
  wage_basis_fen: number;
  tenure: { years: number; months: number; days: number };
  is_capped: boolean;
  is_cap_checked: boolean;
  explanation: string[];
  region: string | null;
  average_wage: { regionCode: string; regionName: string; year: number; monthlyFen: number; source: string } | null;
}

export interface CompensationQuery {
  kind: CompensationKind;
  wage: string;
  from: string;
  to: string;
  region?: string;
}

export function calculateCompensation(query: CompensationQuery): Promise<CompensationResult> {
  return api.get('/labour/compensation', { ...query });
}

export function listAverageWages(): Promise<AverageWage[]> {
  return api.get('/labour/average-wages');
}

export function setAverageWage(
  region: string,
  year: number,
  body: { monthlyWage: string; source: string },
): Promise<AverageWage> {
  return api.put(`/labour/average-wages/${region}/${year}`, body);
}
