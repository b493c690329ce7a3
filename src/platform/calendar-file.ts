import { parse as parseYaml } from 'yaml';
import { CALENDAR_COVERAGE, isPackageYear } from './calendar.ts';
import { AppError } from './errors.ts';
import { addDays, isIsoDate, weekdayOf } from './iso-date.ts';

/**
 * The file an administrator loads a year of the State Council's holiday arrangement from
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知), in JSON or YAML (docs/calendar.md has an example):
 *
 *   year: 2027
 *   document_number: 国办发明电〔2026〕N号
 *   title: 国务院办公厅关于2027年部分节假日安排的通知
 *   url: https://www.gov.cn/…            (optional)
 *   holidays:  [{ date: 2027-01-01, name: 元旦 }, { from: …, to: …, name: 春节 }]
 *   workdays:  [{ date: 2027-02-07, name: 春节调休上班 }]
 *
 * Every problem is reported at once, in Chinese, so that one correction round suffices.
 */

export const CALENDAR_FILE_MAX_BYTES = 64 * 1024;

export interface CalendarDay {
  date: string;
  name: string;
}

export interface CalendarYearFile {
  year: number;
  documentNumber: string;
  title: string;
  url: string | null;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

const KNOWN_KEYS = new Set(['year', 'document_number', 'title', 'url', 'holidays', 'workdays']);
// 文号 of these notices read like 国办发明电〔2025〕7号: an issuer, the year in 〔〕, a number with 号.
const DOCUMENT_NUMBER = /^\S+〔\d{4}〕\S*\d+号$/;

/** Parses and checks a calendar file's text; throws CALENDAR_FILE_INVALID listing every problem. */
export function parseCalendarFile(text: string): CalendarYearFile {
  if (Buffer.byteLength(text, 'utf8') > CALENDAR_FILE_MAX_BYTES)
    refuse([`文件超过 ${CALENDAR_FILE_MAX_BYTES / 1024} KB，节假日安排文件应只含一年的安排`]);
  let raw: unknown;
  try {
    raw = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    refuse([`文件不是有效的 JSON 或 YAML：${(error as Error).message.split('\n')[0]}`]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    refuse(['文件内容应为一个对象，含 year、document_number、holidays、workdays 等字段']);
  return checkCalendarYear(raw as Record<string, unknown>);
}

function checkCalendarYear(raw: Record<string, unknown>): CalendarYearFile {
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!KNOWN_KEYS.has(key)) problems.push(`未知字段 ${key}（可用字段：${[...KNOWN_KEYS].join('、')}）`);

  const year = raw.year;
  const isYearValid = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (!isYearValid) problems.push('year 应为 2000–2100 之间的整数年份，如 2027');
  else if (isPackageYear(year))
    problems.push(
      `${year} 年已由内置官方日历收录（${CALENDAR_COVERAGE.firstYear}–${CALENDAR_COVERAGE.lastYear} 年），无需录入`,
    );

  const documentNumber = typeof raw.document_number === 'string' ? raw.document_number.trim() : '';
  if (documentNumber === '') problems.push('缺少 document_number（通知文号，如 国办发明电〔2025〕7号）');
  else if (!DOCUMENT_NUMBER.test(documentNumber))
    problems.push(`文号“${documentNumber}”格式不正确，应如 国办发明电〔2025〕7号`);

  const title =
    optionalText(raw.title, 'title', problems) ?? (isYearValid ? `国务院办公厅关于${year}年部分节假日安排的通知` : '');
  const url = optionalText(raw.url, 'url', problems);
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) problems.push('url 应为 http(s) 网址');

  const inYear = isYearValid ? year : undefined;
  const holidays = readDays(raw.holidays, 'holidays', '放假日', inYear, problems);
  const workdays = readDays(raw.workdays, 'workdays', '调休上班日', inYear, problems);
  if (Array.isArray(raw.holidays) && raw.holidays.length === 0) problems.push('holidays 为空：每年的通知都有放假安排');
  for (const day of workdays) {
    const weekday = weekdayOf(day.date);
    if (weekday >= 1 && weekday <= 5)
      problems.push(`调休上班日 ${day.date} 是${WEEKDAY_NAMES[weekday]}，本来就是工作日，应为周六或周日`);
  }
  const holidayDates = new Set(holidays.map((d) => d.date));
  for (const day of workdays) if (holidayDates.has(day.date)) problems.push(`${day.date} 同时列为放假日和调休上班日`);

  if (problems.length > 0) refuse(problems);
  return { year: year as number, documentNumber, title, url, holidays, workdays };
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function readDays(
  value: unknown,
  field: string,
  label: string,
  year: number | undefined,
  problems: string[],
): CalendarDay[] {
  if (value === undefined && field === 'workdays') return [];
  if (!Array.isArray(value)) {
    problems.push(`${field} 应为列表（${label}），每项 { date, name } 或 { from, to, name }`);
    return [];
  }
  const days: CalendarDay[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const where = `${field} 第 ${index + 1} 项`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${where} 应为 { date, name } 或 { from, to, name }`);
      return;
    }
    const item = entry as Record<string, unknown>;
    const name = typeof item.name === 'string' && item.name.trim() !== '' ? item.name.trim() : label;
    for (const date of datesOf(item, where, problems)) {
      if (year !== undefined && Number(date.slice(0, 4)) !== year) problems.push(`${where}：${date} 不在 ${year} 年`);
      else if (seen.has(date)) problems.push(`${where}：${date} 重复列出`);
      else {
        seen.add(date);
        days.push({ date, name });
      }
    }
  });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

function datesOf(item: Record<string, unknown>, where: string, problems: string[]): string[] {
  if (item.date !== undefined) {
    if (typeof item.date !== 'string' || !isIsoDate(item.date)) {
      problems.push(`${where}：日期“${String(item.date)}”应为 YYYY-MM-DD 的真实日期`);
      return [];
    }
    return [item.date];
  }
  const { from, to } = item;
  if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to)) {
    problems.push(`${where}：应写 date，或 from 和 to（YYYY-MM-DD 的真实日期）`);
    return [];
  }
  if (from > to) {
    problems.push(`${where}：开始日期 ${from} 晚于结束日期 ${to}`);
    return [];
  }
  const dates: string[] = [];
  for (let day = from; day <= to && dates.length <= 31; day = addDays(day, 1)) dates.push(day);
  if (dates.length > 31) {
    problems.push(`${where}：${from} 至 ${to} 超过 31 天，请核对`);
    return [];
  }
  return dates;
}

function optionalText(value: unknown, field: string, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push(`${field} 应为文字`);
    return null;
  }
  return value.trim() === '' ? null : value.trim();
}

function refuse(problems: string[]): never {
  throw new AppError('CALENDAR_FILE_INVALID', `节假日安排文件有 ${problems.length} 处问题：${problems.join('；')}`, {
    problems,
  });
}
