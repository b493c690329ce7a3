import type { AppContext } from '../../../app-context.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate } from '../../../platform/iso-date.ts';
import { findVisibleEnterprise } from '../../workforce/employees/enterprise-scope.ts';
import { OCCUPATION_CODE } from '../skills-columns.ts';
import type { TalentRecordKind, TalentRecordStatus } from '../skills.table.ts';
import { equivalentTitleOfSkill, talentEvaluation, type TitleLevel } from './correspondence.ts';
import {
  countCertificatesByIssuer,
  findTalentCounts,
  findTalentRecord,
  insertTalentRecord,
  listSelfEvaluation,
  listTalentRecords,
  updateTalentRecordStatus,
  upsertSelfEvaluation,
} from './talent.repository.ts';
import { findEnterpriseRegion } from '../internships/internships.repository.ts';
import { auditSkills, skillsRegionsOf } from '../skills-scope.ts';

type SignedIn = Actor & { user: CurrentUser };

/**
 * Talent evaluation (SPEC §2.8): the skill-level ↔ title table, enterprises piloting self-evaluation
 * (自主评价) with their occupations, and an enterprise's postdoctoral stations, 揭榜领题 challenges
 * and its people's training, internships, certificates and titles as counts by year.
 */

const TITLE_NAMES: Record<TitleLevel, string> = {
  junior: '初级',
  intermediate: '中级',
  deputy_senior: '副高级',
  senior: '正高级',
};
/** The statuses a record of each kind moves through. */
const STATUSES: Record<TalentRecordKind, readonly TalentRecordStatus[]> = {
  postdoc_station: ['active', 'closed'],
  challenge: ['open', 'solved', 'closed'],
};

/** The correspondence table as the page shows it, with its sources. */
export function talentEvaluationView() {
  const table = talentEvaluation();
  return {
    version: table.version,
    skill_levels: table.skill_levels.map((l) => ({
      level: l.level,
      name: l.name,
      grade: l.grade,
      is_high_skill: l.is_high_skill,
      equivalent_title: l.equivalent_title?.name ?? null,
    })),
    digital_engineer_levels: table.digital_engineer_levels.map((l) => ({
      name: l.name,
      equivalent_title: l.equivalent_title?.name ?? null,
      recognition: l.recognition,
    })),
    senior_titles: table.senior_title_levels.map((level) => TITLE_NAMES[level]),
    sources: table.sources.map((s) => ({ doc: s.doc, number: s.number ?? null, clause: s.clause })),
  };
}

/** Registers (or updates) an enterprise piloting self-evaluation for its occupations. */
export async function registerSelfEvaluation(
  ctx: AppContext,
  actor: SignedIn,
  input: { uscc: string; occupation_codes: string[]; approval_no: string; approved_on: string; valid_until?: string },
) {
  const uscc = await findVisibleEnterprise(ctx, actor.user, input.uscc);
  const codes = [...new Set(input.occupation_codes.map((c) => c.trim()).filter(Boolean))];
  if (codes.length === 0) throw new AppError('VALIDATION_FAILED', '请至少填写一个自主评价的职业编码');
  const wrong = codes.filter((c) => !OCCUPATION_CODE.test(c));
  if (wrong.length) throw new AppError('VALIDATION_FAILED', `职业编码应为大典格式，如 6-18-01-01：${wrong.join('、')}`);
  if (!isIsoDate(input.approved_on)) throw new AppError('VALIDATION_FAILED', '备案日期不正确');
  const validUntil = input.valid_until || null;
  if (validUntil !== null && (!isIsoDate(validUntil) || validUntil < input.approved_on))
    throw new AppError('VALIDATION_FAILED', '有效期至应为不早于备案日期的日期');
  const approvalNo = input.approval_no.trim();
  if (!approvalNo) throw new AppError('VALIDATION_FAILED', '请填写备案文号');
  return ctx.db.transaction().execute(async (trx) => {
    const region = (await findEnterpriseRegion(trx, uscc))!;
    await upsertSelfEvaluation(trx, {
      uscc,
      region_code: region,
      occupation_codes: JSON.stringify(codes),
      approval_no: approvalNo,
      approved_on: input.approved_on,
      valid_until: validUntil,
      recorded_at: ctx.clock().toISOString(),
      recorded_by: actor.user.id,
    });
    await auditSkills(ctx, trx, actor, 'skills.self_evaluation.register', 'enterprise', uscc, {
      occupations: codes.length,
      approval_no: approvalNo,
    });
    return { uscc, occupation_codes: codes };
  });
}

/** Self-evaluating enterprises the user's region covers, with the certificates each has issued. */
export async function listSelfEvaluationEnterprises(ctx: AppContext, user: CurrentUser) {
  const rows = await listSelfEvaluation(ctx.db, await skillsRegionsOf(ctx, user));
  const issued = await issuedCertificatesOf(
    ctx,
    rows.map((r) => r.uscc),
  );
  return {
    items: rows.map((r) => ({
      uscc: r.uscc,
      name: r.name ?? r.uscc,
      region_code: r.region_code,
      occupation_codes: JSON.parse(r.occupation_codes) as string[],
      approval_no: r.approval_no,
      approved_on: r.approved_on,
      valid_until: r.valid_until,
      issued_total: (issued.get(r.uscc) ?? []).reduce((total, c) => total + c.count, 0),
      issued: issued.get(r.uscc) ?? [],
    })),
  };
}

/** Skill certificates the enterprises issued as self-evaluating enterprises, by occupation and level. */
async function issuedCertificatesOf(ctx: AppContext, usccs: readonly string[]) {
  const levelNames = new Map(talentEvaluation().skill_levels.map((l) => [l.level, `${l.grade} / ${l.name}`]));
  const byIssuer = new Map<
    string,
    { occupation_code: string; occupation_name: string; level: string; count: number }[]
  >();
  for (const row of await countCertificatesByIssuer(ctx.db, usccs)) {
    const list = byIssuer.get(row.issuer_uscc) ?? [];
    list.push({
      occupation_code: row.occupation_code,
      occupation_name: row.occupation_name,
      level: levelNames.get(row.level) ?? String(row.level),
      count: row.n,
    });
    byIssuer.set(row.issuer_uscc, list);
  }
  return byIssuer;
}

export interface TalentRecordInput {
  kind: TalentRecordKind;
  title: string;
  field: string;
  level?: string;
  approved_on?: string;
  reward_yuan?: number;
  deadline?: string;
  note?: string;
}

/** Records a postdoctoral station or a 揭榜领题 challenge on an enterprise's page. */
export async function addTalentRecord(ctx: AppContext, actor: SignedIn, usccInput: string, input: TalentRecordInput) {
  const uscc = await findVisibleEnterprise(ctx, actor.user, usccInput);
  const title = input.title.trim();
  const field = input.field.trim();
  if (!title || !field) throw new AppError('VALIDATION_FAILED', '请填写名称和领域');
  if (input.kind === 'postdoc_station' && (!input.approved_on || !isIsoDate(input.approved_on)))
    throw new AppError('VALIDATION_FAILED', '请填写博士后工作站的批准设立日期');
  if (input.kind === 'challenge' && input.deadline !== undefined && !isIsoDate(input.deadline))
    throw new AppError('VALIDATION_FAILED', '揭榜截止日期不正确');
  const rewardFen = input.reward_yuan === undefined ? null : Math.round(input.reward_yuan * 100);
  if (rewardFen !== null && rewardFen < 0) throw new AppError('VALIDATION_FAILED', '悬赏金额不能为负数');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertTalentRecord(trx, {
      uscc,
      kind: input.kind,
      title,
      field,
      level: input.kind === 'postdoc_station' ? (input.level?.trim() ?? null) : null,
      approved_on: input.kind === 'postdoc_station' ? input.approved_on! : null,
      reward_fen: input.kind === 'challenge' ? rewardFen : null,
      deadline: input.kind === 'challenge' ? (input.deadline ?? null) : null,
      status: STATUSES[input.kind][0]!,
      note: input.note?.trim() || null,
      recorded_at: ctx.clock().toISOString(),
      recorded_by: actor.user.id,
    });
    await auditSkills(ctx, trx, actor, 'skills.talent_record.add', 'enterprise', uscc, { id, kind: input.kind });
    return { id };
  });
}

/** Moves a record on (a challenge 已揭榜 or closed, a station closed). */
export async function setTalentRecordStatus(
  ctx: AppContext,
  actor: SignedIn,
  usccInput: string,
  id: number,
  status: TalentRecordStatus,
) {
  const uscc = await findVisibleEnterprise(ctx, actor.user, usccInput);
  return ctx.db.transaction().execute(async (trx) => {
    const record = await findTalentRecord(trx, id);
    if (!record || record.uscc !== uscc) throw new AppError('NOT_FOUND', '没有这条记录');
    if (!STATUSES[record.kind].includes(status))
      throw new AppError(
        'VALIDATION_FAILED',
        record.kind === 'challenge' ? '揭榜项目的状态只能是征集中、已揭榜或已结束' : '工作站的状态只能是在站或已撤销',
      );
    await updateTalentRecordStatus(trx, id, status);
    await auditSkills(ctx, trx, actor, 'skills.talent_record.status', 'enterprise', uscc, { id, status });
    return { id, status };
  });
}

/**
 * An enterprise's talent page: its stations and challenges, and its people's training, internships,
 * skill certificates (by level, with the equivalent title), titles and 数字技术工程师 certificates by year.
 */
export async function enterpriseTalent(ctx: AppContext, user: CurrentUser, usccInput: string) {
  const uscc = await findVisibleEnterprise(ctx, user, usccInput);
  const [counts, records, issued] = await Promise.all([
    findTalentCounts(ctx.db, uscc),
    listTalentRecords(ctx.db, uscc),
    issuedCertificatesOf(ctx, [uscc]),
  ]);
  const table = talentEvaluation();
  const years = [
    ...new Set(
      [...counts.training, ...counts.trainees, ...counts.skills, ...counts.titles, ...counts.engineers].map(
        (r) => r.year,
      ),
    ),
  ]
    .filter((y) => /^\d{4}$/.test(y))
    .sort();
  const sum = <T extends { year: string; n: number }>(
    rows: readonly T[],
    year: string,
    keep: (row: T) => boolean = () => true,
  ) => rows.filter((r) => r.year === year && keep(r)).reduce((total, r) => total + r.n, 0);
  const highSkill = new Set(table.skill_levels.filter((l) => l.is_high_skill).map((l) => l.level));
  const senior = new Set<string>(table.senior_title_levels);
  return {
    years: years.map((year) => ({
      year,
      training: sum(counts.training, year),
      trainees: sum(counts.trainees, year),
      skill_certificates: sum(counts.skills, year),
      high_skill_certificates: sum(counts.skills, year, (r) => highSkill.has(r.level)),
      titles: sum(counts.titles, year),
      senior_titles: sum(counts.titles, year, (r) => senior.has(r.level)),
      digital_engineers: sum(counts.engineers, year),
    })),
    skill_levels: table.skill_levels.map((l) => ({
      name: l.name,
      count: counts.skills.filter((r) => r.level === l.level).reduce((total, r) => total + r.n, 0),
      equivalent_title: equivalentTitleOfSkill(l.level, table)?.name ?? null,
    })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      field: r.field,
      level: r.level,
      approved_on: r.approved_on,
      reward: r.reward_fen === null ? null : r.reward_fen / 100,
      deadline: r.deadline,
      status: r.status,
      note: r.note,
      recorded_at: r.recorded_at,
    })),
    self_issued: issued.get(uscc) ?? [],
  };
}
