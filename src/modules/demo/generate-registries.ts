import type { OccupationTable } from '../reference/reference.table.ts';
import type { PovertyCategory, TitleLevel } from '../workforce/enumerations.ts';
import { TITLE_SERIES } from './demo-names.ts';
import { dateBetween, dateInMonth } from './demo-dates.ts';
import type { DemoPerson } from './generate-persons.ts';
import type { DemoGraduate, Newcomer } from './generate-newcomers.ts';
import type { Random } from './random.ts';

/** A skill-level certificate (职业技能等级证书); level 5 初级工 … 1 高级技师. */
export interface DemoSkill {
  certificateNo: string;
  occupationCode: string;
  occupationName: string;
  level: number;
  issuedOn: string;
}

/** A professional title (职称). */
export interface DemoTitle {
  series: string;
  level: TitleLevel;
  obtainedOn: string;
}

/** An unemployment registration; open while `closedOn` is null. */
export interface DemoUnemployment {
  registeredOn: string;
  closedOn: string | null;
}

/** What the registries hold about one person. */
export interface PersonRegistries {
  graduate?: DemoGraduate;
  skill?: DemoSkill;
  title?: DemoTitle;
  unemployment?: DemoUnemployment;
  poverty?: PovertyCategory;
}

/** Occupations (from the loaded 大典 table) that skill certificates are issued in, by kind of job. */
export interface OccupationChoices {
  digital: OccupationTable[];
  production: OccupationTable[];
  service: OccupationTable[];
}

// Skill-level certificates exist for skilled trades (大典 major groups 4–6); engineers
// (group 2) hold professional titles instead.
const SKILLED_GROUPS = new Set(['4', '5', '6']);

/**
 * Groups the loaded occupations of the common working list (the rest of the 大典 is not what SRDI
 * enterprises hire for), in code order so the draw does not depend on row order.
 */
export function groupOccupations(rows: readonly OccupationTable[]): OccupationChoices {
  const skilled = [...rows]
    .filter((o) => o.is_common === 1 && SKILLED_GROUPS.has(o.major_group))
    .sort((a, b) => a.code.localeCompare(b.code));
  const choices = {
    digital: skilled.filter((o) => o.is_digital === 1),
    production: skilled.filter((o) => o.major_group === '6' && o.is_digital === 0),
    service: skilled.filter((o) => o.major_group !== '6' && o.is_digital === 0),
  };
  if (Object.values(choices).some((list) => list.length === 0))
    throw new Error('参考数据中的职业不足，请先加载 reference/');
  return choices;
}

/** Where and when the person is hired, for the registries' dates and occupations. */
export interface HireContext {
  hireMonth: number;
  isStock: boolean;
  industryCode: string;
  cityCode: string;
  occupations: OccupationChoices;
  nextCertificateSerial(): number;
}

// Day of the report date: nothing in the registries is dated later.
const LAST_DAY = '2025-12-20';
const DIGITAL_INDUSTRIES = new Set(['39', '63', '64', '65']);
const POVERTY_PRONE = /^(34|41|51|36|52|62|45|50|3203|3207|3208|3209|3213)/;

/** Draws a newly created person's registry records. */
export function drawRegistries(
  random: Random,
  person: DemoPerson,
  newcomer: Newcomer,
  hire: HireContext,
): PersonRegistries {
  const registries: PersonRegistries = {};
  if (newcomer.graduate) registries.graduate = newcomer.graduate;
  const isManufacturing = Number(hire.industryCode) >= 13 && Number(hire.industryCode) <= 43;
  const skillChance = newcomer.graduate ? 0.08 : isManufacturing ? 0.2 : 0.1;
  if (random.chance(skillChance)) {
    const skill = drawSkill(random, person, hire);
    if (skill) registries.skill = skill;
  }
  if (random.chance(newcomer.graduate ? 0.33 : 0.015)) {
    const title = drawTitle(random, person, newcomer.graduate);
    if (title) registries.title = title;
  }
  if (!hire.isStock) {
    const unemployment = drawClosedRegistration(random, person, newcomer, hire.hireMonth);
    if (unemployment) registries.unemployment = unemployment;
  }
  const povertyChance = POVERTY_PRONE.test(person.idNumber) ? 0.02 : 0.004;
  if (random.chance(povertyChance)) registries.poverty = random.chance(0.8) ? 'lifted' : 'monitored';
  return registries;
}

function drawSkill(random: Random, person: DemoPerson, hire: HireContext): DemoSkill | undefined {
  const from = maxDate(addYears(person.birthDate, 20), '2012-01-01');
  if (from > LAST_DAY) return undefined;
  const issuedOn = dateBetween(random, from, LAST_DAY);
  const groups = hire.occupations;
  const list =
    DIGITAL_INDUSTRIES.has(hire.industryCode) && random.chance(0.7)
      ? groups.digital
      : random.weighted([
          [groups.production, 70],
          [groups.service, 15],
          [groups.digital, 15],
        ] as const);
  const occupation = random.pick(list);
  const isYoung = Number(issuedOn.slice(0, 4)) - Number(person.birthDate.slice(0, 4)) < 25;
  const level = random.weighted(
    isYoung
      ? [
          [5, 40],
          [4, 45],
          [3, 15],
        ]
      : [
          [5, 20],
          [4, 33],
          [3, 29],
          [2, 13],
          [1, 5],
        ],
  );
  const serial = String(hire.nextCertificateSerial()).padStart(8, '0');
  return {
    certificateNo: `S${issuedOn.slice(0, 4)}${hire.cityCode.slice(0, 4)}${level}${serial}`,
    occupationCode: occupation.code,
    occupationName: occupation.name,
    level,
    issuedOn,
  };
}

function drawTitle(random: Random, person: DemoPerson, graduate: DemoGraduate | undefined): DemoTitle | undefined {
  const from = addYears(graduate?.graduatedOn ?? addYears(person.birthDate, 22), 1);
  if (from > LAST_DAY) return undefined;
  const obtainedOn = dateBetween(random, from, LAST_DAY);
  const age = Number(obtainedOn.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
  const levels: readonly (readonly [TitleLevel, number])[] =
    age < 30
      ? [
          ['junior', 70],
          ['intermediate', 30],
        ]
      : age < 40
        ? [
            ['junior', 20],
            ['intermediate', 58],
            ['deputy_senior', 19],
            ['senior', 3],
          ]
        : [
            ['intermediate', 45],
            ['deputy_senior', 40],
            ['senior', 15],
          ];
  return { series: random.weighted(TITLE_SERIES), level: random.weighted(levels), obtainedOn };
}

/**
 * A registration opened while looking for work and closed on being hired: likelier for
 * graduates hired some months after leaving school.
 */
function drawClosedRegistration(
  random: Random,
  person: DemoPerson,
  newcomer: Newcomer,
  hireMonth: number,
): DemoUnemployment | undefined {
  const hiredOn = dateInMonth(hireMonth, random.int(1, 10));
  const graduatedOn = newcomer.graduate?.graduatedOn;
  const isLateGraduate =
    newcomer.isFreshGraduate && graduatedOn !== undefined && graduatedOn < dateInMonth(hireMonth - 3, 1);
  if (!random.chance(isLateGraduate ? 0.3 : 0.07)) return undefined;
  const earliest = maxDate(dateInMonth(hireMonth - 8, 1), graduatedOn ?? addYears(person.birthDate, 16));
  const latest = dateInMonth(hireMonth - 1, 20);
  if (earliest > latest) return undefined;
  return { registeredOn: dateBetween(random, earliest, latest), closedOn: hiredOn };
}

function addYears(date: string, years: number): string {
  const shifted = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
