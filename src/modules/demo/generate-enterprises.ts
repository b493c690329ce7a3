import { DEMO_ACCOUNTS } from '../accounts/demo-accounts.ts';
import type { EnterpriseSize, Tier } from '../enterprises/enterprises.table.ts';
import type { RegionTable } from '../reference/reference.table.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { enterpriseName, mobileNumber, personName, shortPlaceName } from './demo-names.ts';
import { createPlacePicker, type DemoPlace, type PlacePicker } from './demo-places.ts';
import { drawHistory, drawRecognition, validUntilOf, type DemoRecognition } from './demo-recognitions.ts';
import type { DemoScale } from './demo-scales.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import { drawDynamics, scaleHeadcounts, type WorkforceDynamics } from './enterprise-dynamics.ts';

/** One synthetic enterprise of the register, with what drives its workforce over 24 months. */
export interface DemoEnterprise {
  index: number;
  uscc: string;
  name: string;
  place: DemoPlace;
  industryCode: string;
  size: EnterpriseSize;
  /** Oldest first; the last is the current recognition. */
  recognitions: DemoRecognition[];
  contactName: string;
  contactPhone: string;
  dynamics: WorkforceDynamics;
}

// 创新型 ≈ 55 %, 专精特新 ≈ 38 %, 小巨人 ≈ 7 % of the register, as the tiers' pyramid is.
const TIER_WEIGHTS: readonly (readonly [Tier, number])[] = [
  ['innovative', 55],
  ['srdi', 38],
  ['little_giant', 7],
];

// Mostly manufacturing (C 13–43), heaviest in equipment and electronics (34–40), with some
// software, R&D and technical services, as the recognised lists are.
const INDUSTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['13', 1],
  ['14', 1],
  ['15', 0.5],
  ['17', 2],
  ['18', 1],
  ['19', 0.3],
  ['20', 0.4],
  ['21', 0.6],
  ['22', 1],
  ['23', 0.6],
  ['24', 0.6],
  ['25', 0.2],
  ['26', 6],
  ['27', 4],
  ['28', 1],
  ['29', 4],
  ['30', 2],
  ['31', 1],
  ['32', 1.5],
  ['33', 5],
  ['34', 12],
  ['35', 14],
  ['36', 5],
  ['37', 3],
  ['38', 12],
  ['39', 13],
  ['40', 6],
  ['41', 0.5],
  ['42', 0.5],
  ['43', 0.5],
  ['51', 1],
  ['64', 2],
  ['65', 7],
  ['73', 2],
  ['74', 2],
  ['75', 1],
];

// Larger enterprises climb the tiers more often: a 小巨人 is seldom micro.
const SIZE_WEIGHTS: Record<Tier, readonly (readonly [EnterpriseSize, number])[]> = {
  innovative: [
    ['micro', 17],
    ['small', 62],
    ['medium', 20],
    ['large', 1],
  ],
  srdi: [
    ['micro', 8],
    ['small', 55],
    ['medium', 33],
    ['large', 4],
  ],
  little_giant: [
    ['small', 30],
    ['medium', 55],
    ['large', 15],
  ],
};

/** Generates the register of a scale; the same seed and reference data always give the same enterprises. */
export function generateEnterprises(scale: DemoScale, seed: number, regions: readonly RegionTable[]): DemoEnterprise[] {
  const places = createPlacePicker(regions);
  const names = new Set<string>();
  const enterprises = [demoAccountEnterprise(seed, places)];
  names.add(enterprises[0]!.name);
  for (let index = 1; index < scale.enterprises; index += 1) {
    enterprises.push(drawEnterprise(createRandom(deriveSeed(seed, 'enterprise', index)), index, places, names));
  }
  scaleHeadcounts(
    enterprises.map((e) => e.dynamics),
    scale.persons,
  );
  return enterprises;
}

function drawEnterprise(random: Random, index: number, places: PlacePicker, names: Set<string>): DemoEnterprise {
  // Index 0 is the demo account's enterprise: the area rotation starts at 1, so every
  // city and directly-administered county gets one even at the tiny scale.
  const place = places.pick(random, index - 1);
  const current = drawRecognition(random, random.weighted(TIER_WEIGHTS));
  const industryCode = random.weighted(INDUSTRY_WEIGHTS);
  const size = random.weighted(SIZE_WEIGHTS[current.tier]);
  const isJointStock = random.chance(size === 'large' || current.tier === 'little_giant' ? 0.6 : 0.2);
  let name = '';
  for (let attempt = 0; attempt < 20 && (name === '' || names.has(name)); attempt += 1) {
    name = enterpriseName(random, namePlace(random, place), industryCode, isJointStock);
  }
  names.add(name);
  const contactSex = random.chance(0.55) ? 'female' : 'male';
  return {
    index,
    uscc: makeUsccForSerial(place.regionCode, organisationSerial(index)),
    name,
    place,
    industryCode,
    size,
    recognitions: drawHistory(random, current),
    contactName: personName(random, contactSex),
    contactPhone: mobileNumber(random),
    dynamics: drawDynamics(random, index, { size, industryCode, cityCode: place.cityCode }),
  };
}

// 江苏 for enterprises with provincial reach, otherwise the city or the county-level city.
function namePlace(random: Random, place: DemoPlace): string {
  const roll = random.next();
  if (roll < 0.3) return '江苏';
  if (roll < 0.5 && place.kind !== 'district') return shortPlaceName(place.regionName);
  return shortPlaceName(place.cityName);
}

// Organisation codes spread over the 8-digit space (48,271 is prime to 10^8, so distinct
// indexes never share one) and away from the serials the demo accounts and tests use.
function organisationSerial(index: number): number {
  return (index * 48_271 + 21_000_000) % 100_000_000;
}

/** The enterprise the `enterprise_demo` login belongs to: a 南京 江宁 小巨人 with its full tier history. */
function demoAccountEnterprise(seed: number, places: PlacePicker): DemoEnterprise {
  const account = DEMO_ACCOUNTS.find((a) => a.role === 'enterprise' && a.uscc);
  if (!account?.uscc) throw new Error('演示账号中缺少企业账号');
  const place = places.all.find((p) => p.regionCode === account.uscc!.slice(2, 8));
  if (!place) throw new Error(`演示企业的地区 ${account.uscc.slice(2, 8)} 不在参考数据中`);
  const random = createRandom(deriveSeed(seed, 'enterprise', 0));
  const step = (tier: Tier, recognizedOn: string) => ({ tier, recognizedOn, validUntil: validUntilOf(recognizedOn) });
  return {
    index: 0,
    uscc: account.uscc,
    name: account.displayName,
    place,
    industryCode: '35',
    size: 'medium',
    recognitions: [step('innovative', '2022-09-30'), step('srdi', '2023-12-29'), step('little_giant', '2024-08-16')],
    contactName: personName(random, 'male'),
    contactPhone: mobileNumber(random),
    dynamics: drawDynamics(random, 0, { size: 'medium', industryCode: '35', cityCode: place.cityCode }),
  };
}
