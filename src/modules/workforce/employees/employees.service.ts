import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { maskIdNumber } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow, type Page } from '../../../platform/http/schemas.ts';
import { findVisibleEnterprise } from './enterprise-scope.ts';
import { findEmployeesAt, findLatestRosterPeriod, findPersonTags } from './employees.repository.ts';
import { TITLE_LEVEL_RANK, type Degree, type TitleLevel } from '../enumerations.ts';
import { isPeriod } from '../periods.ts';

/** A person insured at an enterprise in a month, as the API shows them: numbers masked. */
export interface EmployeeView {
  name: string;
  id_number: string;
  /** Persons have no phone number on record yet; the field is kept for the API's shape. */
  phone: string | null;
  first_period: number;
  last_period: number;
  /** 缴费基数 of the spell's latest month, in yuan. */
  base: number;
  graduate_degree: Degree | null;
  skill_level: number | null;
  title_level: TitleLevel | null;
}

/** `?period&page&pageSize` of the employees list. */
export interface EmployeesQuery {
  period?: string;
  page?: number;
  pageSize?: number;
}

const DEGREE_RANK: Record<Degree, number> = { associate: 1, bachelor: 2, master: 3, doctor: 4 };

/**
 * The persons insured at an enterprise in a month (by default the latest month it reported),
 * for callers whose scope includes the enterprise; ID numbers leave masked (4 + 4).
 */
export async function listEmployees(
  ctx: AppContext,
  user: CurrentUser,
  usccInput: string,
  query: EmployeesQuery,
): Promise<Page<EmployeeView> & { period: number | null }> {
  const uscc = await findVisibleEnterprise(ctx, user, usccInput);
  const { page, pageSize, offset } = pageWindow(query);
  const period = query.period === undefined ? await findLatestRosterPeriod(ctx.db, uscc) : parsePeriod(query.period);
  if (period === undefined) return { items: [], total: 0, page, pageSize, period: null };
  const { rows, total } = await findEmployeesAt(ctx.db, uscc, period, offset, pageSize);
  const tags = await personTags(
    ctx,
    rows.map((r) => Number(r.person_id)),
  );
  const items = rows.map((row): EmployeeView => ({
    name: row.name,
    id_number: maskIdNumber(ctx.cipher.decrypt(row.id_enc)),
    phone: null,
    first_period: Number(row.first_period),
    last_period: Number(row.last_period),
    base: toNumber(row.base_fen) / 100,
    graduate_degree: null,
    skill_level: null,
    title_level: null,
    ...tags.get(Number(row.person_id)),
  }));
  return { items, total: toNumber(total), page, pageSize, period };
}

function parsePeriod(text: string): number {
  const period = Number(text);
  if (!/^\d{6}$/.test(text) || !isPeriod(period))
    throw new AppError('VALIDATION_FAILED', `费款所属期 period 应为 YYYYMM，如 202401：${text}`);
  return period;
}

type Tags = Pick<EmployeeView, 'graduate_degree' | 'skill_level' | 'title_level'>;

// Each person shows their highest degree, best skill level and highest title.
async function personTags(ctx: AppContext, personIds: number[]): Promise<Map<number, Partial<Tags>>> {
  const { degrees, skills, titles } = await findPersonTags(ctx.db, personIds);
  const tags = new Map<number, Partial<Tags>>();
  const tagsOf = (id: unknown) => {
    const key = Number(id);
    if (!tags.has(key)) tags.set(key, {});
    return tags.get(key)!;
  };
  for (const { person_id, degree } of degrees) {
    const t = tagsOf(person_id);
    if (!t.graduate_degree || DEGREE_RANK[degree] > DEGREE_RANK[t.graduate_degree]) t.graduate_degree = degree;
  }
  for (const { person_id, level } of skills) tagsOf(person_id).skill_level = level === null ? null : Number(level);
  for (const { person_id, level } of titles) {
    const t = tagsOf(person_id);
    if (!t.title_level || TITLE_LEVEL_RANK[level] > TITLE_LEVEL_RANK[t.title_level]) t.title_level = level;
  }
  return tags;
}
