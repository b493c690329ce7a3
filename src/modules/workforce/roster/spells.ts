import { indexToPeriod, periodToIndex } from '../periods.ts';

/**
 * Employment spells (SPEC §2.3): a roster says "person P was insured at enterprise E in month
 * m"; storing that for every month would grow with months × people, so consecutive months
 * are kept as one spell (first month, last month). This file is the pure merge: given the
 * stored spells and a batch of roster months, it plans the inserts, updates and deletes that
 * leave exactly the maximal runs of consecutive months, whatever the order or duplication
 * in which months arrive.
 */

/** What a spell records, without its row id. */
export interface SpellFields {
  personId: number;
  uscc: string;
  firstPeriod: number;
  lastPeriod: number;
  /** Leave-reason code given on the spell's last month, if any. */
  leaveReason: string | null;
  /** 缴费基数 of the spell's last month, in fen. */
  baseFen: number;
}

/** A spell as stored, with its row id. */
export interface StoredSpell extends SpellFields {
  id: number;
}

/** One roster row: the person was insured at the enterprise in this period. */
export interface RosterMonth {
  personId: number;
  uscc: string;
  period: number;
  baseFen: number;
  leaveReason: string | null;
}

/** The writes that bring the stored spells up to date with a batch. */
export interface SpellPlan {
  inserts: SpellFields[];
  updates: StoredSpell[];
  deletes: number[];
  /** Per input month: whether it created or changed something (false for a repeat). */
  isEffective: boolean[];
}

/** A month of a batch, repeats collapsed: where planning records whether it changed anything. */
export interface BatchMonth extends RosterMonth {
  /** Index into `isEffective` (for planSpellChanges: of the last input row of a repeated month). */
  inputIndex: number;
}

/** Spells of one (person, enterprise) pair are planned together; the key joins the two. */
export function spellKey(personId: number, uscc: string): string {
  return `${personId}|${uscc}`;
}

/** Plans the changes that merge a batch of roster months into the stored spells. */
export function planSpellChanges(existing: readonly StoredSpell[], months: readonly RosterMonth[]): SpellPlan {
  const plan: SpellPlan = { inserts: [], updates: [], deletes: [], isEffective: months.map(() => false) };
  const stored = groupBy(existing, (s) => spellKey(s.personId, s.uscc));
  for (const [key, batch] of collapseRepeats(months)) {
    planPairChanges(plan, stored.get(key) ?? [], [...batch.values()]);
  }
  return plan;
}

// A month repeated within a batch counts once: the last row's base wins (a later row
// corrects an earlier one) and any reason given on one of the rows is kept, so that one
// batch and the same rows split over several batches end the same way.
function collapseRepeats(months: readonly RosterMonth[]): Map<string, Map<number, BatchMonth>> {
  const byKey = new Map<string, Map<number, BatchMonth>>();
  months.forEach((month, inputIndex) => {
    const key = spellKey(month.personId, month.uscc);
    let batch = byKey.get(key);
    if (!batch) byKey.set(key, (batch = new Map()));
    const earlier = batch.get(month.period);
    batch.set(month.period, { ...month, leaveReason: month.leaveReason ?? earlier?.leaveReason ?? null, inputIndex });
  });
  return byKey;
}

interface Interval {
  start: number;
  end: number;
  spell?: StoredSpell;
  month?: BatchMonth;
}

/**
 * Plans one (person, enterprise) pair: its stored spells and its months of the batch, one per
 * period. Adds the pair's writes to the plan and sets `isEffective` for each month.
 */
export function planPairChanges(plan: SpellPlan, spells: readonly StoredSpell[], months: readonly BatchMonth[]): void {
  if (!planNewOrExtendingRun(plan, spells, months)) planMergedPairChanges(plan, spells, months);
}

/**
 * The two shapes nearly every pair of a roster has, planned without building intervals: new
 * months forming one run with nothing stored (a new spell), or right after the one stored
 * spell (its extension). Every month is effective. Answers false for any other shape;
 * `spells.test.ts` holds it to the general planner's answers.
 */
function planNewOrExtendingRun(
  plan: SpellPlan,
  spells: readonly StoredSpell[],
  months: readonly BatchMonth[],
): boolean {
  if (spells.length > 1 || months.length === 0) return false;
  let last = months[0]!;
  let firstIndex = periodToIndex(last.period);
  let lastIndex = firstIndex;
  for (const month of months) {
    const index = periodToIndex(month.period);
    if (index < firstIndex) firstIndex = index;
    if (index > lastIndex) {
      lastIndex = index;
      last = month;
    }
  }
  // Distinct periods spanning exactly as many months as there are: one run without gaps.
  if (lastIndex - firstIndex + 1 !== months.length) return false;
  const stored = spells[0];
  if (stored && periodToIndex(stored.lastPeriod) + 1 !== firstIndex) return false;
  for (const month of months) plan.isEffective[month.inputIndex] = true;
  // Objects written out, not spread from a template: V8 keeps spread copies alive into its
  // old generation, which grew a 1.5-million-row import by tens of MB.
  if (stored) {
    plan.updates.push({
      id: stored.id,
      personId: last.personId,
      uscc: last.uscc,
      firstPeriod: stored.firstPeriod,
      lastPeriod: last.period,
      leaveReason: last.leaveReason,
      baseFen: last.baseFen,
    });
  } else {
    plan.inserts.push({
      personId: last.personId,
      uscc: last.uscc,
      firstPeriod: indexToPeriod(firstIndex),
      lastPeriod: last.period,
      leaveReason: last.leaveReason,
      baseFen: last.baseFen,
    });
  }
  return true;
}

/** The general planner: stored spells and months as intervals, merged into maximal runs. */
export function planMergedPairChanges(
  plan: SpellPlan,
  spells: readonly StoredSpell[],
  months: readonly BatchMonth[],
): void {
  const intervals: Interval[] = [
    ...spells.map((spell) => ({
      start: periodToIndex(spell.firstPeriod),
      end: periodToIndex(spell.lastPeriod),
      spell,
    })),
    ...months.map((month) => ({ start: periodToIndex(month.period), end: periodToIndex(month.period), month })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  let run: Interval[] = [];
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const interval of intervals) {
    // Adjacent months (end + 1) belong to the same run: that is what makes a spell continuous.
    if (run.length > 0 && interval.start > runEnd + 1) {
      planRun(plan, run);
      run = [];
    }
    run.push(interval);
    runEnd = run.length === 1 ? interval.end : Math.max(runEnd, interval.end);
  }
  if (run.length > 0) planRun(plan, run);
}

function planRun(plan: SpellPlan, run: Interval[]): void {
  const spells: StoredSpell[] = [];
  const months: BatchMonth[] = [];
  for (const interval of run) {
    if (interval.spell) spells.push(interval.spell);
    if (interval.month) months.push(interval.month);
  }
  // Intervals are sorted by start, so the first one starts the run; the end is the largest end.
  const first = run[0]!;
  const last = run.reduce((a, b) => (b.end > a.end ? b : a));
  const firstPeriod = first.spell?.firstPeriod ?? first.month!.period;
  const lastPeriod = last.spell?.lastPeriod ?? last.month!.period;
  const lastMonth = months.find((m) => m.period === lastPeriod);
  const lastSpell = spells.find((s) => s.lastPeriod === lastPeriod);
  const template = spells[0] ?? months[0]!;
  const result: SpellFields = {
    personId: template.personId,
    uscc: template.uscc,
    firstPeriod,
    lastPeriod,
    leaveReason: lastMonth?.leaveReason ?? lastSpell?.leaveReason ?? null,
    baseFen: lastMonth?.baseFen ?? lastSpell!.baseFen,
  };
  for (const month of months) plan.isEffective[month.inputIndex] = isMonthEffective(month, spells, lastSpell);
  const [kept, ...merged] = spells;
  if (!kept) {
    plan.inserts.push(result);
    return;
  }
  // The earliest stored spell of the run survives; its first period can only move earlier,
  // so the unique (person, enterprise, first period) key never collides with a survivor.
  plan.deletes.push(...merged.map((s) => s.id));
  // Written out, not spread (see planNewOrExtendingRun).
  if (merged.length > 0 || !sameSpell(kept, result))
    plan.updates.push({
      id: kept.id,
      personId: result.personId,
      uscc: result.uscc,
      firstPeriod: result.firstPeriod,
      lastPeriod: result.lastPeriod,
      leaveReason: result.leaveReason,
      baseFen: result.baseFen,
    });
}

function isMonthEffective(month: BatchMonth, spells: StoredSpell[], lastSpell: StoredSpell | undefined): boolean {
  const isCovered = spells.some((s) => s.firstPeriod <= month.period && month.period <= s.lastPeriod);
  if (!isCovered) return true;
  if (lastSpell?.lastPeriod !== month.period) return false;
  const changesReason = month.leaveReason !== null && month.leaveReason !== lastSpell.leaveReason;
  return changesReason || month.baseFen !== lastSpell.baseFen;
}

function sameSpell(a: SpellFields, b: SpellFields): boolean {
  return (
    a.firstPeriod === b.firstPeriod &&
    a.lastPeriod === b.lastPeriod &&
    a.leaveReason === b.leaveReason &&
    a.baseFen === b.baseFen
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The maximal runs of consecutive months in a set of periods, as [first, last] pairs. */
export function maximalRuns(periods: Iterable<number>): [number, number][] {
  const indexes = [...new Set([...periods].map(periodToIndex))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const index of indexes) {
    const last = runs.at(-1);
    if (last && periodToIndex(last[1]) + 1 === index) last[1] = indexToPeriod(index);
    else runs.push([indexToPeriod(index), indexToPeriod(index)]);
  }
  return runs;
}
