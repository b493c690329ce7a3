import { api } from './client.ts';
import type { ApiResponse } from './types.ts';

/** The date n working days after (n < 0: before) the given date. */
export function addWorkdays(date: string, n: number): Promise<ApiResponse<'/api/v1/tools/workdays/add'>> {
  return api.get('/tools/workdays/add', { date, n });
}

/** The number of working days from one date to another. */
export function countWorkdays(from: string, to: string): Promise<ApiResponse<'/api/v1/tools/workdays/between'>> {
  return api.get('/tools/workdays/between', { from, to });
}

/** A code's check: valid or the reason; ID numbers come back masked. */
export type CodeCheck = ApiResponse<'/api/v1/tools/check/uscc'>;

export function checkUscc(code: string): Promise<CodeCheck> {
  return api.get('/tools/check/uscc', { code });
}

export function checkIdNumber(number: string): Promise<CodeCheck> {
  return api.get('/tools/check/id', { number });
}
