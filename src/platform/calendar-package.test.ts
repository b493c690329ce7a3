import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { CALENDAR_COVERAGE, isWorkday } from './calendar.ts';
import { addDays } from './iso-date.ts';

// The package's functions are correct only in time zones at or east of UTC; the product runs
// in Asia/Shanghai (SPEC §0), so that is where they serve as the reference for calendar.ts.
// The worker process may run other test files afterwards: the original zone is put back.
const originalTimeZone = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

interface ChineseDays {
  isWorkday(date: string): boolean;
  getDayDetail(date: string): { work: boolean; name: string; date: string };
}
const { default: chineseDays } = (await import('chinese-days')) as unknown as { default: ChineseDays };
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
};

describe('calendar against the chinese-days package', () => {
  it('covers exactly the years the package has notices for', () => {
    const years = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
    expect(Math.min(...years)).toBe(CALENDAR_COVERAGE.firstYear);
    expect(Math.max(...years)).toBe(CALENDAR_COVERAGE.lastYear);
    expect(years.size).toBe(CALENDAR_COVERAGE.lastYear - CALENDAR_COVERAGE.firstYear + 1);
  });

  it('has no named New Year holiday for the first year not covered', () => {
    const detail = chineseDays.getDayDetail(`${CALENDAR_COVERAGE.lastYear + 1}-01-01`);
    expect(detail.name).not.toContain('元旦');
  });

  it('agrees with the package on every day of every covered year', () => {
    const last = `${CALENDAR_COVERAGE.lastYear}-12-31`;
    let disagreements = 0;
    for (let date = `${CALENDAR_COVERAGE.firstYear}-01-01`; date <= last; date = addDays(date, 1)) {
      if (isWorkday(date) !== chineseDays.isWorkday(date)) disagreements += 1;
    }
    expect(disagreements).toBe(0);
  });
});
