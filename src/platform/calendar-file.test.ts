import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarFile } from './calendar-file.ts';

const FIXTURE = readFileSync(new URL('../test/fixtures/calendar-2027-test-data.yaml', import.meta.url), 'utf8');

/** The problems a refused file names (CALENDAR_FILE_INVALID with every problem in Chinese). */
function problemsOf(text: string): string[] {
  try {
    parseCalendarFile(text);
  } catch (error) {
    expect(error).toMatchObject({ code: 'CALENDAR_FILE_INVALID' });
    return (error as { details: { problems: string[] } }).details.problems;
  }
  throw new Error('expected the file to be refused');
}

describe('the calendar file', () => {
  it('reads the YAML test fixture, expanding ranges', () => {
    const file = parseCalendarFile(FIXTURE);
    expect(file).toMatchObject({ year: 2027, documentNumber: '测试用〔2026〕1号', url: null });
    expect(file.holidays.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
    ]);
    expect(file.workdays).toEqual([{ date: '2027-02-06', name: '测试调休上班' }]);
  });

  it('reads the same year as JSON', () => {
    const json = JSON.stringify({
      year: 2027,
      document_number: '测试用〔2026〕1号',
      holidays: [{ date: '2027-01-01', name: '测试假日' }],
    });
    expect(parseCalendarFile(json)).toMatchObject({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '测试假日' }],
      workdays: [],
    });
  });

  it('lists every problem at once, in Chinese', () => {
    const problems = problemsOf(
      JSON.stringify({
        year: 2027,
        document_number: '2027 放假通知',
        holiday: [],
        holidays: [
          { date: '2027-02-30' },
          { date: '2028-01-01' },
          { from: '2027-02-12', to: '2027-02-08' },
          { date: '2027-10-01' },
          { date: '2027-10-01' },
        ],
        workdays: [{ date: '2027-02-08' }, { date: '2027-10-01' }],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('未知字段 holiday'),
        expect.stringContaining('文号“2027 放假通知”格式不正确'),
        expect.stringContaining('2027-02-30'),
        expect.stringContaining('2028-01-01 不在 2027 年'),
        expect.stringContaining('开始日期 2027-02-12 晚于结束日期 2027-02-08'),
        expect.stringContaining('2027-10-01 重复列出'),
        expect.stringContaining('调休上班日 2027-02-08 是周一'),
        expect.stringContaining('2027-10-01 同时列为放假日和调休上班日'),
      ]),
    );
  });

  it('refuses a year the package already carries, a missing 文号 and what is not a calendar at all', () => {
    expect(
      problemsOf('year: 2026\ndocument_number: 国办发明电〔2025〕7号\nholidays: [{ date: 2026-01-01 }]\n'),
    ).toEqual([expect.stringContaining('2026 年已由内置官方日历收录')]);
    expect(problemsOf('year: 2027\nholidays: [{ date: 2027-01-01 }]\n')).toEqual([
      expect.stringContaining('缺少 document_number'),
    ]);
    expect(problemsOf('[1, 2]')).toEqual([expect.stringContaining('应为一个对象')]);
    expect(problemsOf('year: [unclosed')[0]).toContain('不是有效的 JSON 或 YAML');
  });
});
