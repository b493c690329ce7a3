/**
 * How much demo data each scale makes. `province` is the SPEC §6 benchmark scale; `small` is
 * what `npm start` loads into an empty database; `tiny` keeps the tests fast on both databases.
 */
export interface DemoScale {
  name: DemoScaleName;
  enterprises: number;
  /** Persons the rosters should involve; headcounts are scaled to land near it. */
  persons: number;
  /** Enterprises generated, written and reported per batch (one transaction each). */
  batchEnterprises: number;
}

/** The scales `yangfan demo --scale` accepts (`tiny` is for tests). */
export type DemoScaleName = 'tiny' | 'small' | 'province';

/** Each scale's size; `persons` is a target the generator lands near, not an exact count. */
export const DEMO_SCALES: Record<DemoScaleName, DemoScale> = {
  tiny: { name: 'tiny', enterprises: 20, persons: 1_000, batchEnterprises: 10 },
  small: { name: 'small', enterprises: 300, persons: 20_000, batchEnterprises: 100 },
  province: { name: 'province', enterprises: 15_000, persons: 1_500_000, batchEnterprises: 250 },
};

/** The seed used when none is given: the demo on every fresh clone looks the same. */
export const DEFAULT_DEMO_SEED = 2024;

/** The 24 monthly rosters of the plan window, 202401–202512 (SPEC §2.4). */
export const DEMO_PERIODS: readonly number[] = Array.from(
  { length: 24 },
  (_, i) => (2024 + Math.floor(i / 12)) * 100 + (i % 12) + 1,
);

/** The day the demo register describes: validity and "expiring within 90 days" are seen from here. */
export const DEMO_REPORT_DATE = '2025-12-31';

/** Whether a text names a scale. */
export function isDemoScaleName(value: string): value is DemoScaleName {
  return Object.hasOwn(DEMO_SCALES, value);
}
