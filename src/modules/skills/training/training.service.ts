import type { AppContext } from '../../../app-context.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import { isIsoDate } from '../../../platform/iso-date.ts';
import { OCCUPATION_CODE } from '../skills-columns.ts';
import type { ProgrammeType } from '../skills.table.ts';
import { trainingClassification } from './classification.ts';
import { skillsRegionsOf } from '../skills-scope.ts';
import {
  countTraining,
  findEnterpriseSections,
  findProgrammes,
  insertProgramme,
  listProgrammes,
  type TrainingCounts,
  type TrainingGrouping,
} from './training.repository.ts';

type SignedIn = Actor & { user: CurrentUser };

export const PROGRAMME_TYPES: readonly ProgrammeType[] = ['order', 'directed', 'post', 'project', 'apprentice'];

export interface ProgrammeInput {
  programme_no: string;
  name: string;
  type: ProgrammeType;
  provider: string;
  occupation_code: string;
  start_date: string;
  end_date: string;
  is_subsidised: boolean;
  usccs: string[];
}

/** Records a training programme (订单式, 定向, 定岗, 项目制, 企业新型学徒制) with its enterprises; audited. */
export async function createProgramme(ctx: AppContext, actor: SignedIn, input: ProgrammeInput) {
  const programmeNo = normalizeIdentifier(input.programme_no);
  if (!OCCUPATION_CODE.test(input.occupation_code))
    throw new AppError('VALIDATION_FAILED', `职业编码“${input.occupation_code}”应为大典格式，如 6-18-01-01`);
  if (!isIsoDate(input.start_date) || !isIsoDate(input.end_date) || input.end_date < input.start_date)
    throw new AppError('VALIDATION_FAILED', '培训起止日期不正确：结束日期不得早于开始日期');
  const usccs = [...new Set(input.usccs.map(normalizeIdentifier))];
  if (usccs.length === 0) throw new AppError('VALIDATION_FAILED', '请至少填写一家参训企业');
  const scope = await skillsRegionsOf(ctx, actor.user);
  return ctx.db.transaction().execute(async (trx) => {
    if ((await findProgrammes(trx, [programmeNo])).size > 0)
      throw new AppError('CONFLICT', `项目编号 ${programmeNo} 已登记`);
    const enterprises = await findEnterpriseSections(trx, usccs);
    const missing = usccs.filter(
      (u) => !enterprises.has(u) || (scope && !scope.includes(enterprises.get(u)!.region_code)),
    );
    if (missing.length) throw new AppError('NOT_FOUND', `企业不在培育库或不在本地区：${missing.join('、')}`);
    const region = actor.user.regionCode ?? enterprises.get(usccs[0]!)!.region_code;
    await insertProgramme(
      trx,
      {
        programme_no: programmeNo,
        name: input.name.trim(),
        type: input.type,
        provider: input.provider.trim(),
        occupation_code: input.occupation_code,
        start_date: input.start_date,
        end_date: input.end_date,
        is_subsidised: input.is_subsidised ? 1 : 0,
        region_code: region,
        created_at: ctx.clock().toISOString(),
        created_by: actor.user.id,
      },
      usccs,
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'skills.programme.create',
        outcome: 'success',
        objectType: 'training_programme',
        objectId: programmeNo,
        details: { type: input.type, enterprises: usccs.length },
      },
      ctx.clock(),
    );
    return { programme_no: programmeNo };
  });
}

/** The programmes the user's region covers (the province: all). */
export async function listTrainingProgrammes(ctx: AppContext, user: CurrentUser) {
  const scope = await skillsRegionsOf(ctx, user);
  const all = await listProgrammes(ctx.db, null);
  return { items: scope ? all.filter((p) => scope.includes(p.region_code)) : all };
}

/** The plan window as dates. */
function windowDates(window: { from: number; to: number }): { fromDate: string; toDate: string } {
  const to = String(window.to);
  const last = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(4)), 0)).getUTCDate();
  return {
    fromDate: `${String(window.from).slice(0, 4)}-${String(window.from).slice(4)}-01`,
    toDate: `${to.slice(0, 4)}-${to.slice(4)}-${String(last).padStart(2, '0')}`,
  };
}

/**
 * The three training indicators (person-times ending inside the window), for a set of county
 * codes and enterprises (absent: all), grouped by nothing, city or enterprise.
 */
export async function countTrainingPersonTimes(
  ctx: Pick<AppContext, 'db'>,
  window: { from: number; to: number },
  filter: { regionCodes?: readonly string[]; usccs?: readonly string[] },
  groupBy: TrainingGrouping = 'none',
): Promise<TrainingCounts[]> {
  return countTraining(
    ctx.db,
    { ...windowDates(window), isSubsidisedOnly: trainingClassification().isSubsidisedOnly, ...filter },
    groupBy,
  );
}
