import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { reviewTimelinessOfYear } from '../../benefits/cases/review-timeliness.service.ts';
import { latestApprovedPlans } from '../plans.repository.ts';
import type { AssessmentIndicator } from './assessment-weights.ts';
import * as assessment from './assessment.repository.ts';

export type Figures = Map<string, Map<string, number | null>>;
/** The counts behind a figure, in words, per figure and unit (e.g. 按时 18 / 20 件). */
type Basis = Map<string, Map<string, string>>;

/** The unit a region's figure counts for: itself when it is a unit (a city, 昆山, 泰兴, 沭阳), else its city. */
function unitOf(region: string, units: Set<string>): string {
  return units.has(region) ? region : `${region.slice(0, 4)}00`;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/**
 * The assessment's own figures per unit for the year, with the counts behind each: request satisfaction,
 * plan filing, plan milestones met on time, 调度 returns on time, and review timeliness on the 免申即享 clock
 * (the benefits module's service).
 */
export async function governanceFigures(
  db: Db,
  year: number,
  today: string,
  units: Set<string>,
  indicators: AssessmentIndicator[],
) {
  const figures: Figures = new Map();
  const basis: Basis = new Map();
  const ratings = await assessment.ratingsByRegion(db, year);
  const sums = new Map<string, { n: number; sum: number }>();
  for (const r of ratings) {
    const unit = unitOf(r.region_code, units);
    const entry = sums.get(unit) ?? { n: 0, sum: 0 };
    entry.n += toNumber(r.rated);
    entry.sum += toNumber(r.rating_sum);
    sums.set(unit, entry);
  }
  figures.set(
    'governance:request_satisfaction',
    new Map(
      [...units].map((u) => [u, sums.get(u) ? Math.round((sums.get(u)!.sum / sums.get(u)!.n) * 100) / 100 : null]),
    ),
  );
  basis.set('governance:request_satisfaction', new Map([...units].map((u) => [u, `评价 ${sums.get(u)?.n ?? 0} 件`])));
  const lateCredit = indicators.find((i) => i.figure === 'governance:plan_filed')?.late_credit ?? 0;
  const plans = new Map(
    (await assessment.approvedPlansByRegion(db)).map((p) => [p.region_code, toNumber(p.best_is_late as number)]),
  );
  figures.set(
    'governance:plan_filed',
    new Map([...units].map((u) => [u, plans.has(u) ? (plans.get(u) === 0 ? 1 : lateCredit) : 0])),
  );
  basis.set(
    'governance:plan_filed',
    new Map([...units].map((u) => [u, plans.has(u) ? (plans.get(u) === 0 ? '按时备案' : '逾期备案') : '未备案'])),
  );
  const dispatch = await assessment.dispatchReturnsOfYear(db, year);
  const onTime = new Map(dispatch.returns.map((r) => [r.region_code, toNumber(r.on_time)]));
  figures.set(
    'governance:dispatch_on_time',
    new Map([...units].map((u) => [u, share(onTime.get(u) ?? 0, dispatch.rounds)])),
  );
  basis.set(
    'governance:dispatch_on_time',
    new Map([...units].map((u) => [u, `按时报送 ${onTime.get(u) ?? 0} / ${dispatch.rounds} 轮`])),
  );
  const milestones = new Map<string, { due: number; met: number }>();
  for (const plan of await latestApprovedPlans(db)) {
    const unit = unitOf(plan.region_code, units);
    const entry = milestones.get(unit) ?? { due: 0, met: 0 };
    plan.milestones.forEach((m) => {
      const doneOn = m.doneOn;
      // A milestone of the year counts once its date has passed or it was reported done.
      if (m.date.slice(0, 4) !== String(year) || (m.date >= today && !doneOn)) return;
      entry.due += 1;
      if (doneOn && doneOn <= m.date) entry.met += 1;
    });
    milestones.set(unit, entry);
  }
  figures.set(
    'governance:plan_milestones_on_time',
    new Map([...units].map((u) => [u, share(milestones.get(u)?.met ?? 0, milestones.get(u)?.due ?? 0)])),
  );
  basis.set(
    'governance:plan_milestones_on_time',
    new Map(
      [...units].map((u) => [
        u,
        milestones.has(u)
          ? `按时完成 ${milestones.get(u)!.met} / ${milestones.get(u)!.due} 个到期节点`
          : '无已备案实施方案',
      ]),
    ),
  );
  const reviews = new Map<string, { reviewed: number; onTime: number; waitingLate: number }>();
  for (const [region, r] of await reviewTimelinessOfYear(db, year, today)) {
    const unit = unitOf(region, units);
    const entry = reviews.get(unit) ?? { reviewed: 0, onTime: 0, waitingLate: 0 };
    entry.reviewed += r.reviewed;
    entry.onTime += r.onTime;
    entry.waitingLate += r.waitingLate;
    reviews.set(unit, entry);
  }
  figures.set(
    'benefits:review_on_time',
    new Map(
      [...units].map((u) => {
        const r = reviews.get(u);
        return [u, r ? share(r.onTime, r.reviewed + r.waitingLate) : null];
      }),
    ),
  );
  basis.set(
    'benefits:review_on_time',
    new Map(
      [...units].map((u) => {
        const r = reviews.get(u) ?? { reviewed: 0, onTime: 0, waitingLate: 0 };
        return [u, `按时审核 ${r.onTime} / 审核完成 ${r.reviewed} 件，超时未审 ${r.waitingLate} 件`];
      }),
    ),
  );
  return { figures, basis };
}
