import { api } from './client.ts';

/** One loaded version of a year's holiday arrangement; superseded versions stay listed. */
export interface CalendarVersion {
  version: number;
  document_number: string;
  title: string;
  url: string | null;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
  loaded_by: string;
  loaded_at: string;
  superseded_at: string | null;
  is_current: boolean;
}

export interface CalendarReminder {
  next_year: number;
  is_next_year_covered: boolean;
  reminder_from: string;
  is_due: boolean;
  source: string;
  message: string | null;
}

export interface CalendarOverview {
  today: string;
  package: { first_year: number; last_year: number; source: string };
  years: { year: number; current: CalendarVersion | null; versions: CalendarVersion[] }[];
  reminder: CalendarReminder;
}

export interface CalendarLoadResult {
  year: number;
  version: number;
  document_number: string;
  holidays: number;
  workdays: number;
  is_unchanged: boolean;
  recomputed: { reviews: number; publicity: number };
}

export function getCalendar(): Promise<CalendarOverview> {
  return api.get('/reference/calendar');
}

/** Loads one year from a JSON or YAML file's text (the system administrator). */
export function loadCalendarYear(text: string, fileName?: string): Promise<CalendarLoadResult> {
  return api.post('/reference/calendar/years', { text, ...(fileName ? { file_name: fileName } : {}) });
}
