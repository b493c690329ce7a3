import type { OccupationTable, RegionTable } from '../reference/reference.table.ts';
import { createPlacePicker } from './demo-places.ts';
import type { DemoScale } from './demo-scales.ts';
import { generateEnterprises, type DemoEnterprise } from './generate-enterprises.ts';
import { createPersonFactory } from './generate-persons.ts';
import { groupOccupations } from './generate-registries.ts';
import {
  simulateWorkforce,
  type EnterpriseWorkforce,
  type RosterRow,
  type WorkforceEnvironment,
} from './generate-workforce.ts';
import { LabourPool, type PoolRegistration } from './labour-pool.ts';

/** What the generator needs: the scale, the seed, and the reference data it draws codes from. */
export interface DemoInput {
  scale: DemoScale;
  seed: number;
  regions: readonly RegionTable[];
  occupations: readonly OccupationTable[];
  /** The id the first new person gets (persons are numbered by the generator). */
  firstPersonId: number;
}

/** A batch of enterprises with their 24 months of workforce data, written in one transaction. */
export interface DemoBatch {
  items: { enterprise: DemoEnterprise; workforce: EnterpriseWorkforce }[];
  /** Registrations left open when the run ends (only on the last batch). */
  openRegistrations: PoolRegistration[];
  /** Enterprises generated so far, this batch included. */
  done: number;
  total: number;
}

// People between jobs kept for later enterprises; beyond this the oldest drop out.
const POOL_CAPACITY = 5_000;

/**
 * Generates the demo data batch by batch: only one batch's persons are in memory at a time,
 * whatever the scale. Deterministic for a seed and the same reference data.
 */
export function* generateDemoBatches(
  input: DemoInput,
  onRoster?: (uscc: string, period: number, rows: RosterRow[]) => void,
): Generator<DemoBatch> {
  const enterprises = generateEnterprises(input.scale, input.seed, input.regions);
  let certificateSerial = 0;
  const env: WorkforceEnvironment = {
    seed: input.seed,
    persons: createPersonFactory(createPlacePicker(input.regions).all, input.firstPersonId),
    pool: new LabourPool(POOL_CAPACITY),
    occupations: groupOccupations(input.occupations),
    nextCertificateSerial: () => (certificateSerial += 1),
  };
  const size = input.scale.batchEnterprises;
  for (let start = 0; start < enterprises.length; start += size) {
    const items = enterprises.slice(start, start + size).map((enterprise) => ({
      enterprise,
      workforce: simulateWorkforce(
        enterprise,
        env,
        onRoster && ((period, rows) => onRoster(enterprise.uscc, period, rows)),
      ),
    }));
    const isLast = start + size >= enterprises.length;
    yield {
      items,
      openRegistrations: isLast ? env.pool.drain() : [],
      done: Math.min(start + size, enterprises.length),
      total: enterprises.length,
    };
  }
}
