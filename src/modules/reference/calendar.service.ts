import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor, type Actor } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { CALENDAR_COVERAGE, installLoadedCalendarYears, isYearCovered, loadedCalendarYears } from '../../platform/calendar.ts';
import { parseCalendarFile, type CalendarDay } from '../../platform/calendar-file.ts';
import { forgetInstalledCalendar, loadedYearOf, refreshCalendar } from './calendar-store.ts';
import * as calendarYears from './calendar.repository.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import { recomputeDeadlines } from '../benefits/cases/review-deadlines.service.ts';

/**
 * The working-day calendar as data: the years the chinese-days package carries plus the years an
 * administrator loads from the State Council's notice (`yangfan calendar load FILE`, the 工作日历
 * page). A load is checked, audited and versioned (a reload supersedes, never deletes), and moves
 * the deadlines of open reviews and 公示 onto the loaded year in the same transaction.
 */

export interface CalendarLoadResult {
  year: number;
  version: number;
  document_number: string;
  holidays: number;
  workdays: number;
  is_unchanged: boolean;
  recomputed: { reviews: number; publicity: number };
}

/** Loads one year's holiday arrangement from a JSON or YAML file's text. */
export async function loadCalendarYear(ctx: AppContext, actor: Actor, input: { text: string; fileName?: string }): Promise<CalendarLoadResult> {
  const file = parseCalendarFile(input.text);
  const sha256 = createHash('sha256').update(input.text).digest('hex');
  const at = ctx.clock().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await refreshCalendar(trx);
      const current = await calendarYears.findCurrentCalendarYearRow(trx, file.year);
      const holidays = JSON.stringify(file.holidays);
      const workdays = JSON.stringify(file.workdays);
      const summary = { year: file.year, document_number: file.documentNumber, holidays: file.holidays.length, workdays: file.workdays.length };
      if (current && current.holidays === holidays && current.workdays === workdays && current.document_number === file.documentNumber && current.title === file.title && current.url === file.url) {
        return { ...summary, version: Number(current.version), is_unchanged: true, recomputed: { reviews: 0, publicity: 0 } };
      }
      const version = (await calendarYears.findLastCalendarVersion(trx, file.year)) + 1;
      if (current) await calendarYears.supersedeCalendarYearRow(trx, Number(current.id), at);
      const row = {
        year: file.year, version, document_number: file.documentNumber, title: file.title, url: file.url, holidays, workdays,
        file_text: input.text, file_sha256: sha256, loaded_by: actor.user?.id ?? null, loaded_by_name: actor.user?.displayName ?? actor.requestId ?? '命令行', loaded_at: at,
      };
      await calendarYears.insertCalendarYearRow(trx, row);
      // Count with the new year from here on, so the recomputation below uses it.
      installLoadedCalendarYears([...loadedCalendarYears().filter((y) => y.year !== file.year), loadedYearOf(row)]);
      const recomputed = await recomputeDeadlines(trx, `${file.year}-01-01`);
      await appendAudit(trx, ctx.dialect, actor, {
        action: 'calendar.year.load', outcome: 'success', objectType: 'calendar_year', objectId: file.year,
        details: { ...summary, version, previous_version: current ? Number(current.version) : null, file_name: input.fileName ?? null, file_sha256: sha256, recomputed },
      }, ctx.clock());
      return { ...summary, version, is_unchanged: false, recomputed };
    });
  } catch (error) {
    // Two loads of one year at once: the version (or the one-current index) lets only the first in.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${file.year} 年的节假日安排正由他人同时录入，请刷新后核对再录入`);
    throw error;
  } finally {
    // Whatever happened, the next use reads the calendar from the database again.
    forgetInstalledCalendar();
    await refreshCalendar(ctx.db);
  }
}

/** At start-up: the loaded years into this process, and deadlines still provisional or missing recomputed. */
export async function prepareCalendar(ctx: AppContext): Promise<void> {
  await refreshCalendar(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const recomputed = await recomputeDeadlines(trx, null);
    if (recomputed.reviews + recomputed.publicity === 0) return;
    await appendAudit(trx, ctx.dialect, systemActor('startup'), { action: 'calendar.deadlines.recompute', outcome: 'success', objectType: 'calendar_year', details: { recomputed } }, ctx.clock());
  });
}

/** The calendar's coverage, every loaded version, and whether next year needs loading. */
export async function describeCalendar(ctx: AppContext) {
  await refreshCalendar(ctx.db);
  const today = todayInShanghai(ctx.clock);
  const rows = await calendarYears.listCalendarYearRows(ctx.db);
  const years = [...new Set(rows.map((r) => Number(r.year)))].map((year) => {
    const versions = rows.filter((r) => Number(r.year) === year).map((r) => ({
      version: Number(r.version), document_number: r.document_number, title: r.title, url: r.url,
      holidays: JSON.parse(r.holidays) as CalendarDay[], workdays: JSON.parse(r.workdays) as CalendarDay[],
      loaded_by: r.loaded_by_name, loaded_at: r.loaded_at, superseded_at: r.superseded_at, is_current: r.superseded_at === null,
    }));
    return { year, current: versions.find((v) => v.is_current) ?? null, versions };
  });
  return {
    today,
    package: { first_year: CALENDAR_COVERAGE.firstYear, last_year: CALENDAR_COVERAGE.lastYear, source: CALENDAR_COVERAGE.source },
    years,
    reminder: calendarReminderOn(today),
  };
}

/** From the reminder day of each year (reference/calendar/settings.json), whether next year is still missing. */
export function calendarReminderOn(today: string) {
  const setting = readCalendarSettings().next_year_reminder_from;
  const nextYear = Number(today.slice(0, 4)) + 1;
  const from = `${today.slice(0, 4)}-${setting.value}`;
  const isNextYearCovered = isYearCovered(nextYear);
  const isDue = today >= from && !isNextYearCovered;
  return {
    next_year: nextYear, is_next_year_covered: isNextYearCovered, reminder_from: from, is_due: isDue, source: setting.source,
    message: isDue ? `${nextYear} 年节假日安排尚未录入：请按国务院办公厅关于 ${nextYear} 年部分节假日安排的通知录入，录入前跨入 ${nextYear} 年的审核时限和公示期暂按周一至周五推算` : null,
  };
}

interface CalendarSetting {
  key: string;
  value: string;
  source: string;
}

let settings: Record<string, CalendarSetting> | undefined;

function readCalendarSettings(): Record<'next_year_reminder_from', CalendarSetting> {
  if (!settings) {
    const file = JSON.parse(readFileSync(new URL('../../../reference/calendar/settings.json', import.meta.url), 'utf8')) as { settings: CalendarSetting[] };
    settings = Object.fromEntries(file.settings.map((s) => [s.key, s]));
  }
  const reminder = settings.next_year_reminder_from;
  if (!reminder || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(reminder.value)) throw new Error('reference/calendar/settings.json 缺少有效的 next_year_reminder_from（月-日，如 11-01）');
  return { next_year_reminder_from: reminder };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}
