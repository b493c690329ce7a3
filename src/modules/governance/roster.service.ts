import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { maskPhone } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { PROVINCE_ROLES } from '../../platform/roles.ts';
import { countKeyEnterprisesWithoutCommissioner } from '../enterprises/key-enterprises.service.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import type { SignedIn } from './governance-scope.ts';
import * as roster from './roster.repository.ts';

/** One commissioner on the roster: account, region, unit, masked phone and workload. */
export interface RosterEntryView {
  id: number;
  username: string;
  displayName: string;
  regionCode: string | null;
  regionName: string | null;
  unit: string | null;
  phoneMasked: string | null;
  assignedCount: number;
  openRequests: number;
}

const MOBILE = /^1\d{10}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

async function regionCodesOf(ctx: AppContext, user: CurrentUser): Promise<readonly string[] | 'all'> {
  if (PROVINCE_ROLES.includes(user.role)) return 'all';
  return regionScopeCodes(ctx.db, user.regionCode ?? '');
}

/** The roster in the caller's scope (a city its region, the province all) and the key enterprises without one. */
export async function listRoster(
  ctx: AppContext,
  user: CurrentUser,
): Promise<{ items: RosterEntryView[]; keyEnterprisesWithoutCommissioner: number }> {
  const rows = await roster.listRosterRows(ctx.db, await regionCodesOf(ctx, user));
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      username: r.username,
      displayName: r.display_name,
      regionCode: r.region_code,
      regionName: r.region_name,
      unit: r.unit,
      phoneMasked: r.phone_enc ? maskPhone(ctx.cipher.decrypt(r.phone_enc)) : null,
      assignedCount: toNumber(r.assigned_count ?? 0),
      openRequests: toNumber(r.open_requests ?? 0),
    })),
    keyEnterprisesWithoutCommissioner: await countKeyEnterprisesWithoutCommissioner(ctx, user),
  };
}

/** A city official records the unit and phone of a commissioner of their region. */
export async function updateCommissionerProfile(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { unit?: string | null; phone?: string | null },
): Promise<RosterEntryView> {
  const phone = input.phone?.replace(/\s+/g, '') || null;
  if (phone && !MOBILE.test(phone) && !LANDLINE.test(phone))
    throw new AppError('VALIDATION_FAILED', '联系电话应为 11 位手机号或带区号的固定电话（如 025-83276000）');
  await ctx.db.transaction().execute(async (trx) => {
    const account = await roster.findCommissionerAccount(trx, id);
    const codes = await regionScopeCodes(trx, actor.user.regionCode ?? '');
    if (!account?.region_code || !codes.includes(account.region_code))
      throw new AppError('NOT_FOUND', '服务专员不存在或不属于本地区');
    const at = ctx.clock().toISOString();
    await roster.upsertCommissionerProfile(trx, {
      user_id: id,
      unit: input.unit?.trim() || null,
      phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
      phone_index: phone ? ctx.cipher.blindIndex('phone', phone) : null,
      updated_at: at,
      updated_by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.commissioner.update',
        outcome: 'success',
        objectType: 'user',
        objectId: id,
        details: { unit: input.unit?.trim() || null, phone: phone ? maskPhone(phone) : null },
      },
      ctx.clock(),
    );
  });
  const { items } = await listRoster(ctx, actor.user);
  const entry = items.find((i) => i.id === id);
  if (!entry) throw new AppError('NOT_FOUND', '服务专员不存在或不属于本地区');
  return entry;
}
