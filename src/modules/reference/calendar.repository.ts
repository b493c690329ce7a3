import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CalendarYearTable } from './calendar.table.ts';

/** All SQL of the loaded calendar years (calendar_years). */

export type CalendarYearRow = Selectable<CalendarYearTable>;

/** What changes whenever a year is loaded: the newest row, the latest load time and the number of rows. */
export async function findCalendarSignature(db: Db): Promise<string> {
  const row = await db.selectFrom('calendar_years')
    .select((eb) => [eb.fn.max('id').as('last_id'), eb.fn.max('loaded_at').as('last_at'), eb.fn.countAll().as('n')]).executeTakeFirst();
  return `${String(row?.last_id ?? 0)}/${String(row?.last_at ?? '')}/${String(row?.n ?? 0)}`;
}

/** The current version of every loaded year. */
export function listCurrentCalendarYearRows(db: Db): Promise<CalendarYearRow[]> {
  return db.selectFrom('calendar_years').selectAll().where('superseded_at', 'is', null).orderBy('year').execute();
}

/** Every version of every loaded year, newest year and version first. */
export function listCalendarYearRows(db: Db): Promise<CalendarYearRow[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year', 'desc').orderBy('version', 'desc').execute();
}

/** The current version of a year, if loaded. */
export function findCurrentCalendarYearRow(db: Db, year: number): Promise<CalendarYearRow | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).where('superseded_at', 'is', null).executeTakeFirst();
}

/** The highest version of a year ever loaded (0 when none). */
export async function findLastCalendarVersion(db: Db, year: number): Promise<number> {
  const row = await db.selectFrom('calendar_years').select((eb) => eb.fn.max('version').as('v')).where('year', '=', year).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Stamps a version superseded (it stays in the history). */
export async function supersedeCalendarYearRow(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('calendar_years').set({ superseded_at: at }).where('id', '=', id).where('superseded_at', 'is', null).execute();
}

/** Inserts a new version and returns its id. */
export async function insertCalendarYearRow(db: Db, row: Insertable<CalendarYearTable>): Promise<number> {
  const inserted = await db.insertInto('calendar_years').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}
