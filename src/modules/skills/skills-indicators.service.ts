import type { AppContext } from '../../app-context.ts';
import { skillsVersionOf } from './skills.repository.ts';
import { countDemonstrationBases, countDemonstrationBasesBy } from './internships/internships.repository.ts';
import { countTrainingPersonTimes } from './training/training.service.ts';

/**
 * The plan's indicators this module answers (training person-times, demonstration internship
 * bases), for the monitoring dashboard and the 通报: counted live, for the county codes and
 * enterprises of the caller's view (absent: the province), in the plan window up to the report month.
 */
export async function skillsIndicatorActuals(
  ctx: Pick<AppContext, 'db'>,
  filter: { regionCodes?: readonly string[]; usccs?: readonly string[] },
  window: { from: number; to: number },
): Promise<Record<string, number>> {
  const [training] = await countTrainingPersonTimes(ctx, window, filter, 'none');
  return {
    training_person_times: training?.total ?? 0,
    training_manufacturing_person_times: training?.manufacturing ?? 0,
    training_digital_person_times: training?.digital ?? 0,
    demonstration_internship_bases: await countDemonstrationBases(ctx.db, filter.regionCodes, filter.usccs),
  };
}

export interface SkillsFigures {
  training_person_times: number;
  training_manufacturing_person_times: number;
  training_digital_person_times: number;
  demonstration_internship_bases: number;
}

/**
 * The same indicators month by month and city by city, for the dashboard's 技能人才 tab: training
 * person-times by the month the training ended (summing to the window's figure) and demonstration
 * bases by the month they were selected; by city, each figure as the indicator counts it.
 */
export async function skillsIndicatorBreakdown(
  ctx: Pick<AppContext, 'db'>,
  filter: { regionCodes?: readonly string[]; usccs?: readonly string[] },
  window: { from: number; to: number },
): Promise<{ months: (SkillsFigures & { key: string })[]; cities: (SkillsFigures & { key: string })[] }> {
  const [trainingByMonth, trainingByCity, basesByMonth, basesByCity] = await Promise.all([
    countTrainingPersonTimes(ctx, window, filter, 'month'),
    countTrainingPersonTimes(ctx, window, filter, 'city'),
    countDemonstrationBasesBy(ctx.db, 'month', filter.regionCodes, filter.usccs),
    countDemonstrationBasesBy(ctx.db, 'city', filter.regionCodes, filter.usccs),
  ]);
  const merge = (
    training: readonly { key: string; total: number; manufacturing: number; digital: number }[],
    bases: readonly { key: string; n: number }[],
  ) => {
    const keys = [...new Set([...training.map((r) => r.key), ...bases.map((r) => r.key)])].sort();
    return keys.map((key) => {
      const t = training.find((r) => r.key === key);
      return {
        key,
        training_person_times: t?.total ?? 0,
        training_manufacturing_person_times: t?.manufacturing ?? 0,
        training_digital_person_times: t?.digital ?? 0,
        demonstration_internship_bases: bases.find((r) => r.key === key)?.n ?? 0,
      };
    });
  };
  return { months: merge(trainingByMonth, basesByMonth), cities: merge(trainingByCity, basesByCity) };
}

/** What the dashboard's remembered answers are checked against: changes with records and selections. */
export async function skillsDataVersion(ctx: Pick<AppContext, 'db'>): Promise<string> {
  return skillsVersionOf(ctx.db);
}
