import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.ts';
import type { IndustryTable, OccupationTable, RegionAliasTable, RegionTable } from './reference.table.ts';

/**
 * Reads the reference files under `reference/` (see reference/README.md) and turns them into
 * table rows. Nothing here touches the database, so the rules are easy to test and reuse.
 */

/** The repository's `reference/` folder. */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../../reference/', import.meta.url));

const PROVINCE = { code: '320000', name: '江苏省' } as const;
const COUNTY_KINDS = new Set(['district', 'county_city', 'county']);

export interface ReferenceRows {
  regions: RegionTable[];
  aliases: RegionAliasTable[];
  industries: IndustryTable[];
  occupations: OccupationTable[];
}

/** Reads every reference file of the folder into rows ready to upsert. */
export function readReferenceRows(dir: string = DEFAULT_REFERENCE_DIR): ReferenceRows {
  const read = (file: string, columns: string[]) => readCsvFile(path.join(dir, file), columns);
  const divisions = read('regions/jiangsu-divisions-2023.csv', ['code', 'name', 'city_code', 'city_name', 'kind']);
  const direct = read('regions/directly-administered.csv', ['code', 'name']);
  const retired = read('regions/retired-codes.csv', ['code', 'name', 'current_code', 'note']);
  const regions = buildRegions(divisions, new Set(direct.map((row) => row.code!)));
  return {
    regions,
    aliases: buildAliases(divisions, retired, new Set(regions.map((r) => r.code))),
    industries: read('industries/gbt4754-2017.csv', ['code', 'name', 'level', 'section', 'is_manufacturing']).map(toIndustry),
    occupations: buildOccupations(
      read(OCCUPATION_FILES.common, OCCUPATION_COLUMNS),
      read(OCCUPATION_FILES.rest, OCCUPATION_COLUMNS),
    ),
  };
}

/**
 * The 大典 2022 occupations: the working list the Sailing Plan uses, marked common, and the rest of
 * the published list from a machine-readable rendering (reference/README.md says which and why its
 * rows stay 待核). A code may appear in only one of the two files.
 */
export const OCCUPATION_FILES = { common: 'occupations/dadian-2022.csv', rest: 'occupations/dadian-2022-ocr.csv' } as const;
const OCCUPATION_COLUMNS = ['code', 'name', 'major_group', 'digital', 'green'];

function buildOccupations(common: CsvRow[], rest: CsvRow[]): OccupationTable[] {
  const rows = [...common.map((row) => toOccupation(row, 1)), ...rest.map((row) => toOccupation(row, 0))];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.code)) throw badFile(`职业编码重复：${row.code}`);
    seen.add(row.code);
  }
  return rows;
}

type CsvRow = Record<string, string>;

function buildRegions(divisions: CsvRow[], directlyAdministered: Set<string>): RegionTable[] {
  const province: RegionTable = { ...PROVINCE, level: 'province', kind: 'province', city_code: null, is_directly_administered: 0 };
  const cities = new Map<string, RegionTable>();
  const counties: RegionTable[] = [];
  for (const row of divisions) {
    const cityCode = requireCode(row.city_code, 'city_code');
    cities.set(cityCode, { code: cityCode, name: row.city_name!, level: 'city', kind: 'city', city_code: null, is_directly_administered: 0 });
    if (row.kind === 'statistical_zone') continue;
    if (!COUNTY_KINDS.has(row.kind!)) throw badFile(`未知的区划类型：${row.kind}`);
    counties.push({
      code: requireCode(row.code, 'code'),
      name: row.name!,
      level: 'county',
      kind: row.kind!,
      city_code: cityCode,
      is_directly_administered: directlyAdministered.has(row.code!) ? 1 : 0,
    });
  }
  return [province, ...cities.values(), ...counties];
}

function buildAliases(divisions: CsvRow[], retired: CsvRow[], regionCodes: Set<string>): RegionAliasTable[] {
  const zones: RegionAliasTable[] = divisions
    .filter((row) => row.kind === 'statistical_zone')
    .map((row) => ({
      code: requireCode(row.code, 'code'),
      name: row.name!,
      current_code: row.city_code!,
      kind: 'statistical_zone',
      note: `国家统计局统计用区划代码，不是 GB/T 2260 行政区划代码，按所属${row.city_name}（${row.city_code}）处理`,
    }));
  const retiredAliases: RegionAliasTable[] = retired.map((row) => ({
    code: requireCode(row.code, 'code'),
    name: row.name!,
    current_code: requireCode(row.current_code, 'current_code'),
    kind: 'retired',
    note: row.note!,
  }));
  const aliases = [...zones, ...retiredAliases];
  for (const alias of aliases) {
    if (regionCodes.has(alias.code)) throw badFile(`别名代码 ${alias.code} 同时是现行代码`);
    if (!regionCodes.has(alias.current_code)) throw badFile(`别名 ${alias.code} 指向未知代码 ${alias.current_code}`);
  }
  return aliases;
}

function toIndustry(row: CsvRow): IndustryTable {
  const level = row.level;
  if (level !== 'section' && level !== 'division') throw badFile(`未知的行业层级：${level}`);
  const pattern = level === 'section' ? /^[A-T]$/ : /^\d{2}$/;
  if (!pattern.test(row.code!)) throw badFile(`行业代码格式不正确：${row.code}`);
  return { code: row.code!, name: row.name!, level, section: row.section!, is_manufacturing: flag(row.is_manufacturing, '1') };
}

function toOccupation(row: CsvRow, isCommon: number): OccupationTable {
  if (!/^[1-8]-\d{2}-\d{2}-\d{2}$/.test(row.code!)) throw badFile(`职业编码格式不正确：${row.code}`);
  if (row.major_group !== row.code!.slice(0, 1)) throw badFile(`职业 ${row.code} 的大类与编码不符`);
  return {
    code: row.code!,
    name: row.name!,
    major_group: row.major_group!,
    is_digital: flag(row.digital, 'S'),
    is_green: flag(row.green, 'L'),
    is_common: isCommon,
  };
}

function flag(value: string | undefined, mark: string): number {
  if (value === mark) return 1;
  if (value === '' || value === '0') return 0;
  throw badFile(`标识应为 ${mark} 或空：${value}`);
}

function requireCode(value: string | undefined, column: string): string {
  if (!value || !/^\d{6}$/.test(value)) throw badFile(`${column} 应为 6 位数字：${value}`);
  return value;
}

function badFile(message: string): AppError {
  return new AppError('CONFIG_INVALID', `参考数据文件有误：${message}`);
}

/** Parses a small UTF-8 CSV file (BOM, CRLF and double-quoted fields allowed) into records. */
export function readCsvFile(file: string, requiredColumns: string[]): CsvRow[] {
  const lines = parseCsv(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  const [header, ...body] = lines;
  const missing = requiredColumns.filter((c) => !header?.includes(c));
  if (!header || missing.length > 0) throw badFile(`${path.basename(file)} 缺少列：${missing.join('、')}`);
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]?.trim() ?? ''])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (isQuoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      isQuoted = !isQuoted;
    } else if (isQuoted) {
      cell += char;
    } else if (char === ',') {
      endCell();
    } else if (char === '\n') {
      endRow();
    } else if (char !== '\r') {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
