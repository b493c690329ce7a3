import type { AppContext } from '../../../app-context.ts';
import { AppError } from '../../../platform/errors.ts';
import { TIER_LABELS } from '../../enterprises/enterprise-vocabulary.ts';
import type { Tier } from '../../enterprises/enterprises.table.ts';
import { ensureSearchDictionary, unindexExpired } from './search-index.ts';
import * as match from './search-match.repository.ts';
import * as repo from './search.repository.ts';
import { highlight, parseQuery, searchSettings, snippet, type TextPiece } from './search-text.ts';

/**
 * The public job search (SPEC §2.6): anyone, without logging in, finds published postings that
 * are still valid, by Chinese words and filters, sorted by relevance, date or salary, one page at a
 * time, each with its title and a snippet of its description with the query's words marked.
 * Answers are kept for a few seconds per question (reference/recruitment/search.json).
 */

export interface JobSearchQuery {
  q?: string;
  region?: string;
  occupation?: string;
  salaryMin?: number;
  salaryMax?: number;
  education?: string;
  tier?: Tier;
  /** A job fair (专场招聘会): only the postings its enterprises bring. */
  fair?: number;
  sort?: match.SearchSort;
  page?: number;
  pageSize?: number;
}

export interface JobSearchItem {
  id: number;
  title: string;
  titlePieces: TextPiece[];
  snippet: TextPiece[];
  enterpriseName: string;
  tier: string | null;
  tierName: string | null;
  occupationCode: string;
  occupationName: string | null;
  cityName: string | null;
  regionCode: string;
  regionName: string | null;
  salaryMin: number;
  salaryMax: number;
  education: string;
  experience: string;
  posts: number;
  tags: string[];
  publishedAt: string;
  validUntil: string;
  score: number;
}

export interface JobSearchPage {
  items: JobSearchItem[];
  total: number;
  page: number;
  pageSize: number;
  terms: string[];
}

const caches = new WeakMap<AppContext, Map<string, { at: number; value: JobSearchPage }>>();
const sweptOn = new WeakMap<AppContext, string>();

/**
 * Takes the postings whose validity has ended out of the index, once a day per app (the first
 * search of the day does it), so that matching never needs to read a posting's dates.
 */
async function sweepExpired(ctx: AppContext, day: string): Promise<void> {
  if (sweptOn.get(ctx) === day) return;
  sweptOn.set(ctx, day);
  if ((await unindexExpired(ctx.db, ctx.dialect, day)) > 0) forgetSearchAnswers(ctx);
}

/** Forgets the kept answers (a posting was published or withdrawn). */
export function forgetSearchAnswers(ctx: AppContext): void {
  caches.get(ctx)?.clear();
}

function today(ctx: AppContext): string {
  return ctx.clock().toISOString().slice(0, 10);
}

function tierName(tier: string | null): string | null {
  return tier ? (TIER_LABELS[tier as Tier] ?? tier) : null;
}

export async function searchJobs(ctx: AppContext, query: JobSearchQuery): Promise<JobSearchPage> {
  const s = searchSettings();
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? s.page_size.default, s.page_size.max);
  if (query.salaryMin !== undefined && query.salaryMax !== undefined && query.salaryMin > query.salaryMax)
    throw new AppError('VALIDATION_FAILED', '月薪下限不能高于上限');
  const key = JSON.stringify([
    query.q?.trim() ?? '',
    query.region,
    query.occupation,
    query.salaryMin,
    query.salaryMax,
    query.education,
    query.tier,
    query.fair,
    query.sort,
    page,
    pageSize,
    today(ctx),
  ]);
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const now = Date.now();
  const kept = cache.get(key);
  if (kept && now - kept.at < s.cache_seconds * 1000) return kept.value;

  await sweepExpired(ctx, today(ctx));
  await ensureSearchDictionary(ctx.db);
  const clauses = parseQuery(query.q ?? '');
  const filter: match.SearchFilter = {
    clauses,
    today: today(ctx),
    ...(query.region ? { region: query.region } : {}),
    ...(query.occupation ? { occupation: query.occupation } : {}),
    ...(query.salaryMin !== undefined ? { salaryMin: query.salaryMin } : {}),
    ...(query.salaryMax !== undefined ? { salaryMax: query.salaryMax } : {}),
    ...(query.education ? { education: query.education } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.fair !== undefined ? { postingIds: await repo.postingsOfFair(ctx.db, query.fair) } : {}),
  };
  const sort: match.SearchSort = query.sort ?? (clauses.length > 0 ? 'relevance' : 'date');
  const total = await match.countMatches(ctx.db, ctx.dialect, filter);
  const matches = await match.pageOfMatches(
    ctx.db,
    ctx.dialect,
    filter,
    { sort, weights: s.field_weights, limit: pageSize, offset: (page - 1) * pageSize },
    total,
  );
  const rows = new Map(
    (
      await repo.publicPostings(
        ctx.db,
        matches.map((m) => m.id),
        filter.today,
      )
    ).map((r) => [Number(r.id), r]),
  );
  const items = matches.flatMap(({ id, score }): JobSearchItem[] => {
    const r = rows.get(id);
    if (!r) return [];
    return [
      {
        id,
        title: r.title,
        titlePieces: highlight(r.title, clauses),
        snippet: snippet(r.description, clauses),
        enterpriseName: r.enterprise_name ?? '',
        tier: r.tier ?? null,
        tierName: tierName(r.tier ?? null),
        occupationCode: r.occupation_code,
        occupationName: r.occupation_name ?? null,
        cityName: r.city_name ?? null,
        regionCode: r.region_code,
        regionName: r.region_name ?? null,
        salaryMin: r.salary_min,
        salaryMax: r.salary_max,
        education: r.education,
        experience: r.experience,
        posts: r.posts,
        tags: JSON.parse(r.tags) as string[],
        publishedAt: r.published_at,
        validUntil: r.valid_until,
        score,
      },
    ];
  });
  const value: JobSearchPage = { items, total, page, pageSize, terms: clauses.map((c) => c.term) };
  if (cache.size >= s.cache_max_entries) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: now, value });
  return value;
}

/** One published, valid posting with its enterprise's public profile (name, tier, place, industry). */
export async function getPublicJob(ctx: AppContext, id: number) {
  const [r] = await repo.publicPostings(ctx.db, [id], today(ctx));
  if (!r) throw new AppError('NOT_FOUND', '岗位信息不存在、未发布或已过期');
  return {
    id: Number(r.id),
    title: r.title,
    occupationCode: r.occupation_code,
    occupationName: r.occupation_name ?? null,
    posts: r.posts,
    salaryMin: r.salary_min,
    salaryMax: r.salary_max,
    education: r.education,
    experience: r.experience,
    regionCode: r.region_code,
    regionName: r.region_name ?? null,
    cityName: r.city_name ?? null,
    address: r.address,
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    publishedAt: r.published_at,
    validUntil: r.valid_until,
    enterprise: {
      name: r.enterprise_name ?? '',
      tier: r.tier ?? null,
      tierName: tierName(r.tier ?? null),
      cityName: r.enterprise_city_name ?? null,
      industryCode: r.industry_code ?? null,
      industryName: r.industry_name ?? null,
    },
  };
}
