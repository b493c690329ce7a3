import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import { PROVINCE_ROLES } from '../../../platform/roles.ts';
import { regionScopeCodes } from '../../reference/reference.service.ts';
import { noticeCollectionSent } from '../deadline-notices.ts';
import type { SignedIn } from '../governance-scope.ts';
import * as collections from './collections.repository.ts';
import type { CollectionKind, CollectionState } from './collections.table.ts';
import { approvalRefusal } from './approvals.service.ts';

/**
 * Data-collection governance (the notice forbids 擅自统计调查): every survey or form sent to
 * enterprises is a collection under an approval record; a collection without an approval valid
 * today is neither opened nor answered. This file: drafting, sending and closing collections; the
 * approvals (approvals.service.ts), the enterprise's forms (forms.service.ts) and the burden per
 * enterprise (burden.service.ts) are beside it.
 */

export const PROVINCE_CODE = '320000';

export const COLLECTION_KIND_LABELS: Record<CollectionKind, string> = {
  form: '调查表',
  shortage_survey: '急需紧缺职业（工种）调查',
};
export const COLLECTION_STATE_LABELS: Record<CollectionState, string> = {
  draft: '未发出',
  open: '填报中',
  closed: '已结束',
};

export function collectionView(row: collections.CollectionRow, today: string) {
  const refusal = approvalRefusal(
    {
      approval_number: row.approval_number,
      valid_from: row.approval_valid_from,
      valid_until: row.approval_valid_until,
    },
    today,
  );
  return {
    id: Number(row.id),
    kind: row.kind,
    kindLabel: COLLECTION_KIND_LABELS[row.kind] ?? row.kind,
    title: row.title,
    description: row.description,
    regionCode: row.region_code,
    regionName: row.region_name,
    year: Number(row.year),
    fields: JSON.parse(row.fields) as string[],
    state: row.state,
    stateLabel: COLLECTION_STATE_LABELS[row.state] ?? row.state,
    deadline: row.deadline,
    approvalId: row.approval_id === null ? null : Number(row.approval_id),
    approvalNumber: row.approval_number,
    approvalOffice: row.approval_office,
    approvalValidFrom: row.approval_valid_from,
    approvalValidUntil: row.approval_valid_until,
    isApprovedToday: refusal === null,
    approvalProblem: refusal,
    recipients: toNumber(row.recipients),
    answered: toNumber(row.answered),
    createdAt: row.created_at,
    openedAt: row.opened_at,
  };
}
export type CollectionView = ReturnType<typeof collectionView>;

/** Region codes a collection list or burden view is limited to: the province all, a city its own. */
export async function scopeOf(db: Db, user: CurrentUser): Promise<readonly string[] | 'all'> {
  if (PROVINCE_ROLES.includes(user.role)) return 'all';
  return regionScopeCodes(db, user.regionCode ?? '');
}

/** Collections the caller may read: the province all, a city its own and the province's. */
export async function listCollections(ctx: AppContext, user: CurrentUser) {
  const scope = await scopeOf(ctx.db, user);
  const rows = await collections.listCollectionRows(ctx.db, scope === 'all' ? 'all' : [...scope, PROVINCE_CODE]);
  const day = todayInShanghai(ctx.clock);
  return { items: rows.map((r) => collectionView(r, day)) };
}

/** A collection the caller may manage (the province any, a city its own), or NOT_FOUND. */
export async function findManagedCollection(db: Db, user: CurrentUser, id: number) {
  const row = await collections.findCollectionRow(db, id);
  const scope = await scopeOf(db, user);
  if (!row || (scope !== 'all' && !scope.includes(row.region_code)))
    throw new AppError('NOT_FOUND', '调查不存在或不属于本地区');
  return row;
}

/** A collection as a draft: the province for the province or a city, a city for itself; an approval may come later. */
export async function createCollection(
  ctx: AppContext,
  actor: SignedIn,
  input: {
    kind: CollectionKind;
    title: string;
    description?: string;
    approvalId?: number | null;
    regionCode?: string;
    year: number;
    fields?: string[];
    deadline?: string | null;
  },
): Promise<CollectionView> {
  const isProvince = PROVINCE_ROLES.includes(actor.user.role);
  const regionCode = isProvince ? (input.regionCode ?? PROVINCE_CODE) : actor.user.regionCode;
  if (!regionCode) throw new AppError('FORBIDDEN', '账号未设置地区，不能发起调查');
  if (!isProvince && input.regionCode && input.regionCode !== regionCode)
    throw new AppError('FORBIDDEN', '设区市只能对本地区企业发起调查');
  if (input.kind === 'shortage_survey' && !isProvince)
    throw new AppError('FORBIDDEN', '急需紧缺职业（工种）调查由省厅发起');
  if (input.deadline && !isIsoDate(input.deadline)) throw new AppError('INVALID_DATE', '截止日期格式应为 YYYY-MM-DD');
  const fields = (input.fields ?? []).map((f) => f.trim()).filter(Boolean);
  if (input.kind === 'form' && fields.length === 0) throw new AppError('VALIDATION_FAILED', '调查表至少要有一个填报项');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.approvalId && !(await collections.findApprovalRow(trx, input.approvalId)))
      throw new AppError('NOT_FOUND', '所选批准记录不存在');
    const newId = await collections.insertCollection(trx, {
      kind: input.kind,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      approval_id: input.approvalId ?? null,
      region_code: regionCode,
      year: input.year,
      fields: JSON.stringify(fields),
      state: 'draft',
      deadline: input.deadline ?? null,
      created_at: ctx.clock().toISOString(),
      created_by: actor.user.id,
      opened_at: null,
      closed_at: null,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.collection.create',
        outcome: 'success',
        objectType: 'collection',
        objectId: newId,
        details: { kind: input.kind, region: regionCode, approval_id: input.approvalId ?? null },
      },
      ctx.clock(),
    );
    return newId;
  });
  return collectionView((await collections.findCollectionRow(ctx.db, id))!, todayInShanghai(ctx.clock));
}

/** Attaches an approval record to a collection not yet sent. */
export async function attachApproval(ctx: AppContext, actor: SignedIn, id: number, approvalId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findManagedCollection(trx, actor.user, id);
    if (row.state !== 'draft') throw new AppError('CONFLICT', '调查已发出，不能更换批准记录');
    if (!(await collections.findApprovalRow(trx, approvalId))) throw new AppError('NOT_FOUND', '所选批准记录不存在');
    await collections.setCollectionApproval(trx, id, approvalId);
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.collection.approval',
        outcome: 'success',
        objectType: 'collection',
        objectId: id,
        details: { approval_id: approvalId },
      },
      ctx.clock(),
    );
  });
  return collectionView((await collections.findCollectionRow(ctx.db, id))!, todayInShanghai(ctx.clock));
}

/**
 * Opens a collection and sends it to the register enterprises of its region: refused (and the refusal
 * audited) without an approval valid today.
 */
export async function openCollection(ctx: AppContext, actor: SignedIn, id: number): Promise<CollectionView> {
  const day = todayInShanghai(ctx.clock);
  const row = await findManagedCollection(ctx.db, actor.user, id);
  const refusal = approvalRefusal(
    {
      approval_number: row.approval_number,
      valid_from: row.approval_valid_from,
      valid_until: row.approval_valid_until,
    },
    day,
  );
  if (refusal) {
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      {
        action: 'governance.collection.open',
        outcome: 'denied',
        objectType: 'collection',
        objectId: id,
        details: { reason: 'not_approved', approval_number: row.approval_number },
      },
      ctx.clock(),
    );
    throw new AppError('COLLECTION_NOT_APPROVED', refusal);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock().toISOString();
    if (!(await collections.moveCollection(trx, id, 'draft', 'open', at)))
      throw new AppError('CONFLICT', '该调查已发出或已结束，请刷新');
    const regionCodes = row.region_code === PROVINCE_CODE ? 'all' : await regionScopeCodes(trx, row.region_code);
    const sent = await collections.insertRecipients(trx, id, { regionCodes, year: Number(day.slice(0, 4)), at });
    await noticeCollectionSent(
      trx,
      { id, title: row.title, approvalNumber: row.approval_number, deadline: row.deadline },
      at,
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.collection.open',
        outcome: 'success',
        objectType: 'collection',
        objectId: id,
        details: { approval_number: row.approval_number, sent },
      },
      ctx.clock(),
    );
  });
  return collectionView((await collections.findCollectionRow(ctx.db, id))!, day);
}

/** Closes an open collection: no more answers. */
export async function closeCollection(ctx: AppContext, actor: SignedIn, id: number): Promise<CollectionView> {
  await ctx.db.transaction().execute(async (trx) => {
    await findManagedCollection(trx, actor.user, id);
    if (!(await collections.moveCollection(trx, id, 'open', 'closed', ctx.clock().toISOString())))
      throw new AppError('CONFLICT', '只有填报中的调查可以结束');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'governance.collection.close', outcome: 'success', objectType: 'collection', objectId: id },
      ctx.clock(),
    );
  });
  return collectionView((await collections.findCollectionRow(ctx.db, id))!, todayInShanghai(ctx.clock));
}
