import type { Db } from '../../db/database.ts';
import { installLoadedCalendarYears, type LoadedCalendarYear } from '../../platform/calendar.ts';
import type { CalendarDay } from '../../platform/calendar-file.ts';
import { findCalendarSignature, listCurrentCalendarYearRows, type CalendarYearRow } from './calendar.repository.ts';

/**
 * Keeps this process's calendar (platform/calendar.ts) in step with the loaded years in the
 * database. A year may be loaded by another process (`yangfan calendar load` beside a running
 * server), so every use that counts working days first asks whether anything changed: one
 * small query, and a reload of the few current rows only when it did.
 */

let installedSignature: string | undefined;

/** Installs the current loaded years if the database's differ from what this process counts with. */
export async function refreshCalendar(db: Db): Promise<void> {
  const signature = await findCalendarSignature(db);
  if (signature === installedSignature) return;
  const rows = await listCurrentCalendarYearRows(db);
  installLoadedCalendarYears(rows.map(loadedYearOf));
  installedSignature = signature;
}

/** Forgets what was installed, so that the next refresh reads the database again (after a failed load). */
export function forgetInstalledCalendar(): void {
  installedSignature = undefined;
}

/** A stored version as the calendar counts with it. */
export function loadedYearOf(row: Pick<CalendarYearRow, 'year' | 'document_number' | 'version' | 'holidays' | 'workdays'>): LoadedCalendarYear {
  const dates = (json: string) => new Set((JSON.parse(json) as CalendarDay[]).map((d) => d.date));
  return { year: Number(row.year), documentNumber: row.document_number, version: Number(row.version), holidays: dates(row.holidays), workdays: dates(row.workdays) };
}
