import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkDiscrimination, type DiscriminationFlag } from '../discrimination.ts';
import { indexPostings, unindexPostings } from '../search/search-index.ts';
import { forgetSearchAnswers } from '../search/search.service.ts';
import * as repo from './postings.repository.ts';
import type { PostingStatus } from './postings.table.ts';

/**
 * Job postings of the recruitment zone (SPEC §2.6): an enterprise writes a draft, submits it to its
 * city, the city reviews it with the discrimination check's flags in view and approves (published),
 * returns it with comments (the enterprise edits and submits again) or rejects it. A posting counts
 * once, in the year it was first published.
 */

export const EDUCATION_LEVELS = ['不限', '初中', '高中/中专/技校', '大专', '本科', '硕士', '博士'] as const;
export const EXPERIENCE_LEVELS = ['不限', '应届生', '1年以下', '1-3年', '3-5年', '5-10年', '10年以上'] as const;
export const POSTING_STATUS_NAMES: Record<PostingStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回修改',
  rejected: '未通过',
  published: '已发布',
  withdrawn: '已撤回',
};

export interface PostingInput {
  title: string;
  occupationCode: string;
  posts: number;
  salaryMin: number;
  salaryMax: number;
  education: string;
  experience: string;
  regionCode: string;
  address: string;
  description: string;
  validUntil: string;
  tags: string[];
}

type SignedIn = Actor & { user: CurrentUser };

/** The fields the discrimination check reads, in the order shown to the reviewer. */
const CHECKED_FIELDS = ['title', 'description', 'tags'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];
export interface PostingFlag extends DiscriminationFlag {
  field: CheckedField;
}

function scopeOf(user: CurrentUser): repo.PostingScope {
  if (user.role === 'enterprise') {
    if (!user.uscc) throw new AppError('FORBIDDEN', '账号未绑定企业');
    return { kind: 'own_enterprise', uscc: user.uscc };
  }
  if (user.role === 'city_hrss') {
    if (!user.regionCode) throw new AppError('FORBIDDEN', '账号未设置所属地区');
    return { kind: 'region', regionCode: user.regionCode };
  }
  return { kind: 'province' };
}

export function flagsOf(posting: { title: string; description: string; tags: string[] }): PostingFlag[] {
  const texts: Record<CheckedField, string> = {
    title: posting.title,
    description: posting.description,
    tags: posting.tags.join('，'),
  };
  return CHECKED_FIELDS.flatMap((field) => checkDiscrimination(texts[field]).map((f) => ({ ...f, field })));
}

async function validate(ctx: AppContext, input: PostingInput) {
  const problems: string[] = [];
  if (!input.title.trim()) problems.push('岗位名称不能为空');
  if (!input.description.trim()) problems.push('岗位描述不能为空');
  if (!input.address.trim()) problems.push('工作地址不能为空');
  if (!Number.isInteger(input.posts) || input.posts < 1) problems.push('招聘人数应为正整数');
  if (input.salaryMin < 0 || input.salaryMax < 0) problems.push('月薪不能为负数');
  if (input.salaryMin > input.salaryMax) problems.push('月薪下限不能高于上限');
  if (!(EDUCATION_LEVELS as readonly string[]).includes(input.education))
    problems.push(`学历要求应为：${EDUCATION_LEVELS.join('、')}`);
  if (!(EXPERIENCE_LEVELS as readonly string[]).includes(input.experience))
    problems.push(`工作经验应为：${EXPERIENCE_LEVELS.join('、')}`);
  if (input.validUntil < ctx.clock().toISOString().slice(0, 10)) problems.push('有效期不能早于今天');
  const occupation = await repo.findOccupation(ctx.db, input.occupationCode);
  if (!occupation) problems.push(`职业代码 ${input.occupationCode} 不在《职业分类大典》参考数据中`);
  const region = await repo.findRegion(ctx.db, input.regionCode);
  if (!region || !region.city_code) problems.push(`工作地点 ${input.regionCode} 不是江苏省的县级行政区划代码`);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  return { cityCode: region!.city_code! };
}

function toView(row: repo.PostingRow, withFlags: boolean) {
  const tags = JSON.parse(row.tags) as string[];
  return {
    id: Number(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name ?? null,
    title: row.title,
    occupationCode: row.occupation_code,
    occupationName: row.occupation_name ?? null,
    posts: row.posts,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    education: row.education,
    experience: row.experience,
    regionCode: row.region_code,
    regionName: row.region_name ?? null,
    cityCode: row.city_code,
    address: row.address,
    description: row.description,
    validUntil: row.valid_until,
    tags,
    status: row.status,
    statusName: POSTING_STATUS_NAMES[row.status],
    flagCount: row.flag_count,
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    firstPublishedAt: row.first_published_at,
    updatedAt: row.updated_at,
    ...(withFlags ? { flags: flagsOf({ title: row.title, description: row.description, tags }) } : {}),
  };
}
export type PostingView = ReturnType<typeof toView>;

async function audit(ctx: AppContext, db: AppContext['db'], actor: Actor, action: string, id: number, details = {}) {
  await appendAudit(
    db,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType: 'job_posting', objectId: id, details },
    ctx.clock(),
  );
}

export async function createPosting(ctx: AppContext, actor: SignedIn, input: PostingInput): Promise<PostingView> {
  const scope = scopeOf(actor.user);
  if (scope.kind !== 'own_enterprise') throw new AppError('FORBIDDEN', '只有企业可以发布岗位信息');
  const { cityCode } = await validate(ctx, input);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findEnterpriseOf(trx, scope.uscc))) throw new AppError('NOT_FOUND', '企业不在培育库中');
    const id = await repo.insertPosting(trx, {
      uscc: scope.uscc,
      ...columnsOf(input),
      city_code: cityCode,
      status: 'draft',
      flag_count: flagsOf(input).length,
      created_by: actor.user.id,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, trx, actor, 'job_posting.create', id);
    return toView((await repo.findPosting(trx, id, scope))!, true);
  });
}

function columnsOf(input: PostingInput) {
  return {
    title: input.title.trim(),
    occupation_code: input.occupationCode,
    posts: input.posts,
    salary_min: input.salaryMin,
    salary_max: input.salaryMax,
    education: input.education,
    experience: input.experience,
    region_code: input.regionCode,
    address: input.address.trim(),
    description: input.description.trim(),
    valid_until: input.validUntil,
    tags: JSON.stringify([...new Set(input.tags.map((t) => t.trim()).filter(Boolean))]),
  };
}

async function requirePosting(db: AppContext['db'], user: CurrentUser, id: number) {
  const row = await repo.findPosting(db, id, scopeOf(user));
  if (!row) throw new AppError('NOT_FOUND', '岗位信息不存在或不在您的数据范围内');
  return row;
}

export async function updatePosting(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: PostingInput,
): Promise<PostingView> {
  const { cityCode } = await validate(ctx, input);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requirePosting(trx, actor.user, id);
    if (actor.user.role !== 'enterprise') throw new AppError('FORBIDDEN', '只有发布企业可以修改岗位信息');
    if (row.status !== 'draft' && row.status !== 'returned')
      throw new AppError('CONFLICT', `岗位信息${POSTING_STATUS_NAMES[row.status]}，不能修改`);
    await repo.updatePostingRow(trx, id, {
      ...columnsOf(input),
      city_code: cityCode,
      flag_count: flagsOf(input).length,
      updated_at: ctx.clock().toISOString(),
    });
    await audit(ctx, trx, actor, 'job_posting.update', id);
    return toView((await repo.findPosting(trx, id, scopeOf(actor.user)))!, true);
  });
}

export async function submitPosting(ctx: AppContext, actor: SignedIn, id: number): Promise<PostingView> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requirePosting(trx, actor.user, id);
    if (actor.user.role !== 'enterprise') throw new AppError('FORBIDDEN', '只有发布企业可以提交审核');
    if (row.status !== 'draft' && row.status !== 'returned')
      throw new AppError('CONFLICT', `岗位信息${POSTING_STATUS_NAMES[row.status]}，不能提交审核`);
    const now = ctx.clock().toISOString();
    await repo.updatePostingRow(trx, id, { status: 'submitted', submitted_at: now, updated_at: now });
    await audit(ctx, trx, actor, 'job_posting.submit', id, { flags: row.flag_count });
    return toView((await repo.findPosting(trx, id, scopeOf(actor.user)))!, true);
  });
}

export type ReviewDecision = 'approve' | 'return' | 'reject';

export async function reviewPosting(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  input: { decision: ReviewDecision; comment?: string },
): Promise<PostingView> {
  const comment = input.comment?.trim() || null;
  if (input.decision !== 'approve' && !comment) throw new AppError('VALIDATION_FAILED', '退回或不通过时请填写审核意见');
  const view = await ctx.db.transaction().execute(async (trx) => {
    const row = await requirePosting(trx, actor.user, id);
    if (actor.user.role !== 'city_hrss') throw new AppError('FORBIDDEN', '只有所在地市人社部门可以审核岗位信息');
    if (row.status !== 'submitted')
      throw new AppError('CONFLICT', `岗位信息${POSTING_STATUS_NAMES[row.status]}，不在待审核状态`);
    const now = ctx.clock().toISOString();
    const status: PostingStatus =
      input.decision === 'approve' ? 'published' : input.decision === 'return' ? 'returned' : 'rejected';
    await repo.updatePostingRow(trx, id, {
      status,
      review_comment: comment,
      reviewed_at: now,
      reviewed_by: actor.user.id,
      updated_at: now,
      ...(status === 'published' && !row.first_published_at ? { first_published_at: now } : {}),
    });
    await audit(ctx, trx, actor, `job_posting.${input.decision}`, id, { flags: row.flag_count });
    // The public search sees a posting from the moment it is published.
    if (status === 'published') await indexPostings(trx, ctx.dialect, [id], now);
    return toView((await repo.findPosting(trx, id, scopeOf(actor.user)))!, true);
  });
  if (input.decision === 'approve') forgetSearchAnswers(ctx);
  return view;
}

/** The enterprise takes a published posting down: it leaves the public search at once. */
export async function withdrawPosting(ctx: AppContext, actor: SignedIn, id: number): Promise<PostingView> {
  const view = await ctx.db.transaction().execute(async (trx) => {
    const row = await requirePosting(trx, actor.user, id);
    if (actor.user.role !== 'enterprise') throw new AppError('FORBIDDEN', '只有发布企业可以撤回岗位信息');
    if (row.status !== 'published')
      throw new AppError('CONFLICT', `岗位信息${POSTING_STATUS_NAMES[row.status]}，不能撤回`);
    await repo.updatePostingRow(trx, id, { status: 'withdrawn', updated_at: ctx.clock().toISOString() });
    await unindexPostings(trx, ctx.dialect, [id]);
    await audit(ctx, trx, actor, 'job_posting.withdraw', id);
    return toView((await repo.findPosting(trx, id, scopeOf(actor.user)))!, true);
  });
  forgetSearchAnswers(ctx);
  return view;
}

export async function getPosting(ctx: AppContext, user: CurrentUser, id: number): Promise<PostingView> {
  return toView(await requirePosting(ctx.db, user, id), true);
}

export async function listPostingsFor(
  ctx: AppContext,
  user: CurrentUser,
  query: { status?: PostingStatus; page?: number; pageSize?: number },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await repo.listPostings(ctx.db, scopeOf(user), {
    ...(query.status ? { status: query.status } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map((r) => toView(r, false)), total, page, pageSize };
}

/** China Standard Time (UTC+8) start of a month, as the UTC timestamp postings are stored with. */
function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000).toISOString();
}

/**
 * 发布岗位信息 over report months YYYYMM..YYYYMM (both included): postings first published then,
 * in a city or county (the province: 320000 or none). Each posting counts once.
 */
export async function countPublishedInMonths(
  ctx: AppContext,
  fromMonth: number,
  toMonth: number,
  regionCode?: string,
): Promise<number> {
  const next = toMonth % 100 === 12 ? toMonth + 89 : toMonth + 1;
  return repo.countFirstPublished(
    ctx.db,
    monthStart(Math.floor(fromMonth / 100), fromMonth % 100),
    monthStart(Math.floor(next / 100), next % 100),
    regionCode,
  );
}

/** 发布岗位信息: postings first published in the calendar year (each counts once), in a region or the province. */
export async function countPublishedInYear(ctx: AppContext, year: number, regionCode?: string): Promise<number> {
  // The year is China Standard Time's (UTC+8): timestamps are stored in UTC.
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - 8 * 3600_000).toISOString();
  return repo.countFirstPublished(ctx.db, start(year), start(year + 1), regionCode);
}
