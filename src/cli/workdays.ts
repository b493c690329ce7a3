import type { Command } from 'commander';
import { addWorkdays, workdaysBetween } from '../platform/calendar.ts';
import { refreshCalendar } from '../modules/reference/calendar-store.ts';
import { requireIsoDate } from '../platform/iso-date.ts';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { runCommand, usageError, type CommandOptions } from './output.ts';

/**
 * `yangfan workdays add|between`: working days on the official calendar (DOMAIN §7): the years
 * the package carries and those loaded with `yangfan calendar load`. A year neither covers exits 1
 * with CALENDAR_NOT_COVERED (never a Monday–Friday guess); a malformed date or count exits 2.
 */
export function registerWorkdaysCommands(program: Command): void {
  const workdays = program.command('workdays').description('按国务院节假日安排（含调休）计算工作日');

  workdays
    .command('add <date> <n>')
    .description('日期之后的第 n 个工作日（起算日不计入）')
    .option('--json', 'JSON 输出')
    .action(async (date: string, n: string, options: CommandOptions) => {
      await runCommand(
        options,
        async () => {
          const count = parseCount(n);
          requireIsoDate(date);
          return withLoadedCalendar(() => ({ date: addWorkdays(date, count) }));
        },
        (result) => `${date} 之后第 ${n} 个工作日：${result.date}`,
      );
    });

  workdays
    .command('between <from> <to>')
    .description('两日期之间的工作日数（首尾两日都计入）')
    .option('--json', 'JSON 输出')
    .action(async (from: string, to: string, options: CommandOptions) => {
      await runCommand(
        options,
        async () => {
          requireIsoDate(from, '开始日期');
          requireIsoDate(to, '结束日期');
          return withLoadedCalendar(() => ({ workdays: workdaysBetween(from, to) }));
        },
        (result) => `${from} 至 ${to}（含首尾）共 ${result.workdays} 个工作日`,
      );
    });
}

// Only plain decimal integers: "1e3", "0x10" or "20天" are typing mistakes, not counts.
function parseCount(text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text.trim())) usageError(`工作日数应为整数：${text}`);
  return Number(text.trim());
}

// Malformed input is refused before the database is opened. The count needs the loaded years
// only: no migration, no reference data; a database not created or not migrated yet has none.
async function withLoadedCalendar<T>(count: () => T): Promise<T> {
  const { database } = loadConfig();
  if (database.dialect === 'sqlite' && !existsSync(database.path)) return count();
  const handle = openDatabase(database);
  try {
    await refreshCalendar(handle.db);
  } catch (error) {
    if (!/no such table|does not exist/.test((error as Error).message)) throw error;
  } finally {
    await handle.close();
  }
  return count();
}
