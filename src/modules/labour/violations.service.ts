import type { Selectable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { requireIsoDate, todayInShanghai } from '../../platform/iso-date.ts';
import { getEnterprise } from '../enterprises/enterprises.service.ts';
import { regionNamesOf } from '../reference/reference.service.ts';
import { labourRegionScope, requireInScope } from './labour-scope.ts';
import type { LabourViolationTable } from './labour.table.ts';
import { decideLenientOutcome, lenientList } from './lenient-enforcement.ts';
import * as repo from './violations.repository.ts';

/**
 * Inspection records (柔性执法): an inspector of an HRSS office records a violation of an
 * enterprise in the region; the outcome (reminder without penalty, or the normal procedure)
 * is decided by the official list and the enterprise's record, and kept with its reason.
 * The enterprise sees its own record.
 */

type SignedIn = Actor & { user: CurrentUser };

export const OUTCOME_LABELS = { reminder: '提示提醒，免予处罚', normal: '按一般程序处理' } as const;

export interface ViolationView {
  id: number;
  uscc: string;
  enterpriseName: string;
  regionCode: string;
  regionName: string | null;
  itemCode: string | null;
  itemTitle: string | null;
  description: string;
  foundOn: string;
  outcome: 'reminder' | 'normal';
  outcomeLabel: string;
  reason: string;
  listVersion: string;
  recordedAt: string;
}

function toView(row: Selectable<LabourViolationTable>, names: Map<string, string>): ViolationView {
  const item = row.item_code ? lenientList().items.find((i) => i.code === row.item_code) : undefined;
  return {
    id: toNumber(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    regionName: names.get(row.region_code) ?? null,
    itemCode: row.item_code,
    itemTitle: item?.title ?? null,
    description: row.description,
    foundOn: row.found_on,
    outcome: row.outcome,
    outcomeLabel: OUTCOME_LABELS[row.outcome],
    reason: row.reason,
    listVersion: row.list_version,
    recordedAt: row.created_at,
  };
}

export interface ViolationQuery {
  page?: number;
  pageSize?: number;
  uscc?: string;
  outcome?: 'reminder' | 'normal';
}

/** Officials: the records of their regions; an enterprise: its own. */
export async function listViolations(
  ctx: AppContext,
  user: CurrentUser,
  query: ViolationQuery,
): Promise<Page<ViolationView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const filter =
    user.role === 'enterprise'
      ? { regionCodes: null, uscc: user.uscc ?? '-', outcome: query.outcome }
      : { regionCodes: await labourRegionScope(ctx, user), uscc: query.uscc, outcome: query.outcome };
  const { rows, total } = await repo.findViolationPage(ctx.db, filter, offset, pageSize);
  const names = await regionNamesOf(ctx.db, [...new Set(rows.map((r) => r.region_code))]);
  return { items: rows.map((r) => toView(r, names)), total, page, pageSize };
}

export interface ViolationInput {
  uscc: string;
  itemCode?: string | null;
  description: string;
  foundOn: string;
}

/** Records a violation and decides its outcome by the list and the enterprise's record; audited. */
export async function recordViolation(ctx: AppContext, actor: SignedIn, input: ViolationInput): Promise<ViolationView> {
  const enterprise = await getEnterprise(ctx, actor.user, input.uscc);
  requireInScope(await labourRegionScope(ctx, actor.user), enterprise.regionCode, '企业');
  const foundOn = requireIsoDate(input.foundOn, '发现日期');
  if (foundOn > todayInShanghai(ctx.clock)) throw new AppError('VALIDATION_FAILED', '发现日期不能晚于今天');
  const description = input.description.trim();
  if (description.length < 4) throw new AppError('VALIDATION_FAILED', '请写明违法事实');
  const list = lenientList();
  const itemCode = input.itemCode || null;
  if (itemCode && !list.items.some((i) => i.code === itemCode))
    throw new AppError('VALIDATION_FAILED', `免罚清单中没有第 ${itemCode} 项`);
  const since = `${Number(foundOn.slice(0, 4)) - list.lookback_years.value}${foundOn.slice(4)}`;
  const at = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const decision = decideLenientOutcome(itemCode, await repo.countViolationsSince(trx, enterprise.uscc, since));
    const id = await repo.insertViolation(trx, {
      uscc: enterprise.uscc,
      enterprise_name: enterprise.name,
      region_code: enterprise.regionCode,
      item_code: itemCode,
      list_version: list.version,
      description,
      found_on: foundOn,
      outcome: decision.outcome,
      reason: decision.reason,
      recorded_by: actor.user.username,
      created_at: at,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.violation.record',
        outcome: 'success',
        objectType: 'labour_violation',
        objectId: String(id),
        details: { uscc: enterprise.uscc, item: itemCode, decision: decision.outcome },
      },
      ctx.clock(),
    );
    return id;
  });
  const row = (await repo.findViolation(ctx.db, id))!;
  return toView(row, await regionNamesOf(ctx.db, [row.region_code]));
}
