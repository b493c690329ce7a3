import { api } from './client.ts';
import type { ApiResponse } from './types.ts';

export type CalendarOverview = ApiResponse<'/api/v1/reference/calendar'>;
/** One loaded version of a year's holiday arrangement; superseded versions stay listed. */
export type CalendarVersion = CalendarOverview['years'][number]['versions'][number];
export type CalendarReminder = CalendarOverview['reminder'];
export type CalendarLoadResult = ApiResponse<'/api/v1/reference/calendar/years', 'post'>;

export function getCalendar(): Promise<CalendarOverview> {
  return api.get('/reference/calendar');
}

/** Loads one year from a JSON or YAML file's text (the system administrator). */
export function loadCalendarYear(text: string, fileName?: string): Promise<CalendarLoadResult> {
  return api.post('/reference/calendar/years', { text, ...(fileName ? { file_name: fileName } : {}) });
}
