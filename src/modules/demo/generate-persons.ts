import { makeIdNumber } from '../../platform/identifiers/id-number.ts';
import { addDays, toDayNumber } from '../../platform/iso-date.ts';
import { personName } from './demo-names.ts';
import type { DemoPlace } from './demo-places.ts';
import type { Random } from './random.ts';
import { retirementMonthOf, type RetirementTrack } from './retirement.ts';

/** A synthetic insured person; the ID number leaves the generator only encrypted and indexed. */
export interface DemoPerson {
  id: number;
  idNumber: string;
  name: string;
  birthDate: string;
  sex: 'male' | 'female';
  /** First two digits of the ID number (GB/T 2260 province). */
  originProvince: string;
  /** Month index (year × 12 + month − 1) in which the person reaches retirement age. */
  retirementMonth: number;
}

// Real county-level codes of the provinces Jiangsu's workers come from most (安徽, 河南,
// 四川, 江西, 山东…), weighted by how many come from each province.
const OTHER_PROVINCES: readonly (readonly [readonly string[], number])[] = [
  [['340102', '340104', '341202', '341221', '341321', '341322', '340321', '341125', '341523', '340826'], 30],
  [['410102', '411721', '411324', '411522', '411623', '410523', '411421'], 18],
  [['370102', '371321', '371721', '370829', '371526'], 10],
  [['510104', '511321', '510722', '511623', '511921'], 10],
  [['360102', '360730', '360429', '361025', '360124'], 8],
  [['420102', '421122'], 5],
  [['430102', '431021'], 4],
  [['520102'], 4],
  [['330102', '330381'], 4],
  [['130102'], 2],
  [['230102'], 2],
  [['620102'], 1],
  [['450102'], 1],
  [['500101', '500229'], 1],
];

// People of 苏北 cities work across the province more than the reverse.
const NORTH = new Set(['320300', '320700', '320800', '320900', '321300']);

const FIRST_BIRTH_DAY = toDayNumber('1965-01-01');
const BIRTH_DAYS = toDayNumber('2004-12-31') - FIRST_BIRTH_DAY + 1;
const SLOTS_PER_DAY = 500;

/** Makes persons with distinct, valid ID numbers, numbered from a first id. */
export interface PersonFactory {
  /** `hireMonth` (a month index) must be before the person's retirement on at least one track. */
  create(
    random: Random,
    wish: { homeCityCode: string; sex: 'male' | 'female'; birthDate: string; hireMonth: number },
  ): DemoPerson;
  /** Persons created so far. */
  readonly count: number;
}

/**
 * The factory keeps, per address, birth day and sex, how many sequence numbers it has used
 * (a few MB for any scale), so ID numbers are distinct without remembering the persons.
 */
export function createPersonFactory(places: readonly DemoPlace[], firstId: number): PersonFactory {
  const jiangsu = places.map((p) => p.regionCode);
  const others = OTHER_PROVINCES.flatMap(([codes]) => codes);
  const addresses = [...jiangsu, ...others];
  const indexOf = new Map(addresses.map((code, i) => [code, i]));
  const used = new Uint16Array(addresses.length * BIRTH_DAYS * 2);
  const byCity = groupByCity(places);
  const jiangsuWeighted = places.map((p): [string, number] => [p.regionCode, NORTH.has(p.cityCode) ? 2 : 1]);
  let created = 0;
  const drawAddress = (random: Random, homeCityCode: string): string => {
    const roll = random.next();
    if (roll < 0.42) return random.pick(byCity.get(homeCityCode) ?? jiangsu);
    if (roll < 0.75) return random.weighted(jiangsuWeighted);
    return random.pick(random.weighted(OTHER_PROVINCES));
  };
  return {
    get count() {
      return created;
    },
    create(random, wish) {
      const address = drawAddress(random, wish.homeCityCode);
      const addressIndex = indexOf.get(address)!;
      let day = clampDay(toDayNumber(wish.birthDate) - FIRST_BIRTH_DAY);
      let slot = slotOf(addressIndex, day, wish.sex);
      // A full day (500 people of one sex, place and birthday) moves to the next day.
      while (used[slot]! >= SLOTS_PER_DAY) slot = slotOf(addressIndex, (day = (day + 1) % BIRTH_DAYS), wish.sex);
      const count = used[slot]!;
      used[slot] = count + 1;
      // Spread the sequence numbers over 000–999 instead of counting up from 000.
      const spread = (count * 211 + addressIndex * 31 + day) % SLOTS_PER_DAY;
      const birthDate = addDays('1965-01-01', day);
      const idNumber = makeIdNumber(address, birthDate, spread * 2 + (wish.sex === 'male' ? 1 : 0));
      created += 1;
      return {
        id: firstId + created - 1,
        idNumber,
        name: personName(random, wish.sex),
        birthDate,
        sex: wish.sex,
        originProvince: address.slice(0, 2),
        retirementMonth: retirementMonthOf(birthDate, trackOf(random, wish.sex, birthDate, wish.hireMonth)),
      };
    },
  };
}

function slotOf(addressIndex: number, day: number, sex: 'male' | 'female'): number {
  return (addressIndex * BIRTH_DAYS + day) * 2 + (sex === 'male' ? 1 : 0);
}

function clampDay(day: number): number {
  return Math.min(BIRTH_DAYS - 1, Math.max(0, day));
}

// Women in production jobs retire at 50, in staff posts at 55; roughly half each, but a woman
// hired past 50 is on the staff track.
function trackOf(random: Random, sex: 'male' | 'female', birthDate: string, hireMonth: number): RetirementTrack {
  if (sex === 'male') return 'male_60';
  const isWorker = random.chance(0.5) && retirementMonthOf(birthDate, 'female_50') > hireMonth;
  return isWorker ? 'female_50' : 'female_55';
}

function groupByCity(places: readonly DemoPlace[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const place of places) groups.set(place.cityCode, [...(groups.get(place.cityCode) ?? []), place.regionCode]);
  return groups;
}
