import type { AppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { createPersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import { makeUsccForSerial } from '../../platform/identifiers/uscc.ts';
import { TEST_KEYS } from '../../test/app.ts';
import type { TestDatabase } from '../../test/dialects.ts';
import type { RawCell } from '../imports/import-kind.ts';
import { parseEnterpriseRow } from './enterprises.parse.ts';
import { writeEnterprises, type RowOutcome } from './register-write.ts';

/** Test data builders for the register (STYLE habit 11): valid rows with overrides. */

export type EnterpriseCells = Record<string, RawCell>;

let serial = 0;

/** A fresh valid credit code registered in the region. */
export function nextUscc(regionCode = '320115'): string {
  serial += 1;
  return makeUsccForSerial(regionCode, 40_000_000 + serial);
}

/** A valid file row of kind `enterprises` (南京 江宁区, 专精特新, manufacturing), with overrides. */
export function buildEnterpriseCells(overrides: EnterpriseCells = {}): EnterpriseCells {
  return {
    uscc: nextUscc(),
    name: '南京扬帆测试装备有限公司',
    tier: '专精特新中小企业',
    recognized_on: '2024-01-15',
    valid_until: '2027-01-14',
    region_code: '320115',
    industry_code: '34',
    size: '中型',
    contact: '张敏',
    phone: '13912345678',
    ...overrides,
  };
}

/** An AppContext over a test database without the HTTP app (repository and writer tests). */
export function contextFor(database: TestDatabase, clock: () => Date = () => new Date()): AppContext {
  return {
    db: database.db,
    dialect: database.dialect,
    config: { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), keys: TEST_KEYS },
    cipher: createPersonalDataCipher(TEST_KEYS),
    clock,
  };
}

/** Parses and writes rows the way an import batch does; a row that does not parse fails the test. */
export async function seedEnterprises(
  ctx: AppContext,
  rows: EnterpriseCells[],
  source = 'test',
): Promise<RowOutcome[]> {
  const parsed = rows.map((cells, index) => {
    const result = parseEnterpriseRow(cells);
    if (!result.ok) throw new Error(`测试数据第 ${index + 1} 行无效：${JSON.stringify(result.rejects)}`);
    return { line: index + 2, record: result.record };
  });
  return ctx.db.transaction().execute((trx) => writeEnterprises(trx, ctx, parsed, source));
}
