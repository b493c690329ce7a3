import type { AppContext } from '../../app-context.ts';
import { skillsVersionOf } from './skills.repository.ts';
import { countDemonstrationBases } from './internships/internships.repository.ts';
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

/** What the dashboard's remembered answers are checked against: changes with records and selections. */
export async function skillsDataVersion(ctx: Pick<AppContext, 'db'>): Promise<string> {
  return skillsVersionOf(ctx.db);
}
