import type { Tier } from '../enterprises/enterprises.table.ts';
import { addDays } from '../../platform/iso-date.ts';
import type { Random } from './random.ts';

/** One recognition of an enterprise in a tier (a row of enterprise_recognitions). */
export interface DemoRecognition {
  tier: Tier;
  recognizedOn: string;
  validUntil: string;
}

// Recognition comes in published batches. Weights shape where the register stands on
// 2025-12-31: most valid, some lapsed (an innovative batch of 2022, the 2021 and 2022
// provincial batches, the 2021 小巨人 batch) and some expiring within 90 days (the early-2023
// batches, valid to February and March 2026).
const BATCHES: Record<Tier, readonly (readonly [string, number])[]> = {
  innovative: [
    ['2022-09-30', 8],
    ['2023-03-31', 9],
    ['2023-06-30', 12],
    ['2023-12-29', 15],
    ['2024-06-28', 16],
    ['2024-12-27', 18],
    ['2025-06-30', 14],
    ['2025-11-28', 8],
  ],
  srdi: [
    ['2021-12-31', 6],
    ['2022-12-30', 9],
    ['2023-02-28', 9],
    ['2023-12-29', 24],
    ['2024-12-27', 28],
    ['2025-10-31', 24],
  ],
  little_giant: [
    ['2021-07-19', 10],
    ['2022-08-10', 25],
    ['2023-07-20', 25],
    ['2024-08-16', 22],
    ['2025-07-18', 18],
  ],
};

// 专精特新中小企业, 创新型中小企业 and “小巨人” recognitions are all valid for three years (DOMAIN §2).
const VALID_YEARS = 3;

/** The last valid day of a recognition made on a date: three years on, less one day. */
export function validUntilOf(recognizedOn: string): string {
  const year = Number(recognizedOn.slice(0, 4)) + VALID_YEARS;
  return addDays(`${year}${recognizedOn.slice(4)}`, -1);
}

/** A recognition in a tier, on one of its batch dates. */
export function drawRecognition(random: Random, tier: Tier): DemoRecognition {
  const recognizedOn = random.weighted(BATCHES[tier]);
  return { tier, recognizedOn, validUntil: validUntilOf(recognizedOn) };
}

/**
 * The tier history ending in the current recognition, oldest first: many 专精特新 were
 * 创新型 first, most 小巨人 were provincial 专精特新 first, and some lapsed 专精特新 were
 * renewed on review.
 */
export function drawHistory(random: Random, current: DemoRecognition): DemoRecognition[] {
  const history = [current];
  const earlier = (tier: Tier) => {
    // A renewal follows the lapse of the same tier; an upgrade may follow within months.
    const before = addDays(history[0]!.recognizedOn, tier === history[0]!.tier ? -900 : -180);
    const dates = BATCHES[tier].filter(([date]) => date <= before);
    if (dates.length === 0) return;
    const recognizedOn = random.weighted(dates);
    history.unshift({ tier, recognizedOn, validUntil: validUntilOf(recognizedOn) });
  };
  if (current.tier === 'little_giant') {
    if (random.chance(0.8)) earlier('srdi');
    if (history[0]!.tier === 'srdi' && random.chance(0.3)) earlier('innovative');
  } else if (current.tier === 'srdi') {
    if (current.recognizedOn >= '2024-12-27' && random.chance(0.25)) earlier('srdi');
    else if (random.chance(0.45)) earlier('innovative');
  }
  return history;
}
