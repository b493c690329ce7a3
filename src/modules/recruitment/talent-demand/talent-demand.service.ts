import type { AppContext } from '../../../app-context.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import { findDemandGroups, type DemandGroupKey } from './talent-demand.repository.ts';

/**
 * 人才需求 for the provincial 人才服务云平台 (SPEC §2.6; notice 二（三） “依托江苏省人才服务云平台持续发布需求信息”):
 * the published postings still valid today and first published on or after `since`, aggregated by
 * occupation (大典), city and education. Groups come in key order, a page at a time; `next_cursor`
 * (opaque) asks for the next page and is null on the last one. No enterprise or person is named.
 */
export interface TalentDemandItem {
  occupation_code: string;
  occupation_name: string | null;
  city_code: string;
  city_name: string | null;
  education: string;
  posts: number;
  postings: number;
  enterprises: number;
}

export interface TalentDemandPage {
  since: string;
  as_of: string;
  items: TalentDemandItem[];
  next_cursor: string | null;
}

function encodeCursor(key: DemandGroupKey): string {
  return Buffer.from(JSON.stringify([key.occupation, key.city, key.education])).toString('base64url');
}

function decodeCursor(cursor: string): DemandGroupKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === 'string')) {
      const [occupation, city, education] = parsed as [string, string, string];
      return { occupation, city, education };
    }
  } catch {
    // refused below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor 无效：请使用上一页返回的 next_cursor');
}

export async function pullTalentDemand(
  ctx: AppContext,
  query: { since: string; cursor?: string; limit: number },
): Promise<TalentDemandPage> {
  if (!isIsoDate(query.since)) throw new AppError('VALIDATION_FAILED', 'since 应为日期 YYYY-MM-DD');
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const today = todayInShanghai(ctx.clock);
  const rows = await findDemandGroups(ctx.db, {
    // Publication times are stored in UTC; `since` is a day in China Standard Time.
    from: new Date(`${query.since}T00:00:00+08:00`).toISOString(),
    today,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const items = page.map((r) => ({
    occupation_code: r.occupation_code,
    occupation_name: r.occupation_name ?? null,
    city_code: r.city_code,
    city_name: r.city_name ?? null,
    education: r.education,
    posts: Number(r.posts),
    postings: Number(r.postings),
    enterprises: Number(r.enterprises),
  }));
  const last = page.at(-1);
  return {
    since: query.since,
    as_of: today,
    items,
    next_cursor:
      rows.length > query.limit && last
        ? encodeCursor({ occupation: last.occupation_code, city: last.city_code, education: last.education })
        : null,
  };
}
