import type { EnterpriseSize } from '../enterprises/enterprises.table.ts';
import type { Random } from './random.ts';

/** What drives one enterprise's insured workforce over the 24 months. */
export interface WorkforceDynamics {
  /** Insured people in the first month. */
  headcount: number;
  /** Monthly net growth of the target headcount (SRDI enterprises mostly grow). */
  monthlyGrowth: number;
  /** Share of the staff leaving in an ordinary month. */
  separationRate: number;
  /** 工伤保险 rate in basis points of the contribution base (industry risk class). */
  injuryRateBasisPoints: number;
  /** Median monthly contribution base of the staff, in yuan (wages differ across the province). */
  medianBaseYuan: number;
  /** Month index (0 = 202401) of a mass layoff (规模性减员), if any. */
  layoffMonth: number | null;
  /** Share of the staff laid off that month. */
  layoffShare: number;
  /** First month index without contributions (缴费中断), if the enterprise stops paying. */
  stopsPayingFrom: number | null;
  /** Month index of closure (关闭破产): every spell ends then, no roster follows. */
  closesAt: number | null;
}

// Insured headcount by size before scaling; the statistical size classes also weigh revenue,
// so the ranges overlap.
const RAW_HEADCOUNT: Record<EnterpriseSize, readonly [number, number]> = {
  micro: [5, 19],
  small: [20, 200],
  medium: [120, 600],
  large: [500, 2500],
};

// Persons a roster involves per head of the first month: leavers are replaced over 24 months.
// Measured on the generator's output; it only steers the scale's person count.
const PERSONS_PER_HEAD = 1.36;

const SOUTH = new Set(['320100', '320200', '320400', '320500']);
const CENTRE = new Set(['320600', '321000', '321100', '321200']);

/**
 * Draws an enterprise's dynamics. A few enterprises are marked by index as well as by chance,
 * so that even the tiny scale has a mass layoff, a payment stop and (from small up) a closure
 * for the monitoring alerts to find.
 */
export function drawDynamics(
  random: Random,
  index: number,
  facts: { size: EnterpriseSize; industryCode: string; cityCode: string },
): WorkforceDynamics {
  const [low, high] = RAW_HEADCOUNT[facts.size];
  const hasLayoff = index % 50 === 7 || random.chance(0.012);
  const stopsPaying = index % 80 === 11 || random.chance(0.006);
  const closes = index % 150 === 23 || random.chance(0.002);
  const isManufacturing = Number(facts.industryCode) >= 13 && Number(facts.industryCode) <= 43;
  return {
    headcount: Math.round(low * Math.exp(random.next() * Math.log(high / low))),
    monthlyGrowth: clamp(random.normal(0.004, 0.006), -0.015, 0.02),
    separationRate: clamp(random.normal(0.012, 0.004), 0.004, 0.03),
    injuryRateBasisPoints: isManufacturing
      ? random.weighted([
          [20, 1],
          [40, 5],
          [50, 2],
          [60, 1],
          [80, 0.5],
        ])
      : 20,
    medianBaseYuan: SOUTH.has(facts.cityCode) ? 8_500 : CENTRE.has(facts.cityCode) ? 7_000 : 6_000,
    layoffMonth: hasLayoff ? random.int(6, 22) : null,
    layoffShare: 0.12 + random.next() * 0.18,
    stopsPayingFrom: stopsPaying ? random.int(20, 22) : null,
    closesAt: closes && !hasLayoff ? random.int(14, 22) : null,
  };
}

/** Scales first-month headcounts so the rosters involve about `persons` people in all. */
export function scaleHeadcounts(all: WorkforceDynamics[], persons: number): void {
  const raw = all.reduce((sum, d) => sum + d.headcount, 0);
  const factor = persons / (raw * PERSONS_PER_HEAD);
  for (const dynamics of all) dynamics.headcount = Math.max(3, Math.round(dynamics.headcount * factor));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
