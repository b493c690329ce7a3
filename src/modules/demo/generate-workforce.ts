import { DEMO_PERIODS } from './demo-scales.ts';
import { dateBetween, dateInMonth, periodOfMonth } from './demo-dates.ts';
import type { DemoEnterprise } from './generate-enterprises.ts';
import { drawNewcomer } from './generate-newcomers.ts';
import type { DemoPerson, PersonFactory } from './generate-persons.ts';
import { drawRegistries, type OccupationChoices, type PersonRegistries } from './generate-registries.ts';
import type { LabourPool, PoolRegistration } from './labour-pool.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import { chooseLeavers } from './separations.ts';
import { drawBaseFen, raisedBaseFen } from './wages.ts';

/** One employment spell as the roster import would have built it. */
export interface DemoSpell {
  personId: number;
  firstPeriod: number;
  lastPeriod: number;
  leaveReason: string | null;
  /** Base of the spell's last month, in fen. */
  baseFen: number;
}

/** An enterprise's monthly contribution totals, in fen. */
export interface DemoContribution {
  period: number;
  insured: number;
  pensionFen: number;
  unemploymentUnitFen: number;
  unemploymentPersonalFen: number;
  injuryFen: number;
}

/** Everything one enterprise's 24 rosters produce. */
export interface EnterpriseWorkforce {
  newPersons: { person: DemoPerson; registries: PersonRegistries }[];
  spells: DemoSpell[];
  contributions: DemoContribution[];
  rosterPeriods: number[];
  /** Registrations of persons made in earlier enterprises (closed on re-employment here, or open). */
  registrations: PoolRegistration[];
}

/** One roster row: who was insured in the month, on what base, and why they left (last month only). */
export interface RosterRow {
  person: DemoPerson;
  baseFen: number;
  leaveReason: string | null;
}

/** What the simulation shares across enterprises. */
export interface WorkforceEnvironment {
  seed: number;
  persons: PersonFactory;
  pool: LabourPool;
  occupations: OccupationChoices;
  nextCertificateSerial(): number;
}

/** An insured person during the simulation. */
export interface Employee {
  person: DemoPerson;
  firstMonth: number;
  baseFen: number;
}

const FIRST_MONTH = Math.floor(DEMO_PERIODS[0]! / 100) * 12 + (DEMO_PERIODS[0]! % 100) - 1;
const LAST_MONTH = FIRST_MONTH + DEMO_PERIODS.length - 1;
// Share of hires who come from another enterprise of the register rather than from outside it.
const MOVER_SHARE = 0.25;

/**
 * Runs one enterprise through the 24 months: a first-month stock, then hires toward a
 * growing target, separations (contract ends, retirements at statutory age, the odd death),
 * a mass layoff, a payment stop or a closure where its dynamics say so. Contributions are
 * computed from the very spells written, so insured always equals the spells of the month.
 * `onRoster` receives each month's rows (the benchmark writes them as a roster file).
 */
export function simulateWorkforce(
  enterprise: DemoEnterprise,
  env: WorkforceEnvironment,
  onRoster?: (period: number, rows: RosterRow[]) => void,
): EnterpriseWorkforce {
  const random = createRandom(deriveSeed(env.seed, 'workforce', enterprise.index));
  const out: EnterpriseWorkforce = {
    newPersons: [],
    spells: [],
    contributions: [],
    rosterPeriods: [],
    registrations: [],
  };
  const dynamics = enterprise.dynamics;
  let active: Employee[] = [];
  for (let i = 0; i < dynamics.headcount; i += 1)
    active.push(hireNewcomer(random, enterprise, env, out, FIRST_MONTH, true));
  let target = dynamics.headcount;
  for (let month = FIRST_MONTH; month <= LAST_MONTH; month += 1) {
    const m = month - FIRST_MONTH;
    const isFrozen = dynamics.stopsPayingFrom !== null && m >= dynamics.stopsPayingFrom;
    if (m > 0) {
      target *= 1 + dynamics.monthlyGrowth;
      const vacancies = isFrozen ? 0 : Math.round(target) - active.length;
      for (let i = 0; i < vacancies; i += 1) active.push(hire(random, enterprise, env, out, month));
    }
    // 社保年度: bases are reset every July.
    if (month % 12 === 6) for (const employee of active) employee.baseFen = raisedBaseFen(random, employee.baseFen);
    out.rosterPeriods.push(periodOfMonth(month));
    if (!isFrozen) out.contributions.push(contributionOf(periodOfMonth(month), active, dynamics.injuryRateBasisPoints));
    const leavers = chooseLeavers(random, active, month, dynamics, m);
    onRoster?.(
      periodOfMonth(month),
      active.map((e) => ({ person: e.person, baseFen: e.baseFen, leaveReason: leavers.get(e) ?? null })),
    );
    active = active.filter((employee) => {
      const reason = leavers.get(employee);
      if (reason === undefined) return true;
      closeSpell(out, employee, month, reason);
      offerToPool(random, env.pool, out, employee, month, reason);
      return false;
    });
    // After a layoff the enterprise stays smaller; after a closure nothing follows.
    if (m === dynamics.layoffMonth) target = active.length;
    if (m === dynamics.closesAt) break;
  }
  for (const employee of active) closeSpell(out, employee, LAST_MONTH, null);
  out.registrations.push(...env.pool.takeDroppedRegistrations());
  return out;
}

function hire(
  random: Random,
  enterprise: DemoEnterprise,
  env: WorkforceEnvironment,
  out: EnterpriseWorkforce,
  month: number,
): Employee {
  const mover = random.chance(MOVER_SHARE) ? env.pool.take(random, month) : undefined;
  if (!mover) return hireNewcomer(random, enterprise, env, out, month, false);
  if (mover.registeredOn) {
    out.registrations.push({
      personId: mover.person.id,
      registeredOn: mover.registeredOn,
      closedOn: dateInMonth(month, random.int(1, 10)),
    });
  }
  return { person: mover.person, firstMonth: month, baseFen: raisedBaseFen(random, mover.baseFen) };
}

function hireNewcomer(
  random: Random,
  enterprise: DemoEnterprise,
  env: WorkforceEnvironment,
  out: EnterpriseWorkforce,
  month: number,
  isStock: boolean,
): Employee {
  const newcomer = drawNewcomer(random, month, isStock);
  const person = env.persons.create(random, {
    homeCityCode: enterprise.place.cityCode,
    sex: newcomer.sex,
    birthDate: newcomer.birthDate,
    hireMonth: month,
  });
  const registries = drawRegistries(random, person, newcomer, {
    hireMonth: month,
    isStock,
    industryCode: enterprise.industryCode,
    cityCode: enterprise.place.cityCode,
    occupations: env.occupations,
    nextCertificateSerial: env.nextCertificateSerial,
  });
  out.newPersons.push({ person, registries });
  return { person, firstMonth: month, baseFen: drawBaseFen(random, enterprise.dynamics.medianBaseYuan, registries) };
}

function closeSpell(out: EnterpriseWorkforce, employee: Employee, month: number, leaveReason: string | null): void {
  out.spells.push({
    personId: employee.person.id,
    firstPeriod: periodOfMonth(employee.firstMonth),
    lastPeriod: periodOfMonth(month),
    leaveReason,
    baseFen: employee.baseFen,
  });
}

// Leavers who may work again: some register as unemployed the next month; half of them
// are kept for later enterprises, the rest stay out of the register's rosters.
function offerToPool(
  random: Random,
  pool: LabourPool,
  out: EnterpriseWorkforce,
  employee: Employee,
  month: number,
  reason: string,
): void {
  const isInvoluntary = reason === 'economic_layoff' || reason === 'closure';
  if (reason === 'retirement' || reason === 'death' || reason === 'natural_other') return;
  const registers = month < LAST_MONTH && random.chance(isInvoluntary ? 0.35 : 0.12);
  const registeredOn = registers ? dateBetween(random, dateInMonth(month + 1, 1), dateInMonth(month + 1, 25)) : null;
  if (random.chance(0.5)) {
    pool.offer({ person: employee.person, availableFrom: month + 2, baseFen: employee.baseFen, registeredOn });
  } else if (registeredOn) {
    out.registrations.push({ personId: employee.person.id, registeredOn, closedOn: null });
  }
}

/**
 * Contribution totals of a month from the staff's bases: pension 16 %, unemployment 0.5 %
 * employer and 0.5 % employee, injury at the enterprise's rate — each rounded to the fen.
 */
export function contributionOf(
  period: number,
  staff: readonly { baseFen: number }[],
  injuryRateBasisPoints: number,
): DemoContribution {
  const baseSum = staff.reduce((sum, e) => sum + e.baseFen, 0);
  return {
    period,
    insured: staff.length,
    pensionFen: Math.round((baseSum * 16) / 100),
    unemploymentUnitFen: Math.round((baseSum * 5) / 1000),
    unemploymentPersonalFen: Math.round((baseSum * 5) / 1000),
    injuryFen: Math.round((baseSum * injuryRateBasisPoints) / 10_000),
  };
}
