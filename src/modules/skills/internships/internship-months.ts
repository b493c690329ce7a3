import { readFileSync } from 'node:fs';

/**
 * The months an internship actually served: month k runs from the start date plus k − 1 months
 * to the day before the start date plus k months, and is served when it ends on or before the
 * internship's end date (only whole months count).
 */

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export interface ServedMonth {
  /** 1, 2, … */
  number: number;
  from: string;
  to: string;
  /** YYYYMM of the month's first day: the benefit identity's month. */
  period: string;
}

/** The whole months served between the start and end dates. */
export function servedMonths(startDate: string, endDate: string): ServedMonth[] {
  const months: ServedMonth[] = [];
  for (let k = 1; k <= 120; k++) {
    const from = addMonths(startDate, k - 1);
    const to = dayBefore(addMonths(startDate, k));
    if (to > endDate) break;
    months.push({ number: k, from, to, period: from.slice(0, 4) + from.slice(5, 7) });
  }
  return months;
}

const CLASSES_FILE = new URL('../../../../reference/wages/jiangsu-min-wage-classes.json', import.meta.url);
let classes: Map<string, string> | undefined;

/** 最低工资类别 of a county code (by its city), or undefined where the file has none. */
export function minWageClassOf(regionCode: string): string | undefined {
  if (!classes) {
    const raw = JSON.parse(readFileSync(CLASSES_FILE, 'utf8')) as { classes: Record<string, { class: string }> };
    classes = new Map(Object.entries(raw.classes).map(([code, entry]) => [code, entry.class]));
  }
  return classes.get(regionCode) ?? classes.get(`${regionCode.slice(0, 4)}00`);
}
