import type { JobPostingSearchTable, JobPostingTermTable } from './search.table.ts';
import type { SearchField } from './search-text.ts';

/**
 * The shapes the search index stores besides the segmented text (SPEC §2.6), pure:
 *
 * - `sort_key`: a posting's first publication (to the minute) and its id in one integer below
 *   2^53, so that "newest first, then the higher id" is one descending key on both databases and
 *   the SQLite full-text index (rowid) returns matches already in that order.
 * - filter tokens: the filter values as words of the full-text document (place, occupation code
 *   prefixes, education, tier, salary thresholds in thousands of yuan), so that the full-text
 *   index answers the filters and the count without reading any row.
 * - term rows: each term of the short fields with the bit mask of the fields holding it and their
 *   summed weight (the posting's score for that word), for job_posting_terms.
 */

const ID_SPAN = 16_777_216; // 2^24 posting ids per minute

export function sortKeyOf(publishedAt: string, postingId: number): number {
  return Math.floor(Date.parse(publishedAt) / 60_000) * ID_SPAN + postingId;
}

export function postingIdOf(sortKey: number): number {
  return sortKey % ID_SPAN;
}

/** The short fields and their bits in `job_posting_terms.fields` (the body has none). */
export const FIELD_BITS = { title: 1, occupation: 2, enterprise: 4, place: 8, tags: 16 } as const;
type ShortField = keyof typeof FIELD_BITS;
const SHORT_FIELDS = Object.keys(FIELD_BITS) as ShortField[];
const COLUMN_OF: Record<ShortField, keyof JobPostingSearchTable> = {
  title: 'title_terms',
  occupation: 'occupation_terms',
  enterprise: 'enterprise_terms',
  place: 'place_terms',
  tags: 'tag_terms',
};

/** The summed weight of the short fields in a mask. */
export function weightOfMask(mask: number, weights: Record<SearchField, number>): number {
  return SHORT_FIELDS.reduce((sum, f) => sum + (mask & FIELD_BITS[f] ? weights[f] : 0), 0);
}

/** One row per distinct term of the posting's short fields. */
export function termRowsOf(row: JobPostingSearchTable, weights: Record<SearchField, number>): JobPostingTermTable[] {
  const masks = new Map<string, number>();
  for (const field of SHORT_FIELDS)
    for (const term of String(row[COLUMN_OF[field]]).split(' '))
      if (term) masks.set(term, (masks.get(term) ?? 0) | FIELD_BITS[field]);
  return [...masks].map(([term, fields]) => ({
    term,
    fields,
    weight: weightOfMask(fields, weights),
    sort_key: row.sort_key,
  }));
}

/** Salary thresholds indexed as tokens, in thousands of yuan (1 … SALARY_STEPS). */
const SALARY_STEPS = 60;

function occupationToken(prefix: string): string {
  return `fxo${prefix.replace(/-/g, '')}`;
}

/** Education as a token: its characters' code points in hex (高中/中专/技校 stays one token). */
function educationToken(education: string): string {
  return `fxe${[...education].map((c) => c.codePointAt(0)!.toString(16)).join('')}`;
}

function tierToken(tier: string): string {
  return `fxt${tier.replace(/[^a-z]/g, '')}`;
}

/**
 * The filter tokens of a posting: fxp<code> for its city and county, fxo<digits> for each prefix
 * of its occupation code, fxe<hex> for its education, fxt<tier>, fxs<k> when the salary's upper end
 * reaches k thousand yuan, fxm<k> when its lower end is above k thousand yuan.
 */
export function filterTermsOf(p: {
  city_code: string;
  region_code: string;
  occupation_code: string;
  education: string;
  tier: string;
  salary_min: number;
  salary_max: number;
}): string {
  const tokens = new Set<string>([`fxp${p.city_code}`, `fxp${p.region_code}`]);
  const parts = p.occupation_code.split('-');
  for (let i = 1; i <= parts.length; i += 1) tokens.add(occupationToken(parts.slice(0, i).join('-')));
  if (p.education) tokens.add(educationToken(p.education));
  if (p.tier) tokens.add(tierToken(p.tier));
  for (let k = 1; k <= Math.min(SALARY_STEPS, Math.floor(p.salary_max / 1000)); k += 1) tokens.add(`fxs${k}`);
  for (let k = 0; k <= SALARY_STEPS && k * 1000 < p.salary_min; k += 1) tokens.add(`fxm${k}`);
  return ` ${[...tokens].join(' ')} `;
}

export interface FilterValues {
  region?: string;
  occupation?: string;
  salaryMin?: number;
  salaryMax?: number;
  education?: string;
  tier?: string;
  postingIds?: number[];
}

/**
 * The filters as tokens the document must hold (`include`) or must not (`exclude`), and what
 * tokens cannot say (`rest`: an occupation or salary the tokens do not cover, a fair's postings),
 * left to the columns.
 */
export function filterTokens(f: FilterValues): { include: string[]; exclude: string[]; rest: FilterValues } {
  const include: string[] = [];
  const exclude: string[] = [];
  const rest: FilterValues = {};
  if (f.region && f.region !== '320000') {
    if (/^\d{6}$/.test(f.region)) include.push(`fxp${f.region}`);
    else rest.region = f.region;
  }
  if (f.occupation) {
    if (/^\d(-\d{2}){0,3}$/.test(f.occupation)) include.push(occupationToken(f.occupation));
    else rest.occupation = f.occupation;
  }
  if (f.education) include.push(educationToken(f.education));
  if (f.tier) include.push(tierToken(f.tier));
  if (f.salaryMin !== undefined && f.salaryMin > 0) {
    const k = f.salaryMin / 1000;
    if (Number.isInteger(k) && k <= SALARY_STEPS) include.push(`fxs${k}`);
    else rest.salaryMin = f.salaryMin;
  }
  if (f.salaryMax !== undefined) {
    const k = f.salaryMax / 1000;
    if (Number.isInteger(k) && k <= SALARY_STEPS) exclude.push(`fxm${k}`);
    else rest.salaryMax = f.salaryMax;
  }
  if (f.postingIds) rest.postingIds = f.postingIds;
  return { include, exclude, rest };
}
