import type { Db } from '../../../db/database.ts';
import {
  sumAbsorbed,
  sumFlows,
  sumPaidBenefits,
  sumStocks,
  type GroupKey,
  type StatsFilter,
} from './indicators.repository.ts';
import { monthEnd } from '../report-period.ts';

/**
 * The raw counts every computed indicator is derived from, per group key. Kept additive (no
 * ratios) so units can be combined — a city with its directly-administered county on the map —
 * before shares are taken.
 */
export interface Components {
  monitored: number;
  insured: number;
  hires: number;
  separations: number;
  layoffSeparations: number;
  contributionsFen: number;
  absorbed: number;
  absorbedInPeriod: number;
  graduates: number;
  highSkill: number;
  seniorTitle: number;
  /** Benefit cases paid (settled by the bank) to monitored enterprises, and their amount. */
  paidCases: number;
  paidFen: number;
}

export function emptyComponents(): Components {
  return {
    monitored: 0,
    insured: 0,
    hires: 0,
    separations: 0,
    layoffSeparations: 0,
    contributionsFen: 0,
    absorbed: 0,
    absorbedInPeriod: 0,
    graduates: 0,
    highSkill: 0,
    seniorTitle: 0,
    paidCases: 0,
    paidFen: 0,
  };
}

/** Adds b into a. */
export function addComponents(a: Components, b: Components): Components {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof Components)[]) sum[key] += b[key];
  return sum;
}

export interface Months {
  /** The months with data inside the report period. */
  from: number;
  to: number;
  /** The plan window cumulative figures count from. */
  window: { from: number; to: number };
}

/**
 * Components per key: stocks at the period's last month, flows (paid benefits among them) over
 * its months, absorbed persons from the window's start (skills and titles as held on the last
 * month's last day).
 */
export async function loadComponents(
  db: Db,
  filter: StatsFilter,
  months: Months,
  key: GroupKey,
): Promise<Map<string, Components>> {
  const absorbedTo = Math.min(months.to, months.window.to);
  const [stocks, flows, absorbed, paid] = await Promise.all([
    sumStocks(db, filter, { from: months.to, to: months.to }, key),
    sumFlows(db, filter, months, key),
    sumAbsorbed(
      db,
      filter,
      { windowFrom: months.window.from, periodFrom: months.from, to: absorbedTo },
      monthEnd(months.to),
      key,
    ),
    sumPaidBenefits(db, filter, months, key),
  ]);
  const byKey = new Map<string, Components>();
  const entry = (k: string) => {
    let c = byKey.get(k);
    if (!c) byKey.set(k, (c = emptyComponents()));
    return c;
  };
  for (const s of stocks) Object.assign(entry(s.key), { monitored: s.monitored, insured: s.insured });
  for (const f of flows)
    Object.assign(entry(f.key), {
      hires: f.hires,
      separations: f.separations,
      layoffSeparations: f.layoffSeparations,
      contributionsFen: f.contributionsFen,
    });
  for (const a of absorbed) {
    Object.assign(entry(a.key), {
      absorbed: a.absorbed,
      absorbedInPeriod: a.inPeriod,
      graduates: a.graduates,
      highSkill: a.highSkill,
      seniorTitle: a.seniorTitle,
    });
  }
  for (const p of paid) Object.assign(entry(p.key), { paidCases: p.cases, paidFen: p.fen });
  return byKey;
}
