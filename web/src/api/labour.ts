import { api } from './client.ts';
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
