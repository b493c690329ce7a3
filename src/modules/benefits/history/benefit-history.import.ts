import { readFileSync } from 'node:fs';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { writeHistoryRecords, type HistoryRecord } from '../../policy/records/benefit-records.ts';
import { textCell } from '../../imports/cells.ts';
import { column, RowReader } from '../../workforce/row-reader.ts';

/**
 * Import kind `benefit_history` (历史享受记录): benefits paid before this system or by other systems
 * — 稳岗返还 per enterprise and refund year, per-person subsidies per person and month or year, and
 * 一次性吸纳就业补贴, which excludes 一次性扩岗补助 for the same person. The calculator and the match run
 * read them as “already received”. The accepted policies are data (reference/benefits/history-policies.json).
 */

interface HistoryPolicy {
  code: string;
  names: string[];
  period: 'year' | 'year_or_month';
  person: 'none' | 'required';
}

const FILE = new URL('../../../../reference/benefits/history-policies.json', import.meta.url);
const CATALOGUE = JSON.parse(readFileSync(FILE, 'utf8')) as {
  policies: HistoryPolicy[];
  refused: { code: string; names: string[]; reason: string }[];
};

const COLUMNS = [
  column('policy', '政策'),
  column('uscc', '统一社会信用代码'),
  column('id_number', '公民身份号码', false),
  column('period', '享受期间'),
  column('amount', '金额'),
  column('paid_on', '发放日期'),
  column('source_system', '来源系统'),
] as const;

function findPolicy(text: string): HistoryPolicy | { refused: string } | undefined {
  const name = text.trim();
  const refused = CATALOGUE.refused.find((p) => p.code === name || p.names.includes(name));
  if (refused) return { refused: refused.reason };
  return CATALOGUE.policies.find((p) => p.code === name || p.names.includes(name));
}

/** Validates one history row (pure). */
export function parseHistoryRow(cells: Record<string, RawCell>, today = todayInShanghai()): ParsedRow<HistoryRecord> {
  const row = new RowReader(cells, COLUMNS, today);
  const policyText = row.text('policy', 50);
  const found = policyText === undefined ? undefined : findPolicy(policyText);
  let policy: HistoryPolicy | undefined;
  if (policyText !== undefined && !found)
    row.reject(
      'policy',
      'POLICY_UNKNOWN',
      `不认识的政策「${policyText}」，可填：${CATALOGUE.policies.map((p) => p.names[0]).join('、')}`,
    );
  else if (found && 'refused' in found) row.reject('policy', 'POLICY_NOT_ACCEPTED', found.refused);
  else policy = found;
  const uscc = row.uscc('uscc');
  const idNumber = textCell(cells.id_number) === undefined ? undefined : row.idNumber('id_number');
  const period = readPeriod(row, textCell(cells.period), policy, today);
  const amount = row.money('amount');
  const paidOn = row.pastDate('paid_on');
  const sourceSystem = row.text('source_system', 50);
  if (policy?.person === 'required' && textCell(cells.id_number) === undefined)
    row.reject('id_number', 'REQUIRED_MISSING', '该政策按人员享受，须填写公民身份号码');
  if (policy?.person === 'none' && idNumber !== undefined)
    row.reject('id_number', 'ID_NUMBER_NOT_EXPECTED', '稳岗返还按企业享受，不填公民身份号码');
  if (amount !== undefined && amount <= 0) row.reject('amount', 'AMOUNT_NOT_POSITIVE', '金额应大于 0');
  return row.finish(() => ({
    policyCode: policy!.code,
    uscc: uscc!,
    idNumber,
    period: period!,
    amountFen: amount!,
    paidOn: paidOn!,
    sourceSystem: sourceSystem!,
  }));
}

function readPeriod(
  row: RowReader,
  text: string | undefined,
  policy: HistoryPolicy | undefined,
  today: string,
): string | undefined {
  if (text === undefined) return row.reject('period', 'REQUIRED_MISSING', '必填项为空');
  const value = text.replace(/[-/年月\s]/g, '');
  const year = Number(value.slice(0, 4));
  const isMonth = /^\d{6}$/.test(value) && Number(value.slice(4)) >= 1 && Number(value.slice(4)) <= 12;
  if (!(/^\d{4}$/.test(value) || isMonth) || year < 2000)
    return row.reject('period', 'PERIOD_INVALID', `享受期间应为年度 YYYY 或月份 YYYYMM：${text}`);
  if (value > today.slice(0, value.length === 4 ? 4 : 7).replace('-', ''))
    return row.reject('period', 'PERIOD_IN_FUTURE', `享受期间 ${value} 晚于本月`);
  if (policy?.period === 'year' && value.length !== 4)
    return row.reject('period', 'PERIOD_NOT_YEAR', '稳岗返还的享受期间填返还年度（数据所属年度，YYYY）');
  return value;
}

/** The `benefit_history` import kind (registered in modules/imports/kinds.ts). */
export const benefitHistoryImport: ImportKind<HistoryRecord> = {
  kind: 'benefit_history',
  label: '历史享受记录',
  roles: ['province_hrss'],
  columns: COLUMNS,
  parseRow: (cells) => parseHistoryRow(cells),
  writeBatch: (trx, ctx, rows, runId): Promise<BatchOutcome> => writeHistoryRecords(trx, ctx, rows, runId),
};
