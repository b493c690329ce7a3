import { loadTraineeMonths } from '../../skills/internships/internship-facts.service.ts';
import type { FactSource } from './subjects.ts';

/**
 * 就业见习补贴: one row per trainee and month actually served (the skills module's trainee records),
 * for the months of the evaluation date's year up to that date: a 2024 run pays 2024's months at
 * 2024's standard, a 2025 run 2025's. Only ended internships have rows (the months served and the
 * retention are known then). The benefit identity is the person and the month.
 */
export const internshipFacts: FactSource = {
  subjectLabel: '见习人员的见习月份',
  isPerEnterprise: false,
  assumptions: {},
  async load(db, policy, scope, date) {
    const year = date.slice(0, 4);
    const from = `${year}-01-01` > policy.valid.from ? `${year}-01-01` : policy.valid.from;
    const to = date < policy.valid.to ? date : policy.valid.to;
    const months = await loadTraineeMonths(db, from, to, scope.kind === 'enterprise' ? scope.uscc : undefined);
    return months.map((m) => ({
      key: `trainee:${m.personId}:${m.uscc}:${m.startDate}:${m.period}`,
      uscc: m.uscc,
      region: m.region,
      facts: m.facts,
      personId: m.personId,
      order: `${m.monthFrom}|${m.uscc}`,
      identity: { person: String(m.personId), month: m.period },
      describe: {
        month: m.period,
        served_from: m.monthFrom,
        served_to: m.monthTo,
        month_no: Number(m.facts.internship_month_no),
      },
    }));
  },
};
