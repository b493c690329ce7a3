import type { Generated } from 'kysely';

/** One loaded version of a year's holiday arrangement (calendar_years): current until superseded, never deleted. */
export interface CalendarYearTable {
  id: Generated<number>;
  year: number;
  version: number;
  document_number: string;
  title: string;
  url: string | null;
  /** JSON [{date, name}] */
  holidays: string;
  /** JSON [{date, name}] */
  workdays: string;
  file_text: string;
  file_sha256: string;
  loaded_by: number | null;
  loaded_by_name: string;
  loaded_at: string;
  superseded_at: string | null;
}
