import type { WorkforceDynamics } from './enterprise-dynamics.ts';
import type { Employee } from './generate-workforce.ts';
import type { Random } from './random.ts';

// Why people leave in an ordinary month (codes of leave-reasons.ts): mostly contracts ended
// or terminated; a little business transfer, other and other natural attrition.
const ORDINARY_REASONS: readonly (readonly [string, number])[] = [
  ['contract_ended', 88],
  ['other', 6],
  ['business_transfer', 3],
  ['natural_other', 1],
];

// Turnover peaks around the Spring Festival (January, February) and after the summer.
const SEASON: Record<number, number> = { 0: 1.3, 1: 1.8, 2: 1.2, 8: 1.1 };

const DEATH_RATE = 0.000_08;

/**
 * Who leaves at the end of a month, and why: retirement in the month of statutory age,
 * ordinary separations at the enterprise's rate, a mass layoff (经济性裁员) in its layoff
 * month, everyone at closure.
 */
export function chooseLeavers(
  random: Random,
  staff: readonly Employee[],
  month: number,
  dynamics: WorkforceDynamics,
  m: number,
): Map<Employee, string> {
  const leavers = new Map<Employee, string>();
  const rate = dynamics.separationRate * (SEASON[month % 12] ?? 1);
  for (const employee of staff) {
    if (m === dynamics.closesAt) leavers.set(employee, 'closure');
    else if (employee.person.retirementMonth <= month) leavers.set(employee, 'retirement');
    else if (random.chance(DEATH_RATE)) leavers.set(employee, 'death');
    // Nobody leaves in the month they were hired: a one-month spell would be noise.
    else if (employee.firstMonth < month && random.chance(rate))
      leavers.set(employee, random.weighted(ORDINARY_REASONS));
  }
  if (m === dynamics.layoffMonth) layOff(random, staff, leavers, Math.ceil(staff.length * dynamics.layoffShare));
  return leavers;
}

// Chooses the laid-off among those not leaving anyway, so the month's loss is the ordinary
// separations plus at least the layoff share.
function layOff(random: Random, staff: readonly Employee[], leavers: Map<Employee, string>, count: number): void {
  const remaining = staff.filter((e) => !leavers.has(e));
  for (let i = 0; i < count && remaining.length > 0; i += 1) {
    const [chosen] = remaining.splice(random.int(0, remaining.length - 1), 1);
    leavers.set(chosen!, 'economic_layoff');
  }
}
