import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { ROLE_DEFINITIONS } from '../../platform/roles.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import { enterpriseScopeOf } from './enterprise-scope.ts';
import { TIER_LABELS } from './enterprise-vocabulary.ts';
import { findEnterpriseRow } from './enterprises.repository.ts';
import type { Tier } from './enterprises.table.ts';
import * as lists from './key-enterprises.repository.ts';

/** One entry of a city's key-enterprise list (重点支持企业清单) with its commissioner. */
export interface KeyEnterpriseView {
  uscc: string;
  name: string;
  tier: Tier;
  tierLabel: string;
  /** The list the entry is on: the city or directly-administered county that keeps it. */
  listRegionCode: string;
  listRegionName: string | null;
  enterpriseRegionCode: string;
  commissionerId: number | null;
  commissionerName: string | null;
  note: string | null;
  addedAt: string;
}

type SignedIn = Actor & { user: CurrentUser };

function toView(row: lists.KeyEnterpriseRow): KeyEnterpriseView {
  return {
    uscc: row.uscc,
    name: row.name,
    tier: row.tier,
    tierLabel: TIER_LABELS[row.tier] ?? row.tier,
    listRegionCode: row.region_code,
    listRegionName: row.region_name,
    enterpriseRegionCode: row.enterprise_region_code,
    commissionerId: row.commissioner_id === null ? null : Number(row.commissioner_id),
    commissionerName: row.commissioner_name,
    note: row.note,
    addedAt: row.added_at,
  };
}

async function listScopeOf(db: Db, user: CurrentUser): Promise<lists.KeyListScope> {
  const kind = ROLE_DEFINITIONS[user.role].scope;
  if (kind === 'province') return { kind: 'all' };
  if (kind === 'region' && user.regionCode)
    return { kind: 'regions', codes: await regionScopeCodes(db, user.regionCode) };
  if (kind === 'assigned') return { kind: 'assigned', commissionerId: user.id };
  return { kind: 'none' };
}

/** The lists the caller may read: the province all, a city its own, a commissioner their entries. */
export async function listKeyEnterprises(
  ctx: AppContext,
  user: CurrentUser,
  query: { region?: string; withoutCommissioner?: boolean; page?: number; pageSize?: number },
): Promise<Page<KeyEnterpriseView>> {
  const window = pageWindow(query);
  const { rows, total } = await lists.listKeyEnterpriseRows(
    ctx.db,
    await listScopeOf(ctx.db, user),
    query.region,
    window.offset,
    window.pageSize,
    query.withoutCommissioner === true,
  );
  return { items: rows.map(toView), total, page: window.page, pageSize: window.pageSize };
}

/** A commissioner of the official's region; another region's (or a non-commissioner) is not found. */
async function requireCommissioner(db: Db, user: CurrentUser, id: number) {
  const commissioner = await lists.findActiveCommissioner(db, id);
  const codes = user.regionCode ? await regionScopeCodes(db, user.regionCode) : [];
  if (!commissioner?.region_code || !codes.includes(commissioner.region_code))
    throw new AppError('NOT_FOUND', '服务专员不存在或不属于本地区');
  return commissioner;
}

/** An entry of the official's own list; entries of other lists are not found. */
async function requireOwnEntry(db: Db, user: CurrentUser, usccParam: string): Promise<lists.KeyEnterpriseRow> {
  const entry = await lists.findKeyEnterpriseRow(db, normalizeIdentifier(usccParam));
  if (!entry || entry.region_code !== user.regionCode)
    throw new AppError('NOT_FOUND', '本地区重点企业清单中没有该企业');
  return entry;
}

/** Puts an enterprise of the official's region on their list, optionally with its commissioner. */
export async function addKeyEnterprise(
  ctx: AppContext,
  actor: SignedIn,
  input: { uscc: string; commissionerId?: number; note?: string },
): Promise<KeyEnterpriseView> {
  const uscc = normalizeIdentifier(input.uscc);
  const regionCode = actor.user.regionCode;
  return ctx.db.transaction().execute(async (trx) => {
    const enterprise = await findEnterpriseRow(trx, uscc, await enterpriseScopeOf(trx, actor.user));
    if (!enterprise || !regionCode) throw new AppError('NOT_FOUND', '企业不存在或不在本地区');
    const existing = await lists.findKeyEnterpriseRow(trx, uscc);
    if (existing)
      throw new AppError('CONFLICT', `该企业已在${existing.region_name ?? existing.region_code}的重点企业清单中`);
    const commissioner =
      input.commissionerId === undefined ? undefined : await requireCommissioner(trx, actor.user, input.commissionerId);
    await lists.insertKeyEnterprise(trx, {
      uscc,
      region_code: regionCode,
      commissioner_id: commissioner?.id ?? null,
      note: input.note?.trim() || null,
      added_at: ctx.clock().toISOString(),
      added_by: actor.user.id,
    });
    await lists.recordAssignment(trx, {
      uscc,
      listRegionCode: regionCode,
      commissionerId: commissioner?.id ?? null,
      at: ctx.clock().toISOString(),
      by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'key_enterprise.add',
        outcome: 'success',
        objectType: 'key_enterprise',
        objectId: uscc,
        details: { list: regionCode, commissionerId: commissioner?.id ?? null },
      },
      ctx.clock(),
    );
    return toView((await lists.findKeyEnterpriseRow(trx, uscc))!);
  });
}

/** Assigns (or clears, with null) the commissioner of an entry on the official's list. */
export async function assignCommissioner(
  ctx: AppContext,
  actor: SignedIn,
  usccParam: string,
  input: { commissionerId: number | null; note?: string },
): Promise<KeyEnterpriseView> {
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await requireOwnEntry(trx, actor.user, usccParam);
    const commissioner =
      input.commissionerId === null ? null : await requireCommissioner(trx, actor.user, input.commissionerId);
    await lists.updateKeyEnterprise(trx, entry.uscc, {
      commissioner_id: commissioner?.id ?? null,
      ...(input.note !== undefined ? { note: input.note.trim() || null } : {}),
    });
    const from = entry.commissioner_id === null ? null : Number(entry.commissioner_id);
    if (from !== (commissioner?.id ?? null))
      await lists.recordAssignment(trx, {
        uscc: entry.uscc,
        listRegionCode: entry.region_code,
        commissionerId: commissioner?.id ?? null,
        at: ctx.clock().toISOString(),
        by: actor.user.id,
      });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'key_enterprise.assign',
        outcome: 'success',
        objectType: 'key_enterprise',
        objectId: entry.uscc,
        details: {
          from: entry.commissioner_id === null ? null : Number(entry.commissioner_id),
          to: commissioner?.id ?? null,
        },
      },
      ctx.clock(),
    );
    return toView((await lists.findKeyEnterpriseRow(trx, entry.uscc))!);
  });
}

/** Takes an enterprise off the official's list. */
export async function removeKeyEnterprise(ctx: AppContext, actor: SignedIn, usccParam: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await requireOwnEntry(trx, actor.user, usccParam);
    await lists.deleteKeyEnterprise(trx, entry.uscc);
    await lists.recordAssignment(trx, {
      uscc: entry.uscc,
      listRegionCode: entry.region_code,
      at: ctx.clock().toISOString(),
      by: actor.user.id,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'key_enterprise.remove',
        outcome: 'success',
        objectType: 'key_enterprise',
        objectId: entry.uscc,
        details: { list: entry.region_code },
      },
      ctx.clock(),
    );
  });
}

/** One span of an enterprise's commissioner: who, from when, until when (null: current). */
export interface AssignmentSpanView {
  commissionerId: number | null;
  commissionerName: string | null;
  listRegionCode: string;
  fromAt: string;
  untilAt: string | null;
  assignedByName: string | null;
}

/** The commissioner history of a key enterprise in the caller's scope, newest first. */
export async function listAssignmentHistory(
  ctx: AppContext,
  user: CurrentUser,
  usccParam: string,
): Promise<{ items: AssignmentSpanView[] }> {
  const uscc = normalizeIdentifier(usccParam);
  const enterprise = await findEnterpriseRow(ctx.db, uscc, await enterpriseScopeOf(ctx.db, user));
  if (!enterprise) throw new AppError('NOT_FOUND', '企业不存在或不在您的管辖范围内');
  const rows = await lists.findAssignmentHistory(ctx.db, uscc);
  return {
    items: rows.map((r) => ({
      commissionerId: r.commissioner_id === null ? null : Number(r.commissioner_id),
      commissionerName: r.commissioner_name,
      listRegionCode: r.list_region_code,
      fromAt: r.from_at,
      untilAt: r.until_at,
      assignedByName: r.assigned_by_name,
    })),
  };
}

/** How many key enterprises in the caller's scope have no commissioner. */
export async function countKeyEnterprisesWithoutCommissioner(ctx: AppContext, user: CurrentUser): Promise<number> {
  return lists.countKeyEnterprisesWithoutCommissioner(ctx.db, await listScopeOf(ctx.db, user));
}

/** The key-list entry of an enterprise (its list and commissioner), or undefined when it is not on a list. */
export async function findKeyEnterprise(ctx: AppContext, uscc: string): Promise<KeyEnterpriseView | undefined> {
  const row = await lists.findKeyEnterpriseRow(ctx.db, normalizeIdentifier(uscc));
  return row ? toView(row) : undefined;
}
