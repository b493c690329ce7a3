import type { Degree } from '../workforce/enumerations.ts';
import { SCHOOLS } from './demo-names.ts';
import { birthDateForAge, dateInMonth } from './demo-dates.ts';
import type { Random } from './random.ts';

/** A graduate record (高校毕业生): school, degree, graduation date. */
export interface DemoGraduate {
  school: string;
  degree: Degree;
  graduatedOn: string;
}

/** Who joins a roster, before an ID number is made for them: sex, birth date, schooling. */
export interface Newcomer {
  sex: 'male' | 'female';
  birthDate: string;
  graduate?: DemoGraduate;
  /** A graduate of this or the previous two years hired from school (the 扩岗补助 case). */
  isFreshGraduate: boolean;
}

// Age at graduation by degree; the draw adds up to two years.
const GRADUATION_AGE: Record<Degree, number> = { associate: 21, bachelor: 22, master: 25, doctor: 28 };
const FRESH_DEGREES: readonly (readonly [Degree, number])[] = [
  ['associate', 35],
  ['bachelor', 45],
  ['master', 17],
  ['doctor', 3],
];
const EARLIER_DEGREES: readonly (readonly [Degree, number])[] = [
  ['associate', 45],
  ['bachelor', 42],
  ['master', 11],
  ['doctor', 2],
];

// Persons are born 1965–2004: the oldest men retire during the window, the youngest were 19 in 2024.
const FIRST_BIRTH_YEAR = 1965;
const LAST_BIRTH_YEAR = 2004;

/**
 * Draws a newcomer hired in a month (a month index). The first month's stock is older than
 * later hires; July to October brings the year's graduates.
 */
export function drawNewcomer(random: Random, hireMonth: number, isStock: boolean): Newcomer {
  const calendarMonth = (hireMonth % 12) + 1;
  const freshShare = calendarMonth >= 7 && calendarMonth <= 10 ? 0.35 : 0.08;
  if (!isStock && random.chance(freshShare)) return drawFreshGraduate(random, hireMonth);
  const sex = random.chance(0.58) ? 'male' : 'female';
  const year = Math.floor(hireMonth / 12);
  const maxAge = Math.min(sex === 'male' ? 59 : 54, year - FIRST_BIRTH_YEAR);
  const minAge = Math.max(18, year - LAST_BIRTH_YEAR);
  const age = Math.round(Math.min(maxAge, Math.max(minAge, random.normal(isStock ? 38 : 31, isStock ? 10 : 8))));
  const birthDate = clampBirthDate(birthDateForAge(random, age, hireMonth));
  const isGraduate = random.chance(age <= 45 ? 0.22 : 0.05);
  const graduate = isGraduate ? drawEarlierGraduate(random, birthDate, hireMonth) : undefined;
  return { sex, birthDate, isFreshGraduate: false, ...(graduate ? { graduate } : {}) };
}

function drawFreshGraduate(random: Random, hireMonth: number): Newcomer {
  const year = Math.floor(hireMonth / 12);
  // Graduated in June of the hire year (hired from July on), else one or two years before.
  const thisYear = (hireMonth % 12) + 1 >= 7;
  const graduationYear = thisYear && random.chance(0.8) ? year : year - (random.chance(0.7) ? 1 : 2);
  const degree = random.weighted(FRESH_DEGREES);
  const birthYear = Math.min(LAST_BIRTH_YEAR, graduationYear - GRADUATION_AGE[degree] - random.int(0, 1));
  const birthDate = clampBirthDate(`${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`);
  return {
    sex: random.chance(0.55) ? 'male' : 'female',
    birthDate,
    graduate: {
      school: schoolFor(random, degree),
      degree,
      graduatedOn: `${graduationYear}-06-${pad(random.int(15, 30))}`,
    },
    isFreshGraduate: true,
  };
}

function drawEarlierGraduate(random: Random, birthDate: string, hireMonth: number): DemoGraduate | undefined {
  const degree = random.weighted(EARLIER_DEGREES);
  const year = Number(birthDate.slice(0, 4)) + GRADUATION_AGE[degree] + random.int(0, 2);
  const graduatedOn = `${year}-06-${pad(random.int(15, 30))}`;
  // Not yet graduated when hired: no degree to record.
  if (graduatedOn >= dateInMonth(hireMonth, 1)) return undefined;
  return { school: schoolFor(random, degree), degree, graduatedOn };
}

function schoolFor(random: Random, degree: Degree): string {
  if (degree === 'associate') return random.pick(SCHOOLS.associate);
  return random.pick(degree === 'bachelor' ? SCHOOLS.bachelor : SCHOOLS.graduate);
}

function clampBirthDate(date: string): string {
  if (date < `${FIRST_BIRTH_YEAR}-01-01`) return `${FIRST_BIRTH_YEAR}-01-01`;
  if (date > `${LAST_BIRTH_YEAR}-12-31`) return `${LAST_BIRTH_YEAR}-12-31`;
  return date;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
