/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), shared by both evaluators.
 * Days from 1900 to 2199 go through precomputed tables, because the kernels call year(),
 * age_on() and add_months() millions of times; outside that range the same answers come from
 * H. Hinnant's civil-date algorithms. No Date objects, so no time zone can shift a day.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number (proleptic Gregorian). */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a calendar date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The ISO date text of a day number. */
export function isoFromDays(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIRST_YEAR = 1900;
const YEARS = 300;
const FIRST_DAY = daysFromCivil(FIRST_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(FIRST_YEAR + YEARS, 1, 1) - 1;

interface Tables {
  /** year × 512 + month × 32 + day, per day from FIRST_DAY. */
  packed: Int32Array;
  /** The day number of the first of each month from FIRST_YEAR, plus one past the end. */
  monthStarts: Int32Array;
}

let tables: Tables | undefined;

function getTables(): Tables {
  if (tables) return tables;
  const packed = new Int32Array(LAST_DAY - FIRST_DAY + 1);
  const monthStarts = new Int32Array(YEARS * 12 + 1);
  for (let index = 0; index <= YEARS * 12; index++) {
    monthStarts[index] = daysFromCivil(FIRST_YEAR + Math.floor(index / 12), (index % 12) + 1, 1);
  }
  for (let index = 0; index < YEARS * 12; index++) {
    const [year, month] = [FIRST_YEAR + Math.floor(index / 12), (index % 12) + 1];
    for (let day = monthStarts[index] as number; day < (monthStarts[index + 1] as number); day++) {
      packed[day - FIRST_DAY] = year * 512 + month * 32 + (day - (monthStarts[index] as number) + 1);
    }
  }
  tables = { packed, monthStarts };
  return tables;
}

/** year × 512 + month × 32 + day of a day number. */
function packedDate(dayNumber: number): number {
  if (dayNumber >= FIRST_DAY && dayNumber <= LAST_DAY) return getTables().packed[dayNumber - FIRST_DAY] as number;
  const { year, month, day } = civilFromDays(dayNumber);
  return year * 512 + month * 32 + day;
}

/** The calendar year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return Math.floor(packedDate(dayNumber) / 512);
}

/** Full years of age (周岁) on a date: the birthday itself counts as reached. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = packedDate(birthDay);
  const on = packedDate(onDay);
  const years = Math.floor(on / 512) - Math.floor(birth / 512);
  // Month and day of the year compare as one number: (month × 32 + day).
  return (on & 511) < (birth & 511) ? years - 1 : years;
}

/** The date n months later, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(dayNumber: number, months: number): number {
  const packed = packedDate(dayNumber);
  const total = Math.floor(packed / 512) * 12 + ((packed >> 5) & 15) - 1 + Math.trunc(months);
  const day = packed & 31;
  const index = total - FIRST_YEAR * 12;
  if (index >= 0 && index < YEARS * 12) {
    const { monthStarts } = getTables();
    const start = monthStarts[index] as number;
    return start + Math.min(day, (monthStarts[index + 1] as number) - start) - 1;
  }
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const start = daysFromCivil(year, month, 1);
  return start + Math.min(day, next - start) - 1;
}
