import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { systemActor } from '../platform/auth/current-user.ts';
import { CALENDAR_FILE_MAX_BYTES } from '../platform/calendar-file.ts';
import { AppError } from '../platform/errors.ts';
import { describeCalendar, loadCalendarYear } from '../modules/reference/calendar.service.ts';
import { withAppContext } from './context.ts';
import { runCommand } from './output.ts';

/**
 * `yangfan calendar load FILE | list`: the working-day calendar beyond the years the package
 * carries. A file (JSON or YAML, docs/calendar.md) holds one year of the State Council's holiday
 * arrangement with its 文号; a bad file exits 2 with every problem listed in Chinese.
 */
export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('工作日历：录入国务院办公厅部分节假日安排（内置日历未收录的年份）');

  calendar
    .command('load <file>')
    .description(
      '录入一年的节假日安排文件（JSON 或 YAML，含通知文号）；重新录入生成新版本，并重新推算相关审核和公示截止日',
    )
    .option('--json', 'JSON 输出')
    .action(async (file: string, options: { json?: boolean }) => {
      await runCommand(
        options,
        () => {
          const text = readCalendarFile(file);
          return withAppContext((ctx) =>
            loadCalendarYear(ctx, systemActor('cli:calendar'), { text, fileName: path.basename(file) }),
          );
        },
        (r) =>
          r.is_unchanged
            ? `${r.year} 年节假日安排与当前第 ${r.version} 版相同，未新建版本`
            : `已录入 ${r.year} 年节假日安排（${r.document_number}）第 ${r.version} 版：放假 ${r.holidays} 天，调休上班 ${r.workdays} 天；重新推算审核截止日 ${r.recomputed.reviews} 件、公示截止日 ${r.recomputed.publicity} 件`,
      );
    });

  calendar
    .command('list')
    .description('列出日历收录的年份和已录入的各版本')
    .option('--json', 'JSON 输出')
    .action(async (options: { json?: boolean }) => {
      await runCommand(
        options,
        () => withAppContext((ctx) => describeCalendar(ctx)),
        (r) =>
          [
            `内置官方日历：${r.package.first_year}–${r.package.last_year} 年（${r.package.source}）`,
            ...r.years.flatMap((y) =>
              y.versions.map(
                (v) =>
                  `${y.year} 年 第 ${v.version} 版 ${v.document_number}（${v.loaded_by}，${v.loaded_at}）${v.is_current ? ' 现行' : ` 已于 ${v.superseded_at} 被替代`}`,
              ),
            ),
            r.reminder.is_due
              ? `提醒：${r.reminder.message}`
              : `${r.reminder.next_year} 年：${r.reminder.is_next_year_covered ? '已收录' : '尚未录入'}`,
          ].join('\n'),
      );
    });
}

function readCalendarFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('CALENDAR_FILE_INVALID', `找不到文件：${file}`);
  }
  if (size > CALENDAR_FILE_MAX_BYTES)
    throw new AppError(
      'CALENDAR_FILE_INVALID',
      `文件超过 ${CALENDAR_FILE_MAX_BYTES / 1024} KB，节假日安排文件应只含一年的安排`,
    );
  return readFileSync(file, 'utf8');
}
