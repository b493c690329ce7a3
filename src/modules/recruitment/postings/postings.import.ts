import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { column, RowReader } from '../../workforce/row-reader.ts';
import { indexPostings } from '../search/search-index.ts';
import { forgetSearchAnswers } from '../search/search.service.ts';
import * as repo from './postings.repository.ts';
import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, flagsOf, type PostingInput } from './postings.service.ts';
import type { PostingStatus } from './postings.table.ts';

/**
 * Import kind `postings`: job postings already kept on 就在江苏 / 苏心聘, keyed by the source platform's
 * id. They are public there already, so a row the discrimination check finds nothing in is published
 * here at once (counted in the year it was first published there) and indexed for the public search;
 * a row with flagged phrases is NOT rejected but held as 待审核 in its city's review queue, flags shown,
 * and reaches the public only when the city approves it (it then counts from that day).
 */
export interface PostingImportRow extends PostingInput {
  key: string;
  uscc: string;
  publishedOn: string;
}

export const POSTING_COLUMNS = [
  column('posting_no', '岗位编号'),
  column('uscc', '统一社会信用代码'),
  column('title', '岗位名称'),
  column('occupation_code', '职业编码'),
  column('posts', '招聘人数'),
  column('salary_min', '月薪下限'),
  column('salary_max', '月薪上限'),
  { ...column('education', '学历要求'), values: EDUCATION_LEVELS },
  { ...column('experience', '工作经验'), values: EXPERIENCE_LEVELS },
  column('region_code', '工作地区划代码'),
  column('address', '工作地址'),
  column('description', '岗位描述'),
  column('valid_until', '有效期至'),
  column('tags', '标签', false),
  column('published_on', '首次发布日期'),
] as const;

const choices = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
const EDUCATION = { ...choices(EDUCATION_LEVELS), 中专: '高中/中专/技校', 高中: '高中/中专/技校', 专科: '大专' };
const EXPERIENCE = { ...choices(EXPERIENCE_LEVELS), 无经验: '不限', 经验不限: '不限' };

/** Validates a row: counts, yuan salary range (min ≤ max), the enumerations, dates in order. */
export function parsePostingRow(
  cells: Record<string, RawCell>,
  context?: Parameters<ImportKind<PostingImportRow>['parseRow']>[1],
  today?: string,
): ParsedRow<PostingImportRow> {
  const row = new RowReader(cells, POSTING_COLUMNS, today, context?.usccOverrides);
  const key = row.text('posting_no', 60);
  const uscc = row.uscc('uscc');
  const title = row.text('title', 100);
  const occupationCode = row.text('occupation_code', 20);
  const posts = row.count('posts');
  if (posts === 0) row.reject('posts', 'POSTS_INVALID', '招聘人数应为正整数');
  const salaryMin = row.count('salary_min');
  const salaryMax = row.count('salary_max');
  if (salaryMin !== undefined && salaryMax !== undefined && salaryMin > salaryMax)
    row.reject('salary_min', 'SALARY_RANGE_INVALID', `月薪下限 ${salaryMin} 元高于上限 ${salaryMax} 元`);
  const education = row.choice('education', EDUCATION);
  const experience = row.choice('experience', EXPERIENCE);
  const regionCode = row.text('region_code', 6);
  if (regionCode && !/^\d{6}$/.test(regionCode)) row.reject('region_code', 'REGION_INVALID', '应为 6 位区划代码');
  const address = row.text('address', 200);
  const description = row.text('description', 5000);
  const validUntil = row.date('valid_until');
  const tags = (row.text('tags', 200) ?? '')
    .split(/[、,，;；|/\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const publishedOn = row.pastDate('published_on');
  if (publishedOn && validUntil && validUntil < publishedOn)
    row.reject('valid_until', 'VALID_BEFORE_PUBLISHED', `有效期至 ${validUntil} 早于首次发布日期 ${publishedOn}`);
  return row.finish(() => ({
    key: key!,
    uscc: uscc!,
    title: title!,
    occupationCode: occupationCode!,
    posts: posts!,
    salaryMin: salaryMin!,
    salaryMax: salaryMax!,
    education: education!,
    experience: experience!,
    regionCode: regionCode!,
    address: address!,
    description: description!,
    validUntil: validUntil!,
    tags: [...new Set(tags)],
    publishedOn: publishedOn!,
  }));
}

/** The UTC timestamp of a date's midnight in China Standard Time (how first publication is stored). */
function startOfDayInChina(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

const COMPARED = [
  'uscc',
  'title',
  'occupation_code',
  'posts',
  'salary_min',
  'salary_max',
  'education',
  'experience',
  'region_code',
  'address',
  'description',
  'valid_until',
  'tags',
  'source_published_on',
] as const;

async function refusalOf(trx: Db, record: PostingImportRow): Promise<Omit<RowReject, 'line'> | { cityCode: string }> {
  if (!(await repo.findEnterpriseOf(trx, record.uscc)))
    return {
      column: '统一社会信用代码',
      code: 'ENTERPRISE_UNKNOWN',
      message: `统一社会信用代码：${record.uscc} 不在培育库中`,
    };
  if (!(await repo.findOccupation(trx, record.occupationCode)))
    return {
      column: '职业编码',
      code: 'OCCUPATION_UNKNOWN',
      message: `职业编码：${record.occupationCode} 不在《职业分类大典》参考数据中`,
    };
  const region = await repo.findRegion(trx, record.regionCode);
  if (!region?.city_code)
    return {
      column: '工作地区划代码',
      code: 'REGION_UNKNOWN',
      message: `工作地区划代码：${record.regionCode} 不是江苏省的县级行政区划`,
    };
  return { cityCode: region.city_code };
}

/**
 * Writes postings by their source id: a repeat changes nothing; a changed row updates the posting and
 * is checked again (clean → 已发布, flagged → 待审核 and out of the public search). The search index is
 * brought up to date for every posting written, in the same transaction.
 */
export async function writePostingBatch(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: PostingImportRow }[],
): Promise<BatchOutcome> {
  const rejects: RowReject[] = [];
  const written: number[] = [];
  let unchanged = 0;
  const now = ctx.clock().toISOString();
  for (const { line, record } of rows) {
    const checked = await refusalOf(trx, record);
    if (!('cityCode' in checked)) {
      rejects.push({ line, ...checked });
      continue;
    }
    const values = {
      uscc: record.uscc,
      title: record.title,
      occupation_code: record.occupationCode,
      posts: record.posts,
      salary_min: record.salaryMin,
      salary_max: record.salaryMax,
      education: record.education,
      experience: record.experience,
      region_code: record.regionCode,
      city_code: checked.cityCode,
      address: record.address,
      description: record.description,
      valid_until: record.validUntil,
      tags: JSON.stringify(record.tags),
      source_published_on: record.publishedOn,
    };
    const stored = await repo.findPostingBySourceKey(trx, record.key);
    if (stored && COMPARED.every((f) => String(stored[f]) === String(values[f]))) {
      unchanged += 1;
      continue;
    }
    const flags = flagsOf({ title: record.title, description: record.description, tags: record.tags });
    const status: PostingStatus = flags.length > 0 ? 'submitted' : 'published';
    const review = {
      status,
      flag_count: flags.length,
      submitted_at: status === 'submitted' ? now : (stored?.submitted_at ?? null),
      first_published_at:
        stored?.first_published_at ?? (status === 'published' ? startOfDayInChina(record.publishedOn) : null),
      updated_at: now,
    };
    if (stored) {
      await repo.updatePostingRow(trx, Number(stored.id), { ...values, ...review });
      written.push(Number(stored.id));
    } else {
      const id = await repo.insertPosting(trx, { ...values, ...review, source_key: record.key, created_at: now });
      written.push(id);
    }
  }
  // Published ones enter the public search; held ones leave it until the city approves them.
  await indexPostings(trx, ctx.dialect, written, now);
  return { accepted: written.length, unchanged, rejects };
}

/** `postings`: 岗位信息 already kept on 就在江苏 / 苏心聘, one row per posting, keyed by its id there. */
export const postingsImport: ImportKind<PostingImportRow> = {
  kind: 'postings',
  label: '招聘岗位信息',
  columns: POSTING_COLUMNS,
  parseRow: (cells, context) => parsePostingRow(cells, context),
  writeBatch: (trx, ctx, rows) => writePostingBatch(trx, ctx, rows),
  batchSize: 500,
  afterImport: async (ctx) => forgetSearchAnswers(ctx),
};
