import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkIdNumber, ID_NUMBER_REASONS } from '../../../platform/identifiers/id-number.ts';
import { isIsoDate } from '../../../platform/iso-date.ts';
import * as repo from './campaigns.repository.ts';
import { audit, getCampaign, requireCampaign } from './campaigns.service.ts';
import { homeProvinceOf } from './home-province.ts';

/**
 * The hires recorded through a campaign, one per person: the ID number sealed (SM4, blind index for
 * "once per person and campaign") and never shown, its first two digits giving the home province of
 * the 东西部劳务协作 report. The official who may edit the campaign records, corrects and removes them;
 * each step is audited, and the report is read from the hires as they stand.
 */

type SignedIn = Actor & { user: CurrentUser };

export interface HireInput {
  idNumber: string;
  name: string;
  uscc: string;
  hiredOn: string;
}

/** A correction: the ID number and name only when re-entered (they are never shown to be edited). */
export type HireCorrection = Omit<HireInput, 'idNumber' | 'name'> & { idNumber?: string; name?: string };

function sealedPerson(ctx: AppContext, idNumber: string) {
  const check = checkIdNumber(idNumber);
  if (!check.valid) throw new AppError('VALIDATION_FAILED', `公民身份号码：${ID_NUMBER_REASONS[check.reason]}`);
  const province = homeProvinceOf(check.normalized);
  if (!province) throw new AppError('VALIDATION_FAILED', '公民身份号码的前两位不是省级行政区划代码');
  return {
    id_number_enc: ctx.cipher.encrypt(check.normalized),
    id_number_index: ctx.cipher.blindIndex('id', check.normalized),
    home_province_code: province.code,
  };
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('VALIDATION_FAILED', '请填写姓名');
  return trimmed;
}

async function checkEmployer(db: Db, uscc: string, hiredOn: string): Promise<void> {
  if (!isIsoDate(hiredOn)) throw new AppError('VALIDATION_FAILED', '录用日期应为 YYYY-MM-DD');
  if (!(await repo.findEnterpriseName(db, uscc)))
    throw new AppError('VALIDATION_FAILED', `统一社会信用代码 ${uscc} 不在培育库中`);
}

async function requireHire(db: Db, user: CurrentUser, campaignId: number, hireId: number) {
  await requireCampaign(db, user, campaignId);
  const hire = await repo.findHire(db, campaignId, hireId);
  if (!hire) throw new AppError('NOT_FOUND', '该录用记录不存在');
  return hire;
}

/** Records that a person was hired through the campaign (once per person and campaign). */
export async function recordHire(ctx: AppContext, actor: SignedIn, id: number, input: HireInput) {
  const person = sealedPerson(ctx, input.idNumber);
  const name = checkedName(input.name);
  await ctx.db.transaction().execute(async (trx) => {
    await requireCampaign(trx, actor.user, id);
    await checkEmployer(trx, input.uscc, input.hiredOn);
    if (await repo.findHireOf(trx, id, person.id_number_index))
      throw new AppError('CONFLICT', '此人已登记为本活动的录用人员');
    const hireId = await repo.insertHire(trx, {
      ...person,
      campaign_id: id,
      uscc: input.uscc,
      name_enc: ctx.cipher.encrypt(name),
      hired_on: input.hiredOn,
      created_by: actor.user.id,
      created_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, 'recruitment_campaign.hire', id, { hireId, homeProvince: person.home_province_code });
  });
  return getCampaign(ctx, actor.user, id);
}

/** Corrects a recorded hire: enterprise, date, and — re-entered — the ID number (home province follows) or name. */
export async function correctHire(ctx: AppContext, actor: SignedIn, id: number, hireId: number, input: HireCorrection) {
  const person = input.idNumber?.trim() ? sealedPerson(ctx, input.idNumber) : undefined;
  const name = input.name?.trim() ? checkedName(input.name) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await requireHire(trx, actor.user, id, hireId);
    await checkEmployer(trx, input.uscc, input.hiredOn);
    if (person) {
      const other = await repo.findHireOf(trx, id, person.id_number_index);
      if (other && Number(other.id) !== hireId) throw new AppError('CONFLICT', '此人已登记为本活动的录用人员');
    }
    await repo.updateHire(trx, hireId, {
      ...(person ?? {}),
      ...(name ? { name_enc: ctx.cipher.encrypt(name) } : {}),
      uscc: input.uscc,
      hired_on: input.hiredOn,
    });
    const changed = [
      ...(person ? ['idNumber'] : []),
      ...(name ? ['name'] : []),
      ...(before.uscc !== input.uscc ? ['uscc'] : []),
      ...(before.hired_on !== input.hiredOn ? ['hiredOn'] : []),
    ];
    await audit(ctx, trx, actor, 'recruitment_campaign.hire_correct', id, {
      hireId,
      changed,
      homeProvince: person?.home_province_code ?? before.home_province_code,
    });
  });
  return getCampaign(ctx, actor.user, id);
}

/** Removes a hire recorded by mistake; the home-province report no longer counts it. */
export async function removeHire(ctx: AppContext, actor: SignedIn, id: number, hireId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const hire = await requireHire(trx, actor.user, id, hireId);
    await repo.deleteHire(trx, hireId);
    await audit(ctx, trx, actor, 'recruitment_campaign.hire_remove', id, {
      hireId,
      homeProvince: hire.home_province_code,
      uscc: hire.uscc,
      hiredOn: hire.hired_on,
    });
  });
  return getCampaign(ctx, actor.user, id);
}
