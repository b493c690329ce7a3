import type { Db } from '../../db/database.ts';
import { toBoolean } from '../../db/convert.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import {
  findRegionNames,
  findAllRegionCodes,
  findCityScopeCodes,
  findRegion,
  findRegionAlias,
  queryIndustries,
  queryOccupations,
  queryRegions,
  type IndustryFilter,
  type OccupationFilter,
  type RegionFilter,
} from './reference.repository.ts';
import type { IndustryTable, OccupationTable, RegionTable } from './reference.table.ts';

/** Use cases of the reference data: resolving region codes, data scopes and the lists. */

const JIANGSU_PREFIX = '32';

export interface RegionView {
  code: string;
  name: string;
  level: RegionTable['level'];
  kind: string;
  cityCode: string | null;
  isDirectlyAdministered: boolean;
}

export interface ResolvedRegion {
  code: string;
  name: string;
  level: RegionTable['level'];
  /** The city a county belongs to, the city itself for a city, null for the province. */
  cityCode: string | null;
  cityName: string | null;
  isDirectlyAdministered: boolean;
  /** Set when the code given was a retired code or a statistical zone, mapped explicitly. */
  mappedFrom?: { code: string; kind: 'retired' | 'statistical_zone'; note: string };
}

/**
 * Resolves a Jiangsu region code to its current division; a retired code or a statistical
 * zone is mapped and says so in `mappedFrom`. Anything else is refused with INVALID_REGION.
 */
export async function resolveRegion(db: Db, code: string): Promise<ResolvedRegion> {
  const normalized = normalizeIdentifier(code);
  if (!/^\d{6}$/.test(normalized)) throw invalidRegion(normalized, '地区代码应为 6 位数字');
  if (!normalized.startsWith(JIANGSU_PREFIX)) throw invalidRegion(normalized, '不是江苏省的地区代码');
  const region = await findRegion(db, normalized);
  if (region) return describeRegion(db, region);
  const alias = await findRegionAlias(db, normalized);
  const current = alias && (await findRegion(db, alias.current_code));
  if (!alias || !current) throw invalidRegion(normalized, '不是江苏省现行行政区划代码');
  const mappedFrom = { code: alias.code, kind: alias.kind, note: alias.note };
  return { ...(await describeRegion(db, current)), mappedFrom };
}

async function describeRegion(db: Db, region: RegionTable): Promise<ResolvedRegion> {
  const city = region.level === 'county' && region.city_code ? await findRegion(db, region.city_code) : undefined;
  const cityOf = region.level === 'city' ? region : city;
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    cityCode: cityOf?.code ?? null,
    cityName: cityOf?.name ?? null,
    isDirectlyAdministered: toBoolean(region.is_directly_administered),
  };
}

function invalidRegion(code: string, reason: string): AppError {
  return new AppError('INVALID_REGION', `${reason}：${code}`, { code });
}

/**
 * Every current region code inside a region: the province holds all, a city holds itself and
 * its districts and counties, a county only itself. A directly-administered county (昆山,
 * 泰兴, 沭阳) stays inside its city administratively, so 苏州's scope includes 昆山 while
 * 昆山's scope is 昆山 alone (SPEC §1: a city_hrss sees its city, or one of 昆山/泰兴/沭阳).
 */
export async function regionScopeCodes(db: Db, regionCode: string): Promise<string[]> {
  const region = await resolveRegion(db, regionCode);
  if (region.level === 'province') return findAllRegionCodes(db);
  if (region.level === 'city') return findCityScopeCodes(db, region.code);
  return [region.code];
}

interface PageParams {
  page?: number;
  pageSize?: number;
}

/** A page of regions filtered by text (name or code), level and city. */
/** Display names of region codes (南京市江宁区 for a county-level division), by code. */
export function regionNamesOf(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  return findRegionNames(db, codes);
}

export async function listRegions(db: Db, query: RegionFilter & PageParams): Promise<Page<RegionView>> {
  const window = pageWindow(query);
  const { rows, total } = await queryRegions(db, query, { offset: window.offset, limit: window.pageSize });
  return { items: rows.map(toRegionView), total, page: window.page, pageSize: window.pageSize };
}

export interface IndustryView {
  code: string;
  name: string;
  level: IndustryTable['level'];
  section: string;
  isManufacturing: boolean;
}

/** A page of GB/T 4754 sections and divisions filtered by text, level, section, manufacturing. */
export async function listIndustries(db: Db, query: IndustryFilter & PageParams): Promise<Page<IndustryView>> {
  const window = pageWindow(query);
  const { rows, total } = await queryIndustries(db, query, { offset: window.offset, limit: window.pageSize });
  return { items: rows.map(toIndustryView), total, page: window.page, pageSize: window.pageSize };
}

export interface OccupationView {
  code: string;
  name: string;
  majorGroup: string;
  isDigital: boolean;
  isGreen: boolean;
}

/** A page of 大典 occupations filtered by text, major group and the S / L marks. */
export async function listOccupations(db: Db, query: OccupationFilter & PageParams): Promise<Page<OccupationView>> {
  const window = pageWindow(query);
  const { rows, total } = await queryOccupations(db, query, { offset: window.offset, limit: window.pageSize });
  return { items: rows.map(toOccupationView), total, page: window.page, pageSize: window.pageSize };
}

function toRegionView(row: RegionTable): RegionView {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    cityCode: row.city_code,
    isDirectlyAdministered: toBoolean(row.is_directly_administered),
  };
}

function toIndustryView(row: IndustryTable): IndustryView {
  return { code: row.code, name: row.name, level: row.level, section: row.section, isManufacturing: toBoolean(row.is_manufacturing) };
}

function toOccupationView(row: OccupationTable): OccupationView {
  return { code: row.code, name: row.name, majorGroup: row.major_group, isDigital: toBoolean(row.is_digital), isGreen: toBoolean(row.is_green) };
}
