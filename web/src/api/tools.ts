import { api } from './client.ts';

/** The date n working days after (n < 0: before) the given date. */
export function addWorkdays(date: string, n: number): Promise<{ date: string }> {
  return api.get('/tools/workdays/add', { date, n });
}

/** The number of working days from one date to another. */
export function countWorkdays(from: string, to: string): Promise<{ workdays: number }> {
  return api.get('/tools/workdays/between', { from, to });
}

export interface CodeCheck {
  valid: boolean;
  reason?: string;
  message?: string;
  /** The input as checked (ID numbers come back masked). */
  normalized?: string;
  /** Registration authority's division code inside a credit code. */
  regionCode?: string;
  /** A failing credit code accepted all the same by a recorded manual override (人工核验例外). */
  override?: { id: number; evidence?: string; recordedAt: string };
}

export function checkUscc(code: string): Promise<CodeCheck> {
  return api.get('/tools/check/uscc', { code });
}

export function checkIdNumber(number: string): Promise<CodeCheck> {
  return api.get('/tools/check/id', { number });
}
