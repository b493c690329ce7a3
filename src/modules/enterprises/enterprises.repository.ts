import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import type { Database } from '../../db/schema.ts';
import type { EnterpriseScope } from './enterprise-scope.ts';
import type { EnterpriseSize, EnterpriseTable, Tier } from './enterprises.table.ts';

/** SQL of the register's reads: the filtered list, its export pages, one enterprise and its history. */

export type IndustryFilter = { kind: 'division' | 'section'; code: string } | { kind: 'manufacturing' };

export interface RegisterFilter {
  scope: EnterpriseScope;
  /** Region filter as current codes (a city expanded to its districts and counties). */
  regionCodes?: string[];
  tier?: Tier;
  industry?: IndustryFilter;
  size?: EnterpriseSize;
  /** Only enterprises holding a recognition valid that day (of `tier`, when given). */
  validOn?: string;
  /** Name containing the text, or credit code starting with it. */
  q?: string;
}

type Eb = ExpressionBuilder<Database & { e: EnterpriseTable }, 'e'>;

function scopeCondition(eb: Eb, scope: EnterpriseScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'regions':
      return scope.codes.length > 0 ? eb('e.region_code', 'in', scope.codes) : sql<SqlBool>`1 = 0`;
    case 'assigned':
      return eb(
        'e.uscc',
        'in',
        eb
          .selectFrom('key_enterprises')
          .select('key_enterprises.uscc')
          .where('key_enterprises.commissioner_id', '=', scope.commissionerId),
      );
    case 'own':
      return eb('e.uscc', '=', scope.uscc);
    case 'none':
      return sql<SqlBool>`1 = 0`;
  }
}

function industryCondition(eb: Eb, industry: IndustryFilter): Expression<SqlBool> {
  if (industry.kind === 'division') return eb('e.industry_code', '=', industry.code);
  const codes = eb.selectFrom('industries').select('industries.code');
  return eb(
    'e.industry_code',
    'in',
    industry.kind === 'section'
      ? codes.where('industries.section', '=', industry.code)
      : codes.where('industries.is_manufacturing', '=', 1),
  );
}

function validOnCondition(eb: Eb, day: string, tier: Tier | undefined): Expression<SqlBool> {
  let held = eb
    .selectFrom('enterprise_recognitions as er')
    .select('er.id')
    .whereRef('er.uscc', '=', 'e.uscc')
    .where('er.recognized_on', '<=', day)
    .where('er.valid_until', '>=', day);
  if (tier) held = held.where('er.tier', '=', tier);
  return eb.exists(held);
}

function textCondition(q: string): Expression<SqlBool> {
  const escaped = q.replace(/[\\%_]/g, (char) => `\\${char}`);
  return sql<SqlBool>`(e.name like ${`%${escaped}%`} escape '\\' or e.uscc like ${`${escaped.toUpperCase()}%`} escape '\\')`;
}

/** Every condition of the filter, the caller's scope first. */
function matches(filter: RegisterFilter) {
  return (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [scopeCondition(eb, filter.scope)];
    if (filter.regionCodes)
      parts.push(filter.regionCodes.length > 0 ? eb('e.region_code', 'in', filter.regionCodes) : sql<SqlBool>`1 = 0`);
    // With validOn the tier is the one held that day; without it, the current tier.
    if (filter.tier && !filter.validOn) parts.push(eb('e.tier', '=', filter.tier));
    if (filter.validOn) parts.push(validOnCondition(eb, filter.validOn, filter.tier));
    if (filter.industry) parts.push(industryCondition(eb, filter.industry));
    if (filter.size) parts.push(eb('e.size', '=', filter.size));
    if (filter.q) parts.push(textCondition(filter.q));
    return eb.and(parts);
  };
}

function withNames(db: Db, filter: RegisterFilter) {
  return db
    .selectFrom('enterprises as e')
    .leftJoin('regions as r', 'r.code', 'e.region_code')
    .leftJoin('regions as c', 'c.code', 'e.city_code')
    .leftJoin('industries as i', 'i.code', 'e.industry_code')
    .where(matches(filter))
    .selectAll('e')
    .select(['r.name as region_name', 'c.name as city_name', 'i.name as industry_name']);
}

export type EnterpriseListRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

/** How many enterprises the filter matches. */
export async function countEnterprises(db: Db, filter: RegisterFilter): Promise<number> {
  const count = await db
    .selectFrom('enterprises as e')
    .where(matches(filter))
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  return toNumber(count.total);
}

/** A page of the filtered register ordered by credit code, with the total count. */
export async function listEnterpriseRows(
  db: Db,
  filter: RegisterFilter,
  offset: number,
  limit: number,
): Promise<{ rows: EnterpriseListRow[]; total: number }> {
  const total = await countEnterprises(db, filter);
  const rows = await withNames(db, filter).orderBy('e.uscc').limit(limit).offset(offset).execute();
  return { rows, total };
}

/** The next rows after a credit code (keyset paging keeps a long export's queries cheap). */
export function nextEnterpriseRows(
  db: Db,
  filter: RegisterFilter,
  afterUscc: string,
  limit: number,
): Promise<EnterpriseListRow[]> {
  return withNames(db, filter).where('e.uscc', '>', afterUscc).orderBy('e.uscc').limit(limit).execute();
}

/** One enterprise inside the scope, or undefined (outside the scope it does not exist). */
export function findEnterpriseRow(
  db: Db,
  uscc: string,
  scope: EnterpriseScope,
): Promise<EnterpriseListRow | undefined> {
  return withNames(db, { scope }).where('e.uscc', '=', uscc).executeTakeFirst();
}

/** The tier history of an enterprise, newest first. */
export function findRecognitionHistory(db: Db, uscc: string) {
  return db
    .selectFrom('enterprise_recognitions')
    .select(['tier', 'recognized_on', 'valid_until', 'recorded_at', 'source'])
    .where('uscc', '=', uscc)
    .orderBy('recognized_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The key-enterprise entry of an enterprise with its commissioner's name, if it is on a list. */
export function findKeyEnterpriseEntry(db: Db, uscc: string) {
  return db
    .selectFrom('key_enterprises as k')
    .leftJoin('users as u', 'u.id', 'k.commissioner_id')
    .select(['k.region_code', 'k.commissioner_id', 'u.display_name as commissioner_name'])
    .where('k.uscc', '=', uscc)
    .executeTakeFirst();
}
