import type { Selectable, Updateable } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { maskIdNumber, maskPersonalDataInText } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { checkIdNumber } from '../../platform/identifiers/id-number.ts';
import { requireIsoDate, todayInShanghai } from '../../platform/iso-date.ts';
import { segmentForIndex } from '../../platform/text/segmenter.ts';
import { parseYuan } from '../../policies/values.ts';
import { queueOfficialAlert } from '../benefits/delivery/official-alerts.service.ts';
import { getEnterprise } from '../enterprises/enterprises.service.ts';
import { regionNamesOf } from '../reference/reference.service.ts';
import type { calculateCompensationFor } from './compensation.service.ts';
import { disputeDeadlines, type DisputeKind } from './dispute-deadlines.ts';
import * as repo from './disputes.repository.ts';
import { collectiveAlertReason } from './dispute-alert.ts';
import { labourRegionScope, maskPersonName, requireInScope } from './labour-scope.ts';
import type { LabourDisputeTable } from './labour.table.ts';

/**
 * Dispute cases (劳动争议) involving SRDI enterprises: recorded by an HRSS office for an enterprise
 * in its region, with the workers' names and ID numbers encrypted (masked on display, a whole
 * view for the personal-data right only, audited), deadlines on the official calendar with the
 * fast track, and the collective-dispute alert to the city and the province through the outbox.
 */

type SignedIn = Actor & { user: CurrentUser };
type DisputeRow = Selectable<LabourDisputeTable>;
/** A calculation stored with its case: the calculator's answer, when and by whom. */
export type StoredCompensation = Awaited<ReturnType<typeof calculateCompensationFor>> & {
  calculated_at: string;
  calculated_by: string;
};

export const DISPUTE_KINDS = ['mediation', 'arbitration'] as const;
export const DISPUTE_STAGES = ['accepted', 'mediating', 'arbitrating', 'closed'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];
export const KIND_LABELS: Record<DisputeKind, string> = { mediation: '调解', arbitration: '仲裁' };
export const STAGE_LABELS: Record<(typeof DISPUTE_STAGES)[number], string> = {
  accepted: '已受理',
  mediating: '调解中',
  arbitrating: '仲裁审理中',
  closed: '已结案',
};
const NEXT_STAGE: Record<DisputeKind, string> = { mediation: 'mediating', arbitration: 'arbitrating' };

export interface DisputeInput {
  uscc: string;
  kind: DisputeKind;
  receivedOn: string;
  workersCount: number;
  claims: string;
  claimedAmount: string | number;
  arrearsAmount?: string | number;
  parties: { name: string; idNumber?: string }[];
}

export interface DisputeSummary {
  id: number;
  caseNo: string;
  uscc: string;
  enterpriseName: string;
  regionCode: string;
  regionName: string | null;
  kind: DisputeKind;
  kindLabel: string;
  stage: DisputeStage;
  stageLabel: string;
  isFastTrack: boolean;
  receivedOn: string;
  deadline: string;
  fastTrackDue: string | null;
  isOverdue: boolean;
  workersCount: number;
  claimedFen: number;
  arrearsFen: number;
  alertReason: string | null;
  alertRaisedAt: string | null;
  closedOn: string | null;
}

function toSummary(row: DisputeRow, names: Map<string, string>, today: string): DisputeSummary {
  const deadlines = disputeDeadlines({
    kind: row.kind,
    receivedOn: row.received_on,
    isFastTrack: row.is_fast_track === 1,
    isExtended: toNumber(row.is_extended) === 1,
  });
  return {
    id: toNumber(row.id),
    caseNo: row.case_no,
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    regionName: names.get(row.region_code) ?? null,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    stage: row.stage,
    stageLabel: STAGE_LABELS[row.stage],
    isFastTrack: toNumber(row.is_fast_track) === 1,
    receivedOn: row.received_on,
    deadline: deadlines.deadline,
    fastTrackDue: deadlines.fastTrackDue,
    isOverdue: row.stage !== 'closed' && deadlines.deadline < today,
    workersCount: toNumber(row.workers_count),
    claimedFen: toNumber(row.claimed_fen),
    arrearsFen: toNumber(row.arrears_fen),
    alertReason: row.alert_reason,
    alertRaisedAt: row.alert_raised_at,
    closedOn: row.closed_on,
  };
}

export interface DisputeQuery {
  page?: number;
  pageSize?: number;
  stage?: string;
  uscc?: string;
  alerts?: boolean;
}

/** A page of cases in the caller's regions (with only open collective alerts when asked). */
export async function listDisputes(
  ctx: AppContext,
  user: CurrentUser,
  query: DisputeQuery,
): Promise<Page<DisputeSummary>> {
  const { page, pageSize, offset } = pageWindow(query);
  const filter = {
    regionCodes: await labourRegionScope(ctx, user),
    stage: query.stage,
    uscc: query.uscc,
    isAlertOpen: query.alerts,
  };
  const { rows, total } = await repo.findDisputePage(ctx.db, filter, offset, pageSize);
  const names = await regionNamesOf(ctx.db, [...new Set(rows.map((r) => r.region_code))]);
  const today = todayInShanghai(ctx.clock);
  return { items: rows.map((r) => toSummary(r as DisputeRow, names, today)), total, page, pageSize };
}

/** Every case of the filters (for the export), at most `limit`. */
export async function listAllDisputes(ctx: AppContext, user: CurrentUser, query: DisputeQuery, limit: number) {
  const all: DisputeSummary[] = [];
  for (let page = 1; all.length < limit; page += 1) {
    const next = await listDisputes(ctx, user, { ...query, page, pageSize: 200 });
    all.push(...next.items);
    if (all.length >= next.total || next.items.length === 0) break;
  }
  return all.slice(0, limit);
}

async function loadInScope(ctx: AppContext, user: CurrentUser, id: number): Promise<DisputeRow> {
  const row = await repo.findDispute(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或不在您的管辖范围内');
  requireInScope(await labourRegionScope(ctx, user), row.region_code, '案件');
  return row;
}

/**
 * One case with its parties, claims, deadlines explained and the stored compensation
 * calculation. Names and ID numbers are masked; `whole` shows them to a caller with the
 * personal-data right, and that view is audited.
 */
export async function getDispute(ctx: AppContext, actor: SignedIn, id: number, whole = false) {
  const row = await loadInScope(ctx, actor.user, id);
  if (whole && !actor.user.canViewPersonal) throw new AppError('PERSONAL_DATA_RIGHT_REQUIRED');
  const parties = await repo.findParties(ctx.db, row.id);
  if (whole)
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      { action: 'personal_data.view', outcome: 'success', objectType: 'labour_dispute', objectId: String(row.id) },
      ctx.clock(),
    );
  const names = await regionNamesOf(ctx.db, [row.region_code]);
  const claims = ctx.cipher.decrypt(row.claims_enc);
  const deadlines = disputeDeadlines({
    kind: row.kind,
    receivedOn: row.received_on,
    isFastTrack: toNumber(row.is_fast_track) === 1,
    isExtended: toNumber(row.is_extended) === 1,
  });
  return {
    ...toSummary(row, names, todayInShanghai(ctx.clock)),
    isWhole: whole,
    isExtended: toNumber(row.is_extended) === 1,
    claims: whole ? claims : maskPersonalDataInText(claims),
    outcome: row.outcome,
    parties: parties.map((p) => {
      const name = ctx.cipher.decrypt(p.name_enc);
      const idNumber = p.id_number_enc ? ctx.cipher.decrypt(p.id_number_enc) : null;
      return {
        name: whole ? name : maskPersonName(name),
        idNumber: idNumber === null ? null : whole ? idNumber : maskIdNumber(idNumber),
      };
    }),
    deadlineSteps: deadlines.steps,
    provisionalYears: deadlines.provisionalYears,
    compensation: row.compensation_json ? (JSON.parse(row.compensation_json) as StoredCompensation) : null,
  };
}

/** The words of claims for the similar-case index: no digits, so no ID, phone or amount rests in it. */
export function claimTerms(claims: string): string {
  return segmentForIndex(claims)
    .split(' ')
    .filter((t) => t && !/\d/.test(t))
    .join(' ');
}

function requireAmount(value: string | number | undefined, field: string): number {
  if (value === undefined || value === '') return 0;
  const fen = parseYuan(value);
  if (fen === undefined || fen < 0) throw new AppError('VALIDATION_FAILED', `${field}应为不小于 0 的金额（元）`);
  return fen;
}

/**
 * Records a case for an enterprise in the caller's regions; an enterprise whose recognition is in
 * force on the day of receipt takes the fast track. A collective dispute raises the alert to the
 * city and the province in the same transaction.
 */
export async function createDispute(ctx: AppContext, actor: SignedIn, input: DisputeInput) {
  const enterprise = await getEnterprise(ctx, actor.user, input.uscc);
  requireInScope(await labourRegionScope(ctx, actor.user), enterprise.regionCode, '企业');
  const receivedOn = requireIsoDate(input.receivedOn, '受理日期');
  if (receivedOn > todayInShanghai(ctx.clock)) throw new AppError('VALIDATION_FAILED', '受理日期不能晚于今天');
  const claims = input.claims.trim();
  if (claims.length < 4) throw new AppError('VALIDATION_FAILED', '请填写仲裁或调解请求事项');
  if (input.parties.length === 0) throw new AppError('VALIDATION_FAILED', '请至少填写一名劳动者当事人');
  const parties = input.parties.map((p, index) => {
    const name = p.name.trim();
    if (!name) throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 名当事人缺少姓名`);
    if (!p.idNumber?.trim()) return { name, idNumber: null };
    const check = checkIdNumber(p.idNumber);
    if (!check.valid) throw new AppError('INVALID_ID_NUMBER', `第 ${index + 1} 名当事人的公民身份号码不正确`);
    return { name, idNumber: check.normalized };
  });
  const workersCount = Math.max(input.workersCount, parties.length);
  const claimedFen = requireAmount(input.claimedAmount, '请求金额');
  const arrearsFen = requireAmount(input.arrearsAmount, '拖欠工资金额');
  const isFastTrack = enterprise.recognizedOn <= receivedOn && receivedOn <= enterprise.validUntil;
  const deadlines = disputeDeadlines({ kind: input.kind, receivedOn, isFastTrack, isExtended: false });
  const alertReason = collectiveAlertReason({ workersCount, arrearsFen, receivedOn });
  const at = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const year = Number(receivedOn.slice(0, 4));
    const sequence = (await repo.countDisputesOfYear(trx, year)) + 1;
    const caseNo = `（${year}）劳争字第${String(sequence).padStart(4, '0')}号`;
    const id = await repo.insertDispute(trx, {
      case_no: caseNo,
      uscc: enterprise.uscc,
      enterprise_name: enterprise.name,
      region_code: enterprise.regionCode,
      city_code: enterprise.cityCode,
      kind: input.kind,
      stage: 'accepted',
      is_fast_track: isFastTrack ? 1 : 0,
      received_on: receivedOn,
      deadline: deadlines.deadline,
      fast_track_due: deadlines.fastTrackDue,
      workers_count: workersCount,
      claims_enc: ctx.cipher.encrypt(claims),
      terms: claimTerms(claims),
      claimed_fen: claimedFen,
      arrears_fen: arrearsFen,
      alert_reason: alertReason,
      alert_raised_at: alertReason ? at : null,
      outcome: null,
      closed_on: null,
      compensation_json: null,
      created_by: actor.user.username,
      created_at: at,
      updated_at: at,
    });
    await repo.insertParties(
      trx,
      parties.map((p) => ({
        dispute_id: id,
        name_enc: ctx.cipher.encrypt(p.name),
        id_number_enc: p.idNumber ? ctx.cipher.encrypt(p.idNumber) : null,
        id_index: p.idNumber ? ctx.cipher.blindIndex('id', p.idNumber) : null,
      })),
    );
    let notified = 0;
    if (alertReason)
      notified = await queueOfficialAlert(trx, {
        key: `labour-dispute:${id}:collective`,
        cityCode: enterprise.cityCode,
        title: '集体劳动争议应急预警',
        body: `${enterprise.name}（${caseNo}）：${alertReason}。请按重大集体劳动争议应急处置机制处理。`,
        at,
      });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.dispute.create',
        outcome: 'success',
        objectType: 'labour_dispute',
        objectId: String(id),
        details: { uscc: enterprise.uscc, kind: input.kind, workers: workersCount, alert: alertReason, notified },
      },
      ctx.clock(),
    );
    return id;
  });
  return getDispute(ctx, actor, id);
}

export interface DisputeChange {
  action: 'start' | 'extend' | 'close';
  outcome?: string;
}

/**
 * Moves a case on: 受理 → 调解中 / 仲裁审理中 (by its kind) → 结案 with the outcome; an arbitration
 * in hearing may be extended once (劳动争议调解仲裁法 第四十三条). Closing ends its alert.
 */
export async function changeDispute(ctx: AppContext, actor: SignedIn, id: number, change: DisputeChange) {
  const row = await loadInScope(ctx, actor.user, id);
  const at = ctx.clock().toISOString();
  let update: Updateable<LabourDisputeTable>;
  if (change.action === 'start' && row.stage === 'accepted')
    update = { stage: NEXT_STAGE[row.kind] as LabourDisputeTable['stage'] };
  else if (change.action === 'extend' && row.stage === 'arbitrating' && toNumber(row.is_extended) === 0)
    update = { is_extended: 1 };
  else if (change.action === 'close' && row.stage !== 'closed') {
    const outcome = change.outcome?.trim();
    if (!outcome) throw new AppError('VALIDATION_FAILED', '请填写结案情况（调解协议、裁决或撤回等）');
    update = { stage: 'closed', outcome, closed_on: todayInShanghai(ctx.clock) };
  } else throw new AppError('INVALID_STATE_TRANSITION', `案件${STAGE_LABELS[row.stage]}，不能执行该操作`);
  if (update.is_extended === 1)
    update.deadline = disputeDeadlines({
      kind: row.kind,
      receivedOn: row.received_on,
      isFastTrack: toNumber(row.is_fast_track) === 1,
      isExtended: true,
    }).deadline;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDispute(trx, row.id, { ...update, updated_at: at });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: `labour.dispute.${change.action}`,
        outcome: 'success',
        objectType: 'labour_dispute',
        objectId: String(row.id),
        details: { from: row.stage, to: update.stage ?? row.stage },
      },
      ctx.clock(),
    );
  });
  return getDispute(ctx, actor, row.id);
}
