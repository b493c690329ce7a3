import { todayInShanghai } from '../../../platform/iso-date.ts';
import { BoundedMemo, ownCopy } from '../../imports/bounded-memo.ts';
import type { ParsedRow, RawCell } from '../../imports/import-kind.ts';
import type { UsccOverrideSet } from '../../reference/uscc-acceptance.ts';
import { LEAVE_REASON_OPTIONS } from '../leave-reasons.ts';
import { createPlainIdNumberCheck } from '../persons/plain-id-number.ts';
import { column, RowReader } from '../row-reader.ts';

/** One row of a monthly insured roster: this person was insured at this enterprise this month. */
export interface RosterRecord {
  uscc: string;
  idNumber: string;
  name: string;
  period: number;
  baseFen: number;
  leaveReason: string | null;
}

/** The columns of a roster file (SPEC §3); 减员原因 is optional. */
export const ROSTER_COLUMNS = [
  column('uscc', '统一社会信用代码'),
  column('id_number', '公民身份号码'),
  column('name', '姓名'),
  column('period', '费款所属期'),
  column('base', '缴费基数'),
  column('leave_reason', '减员原因', false),
] as const;

/** Validates a roster row; every fault is reported with its column and reason code. */
export function parseRosterRow(
  cells: Record<string, RawCell>,
  today?: string,
  usccOverrides?: UsccOverrideSet,
): ParsedRow<RosterRecord> {
  const row = new RowReader(cells, ROSTER_COLUMNS, today, usccOverrides);
  const uscc = row.uscc('uscc');
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const period = row.period('period');
  const baseFen = row.money('base');
  const leaveReason = row.choice('leave_reason', LEAVE_REASON_OPTIONS) ?? null;
  return row.finish(() => ({
    uscc: uscc!,
    idNumber: idNumber!,
    name: name!,
    period: period!,
    baseFen: baseFen!,
    leaveReason,
  }));
}

// A roster names each insured person once a month: 1.5 million rows hold some 80,000 ID
// numbers, 700 credit codes and 24 periods. Remembering each distinct credit code's, period's
// and reason's verdict spares the GB 32100 check and the normalisation on every repeat; ID
// numbers are too many to remember cheaply and are checked directly (plain-id-number.ts).
const REMEMBERED_CODES = 20_000;
const REMEMBERED_SMALL = 1_000;

// Text that textCell returns unchanged: no full-width ASCII, no invisible or ideographic
// space, nothing to trim.
const NEEDS_FOLDING = /[\uff01-\uff5e\u200b-\u200d\u2060\ufeff\u3000]|^\s|\s$/;

/**
 * A roster parser for one import, given the header's column positions, that answers
 * exactly as parseRosterRow on the cells by key: a row whose cells are all plain and valid
 * is built from quick checks and remembered verdicts; any other row — a value that needs
 * folding, a spreadsheet number, any fault — goes through parseRosterRow itself, so rejects
 * and their messages never differ. "Today" (no birth date or period after it) is the day the
 * import started, for every row of it. The record's ID number may be a cut of the file's
 * text: whoever keeps it beyond the row copies it (ownCopy).
 */
export function createRosterParser(
  positions: ReadonlyMap<string, number>,
  today: string = todayInShanghai(),
  usccOverrides?: UsccOverrideSet,
): (cells: readonly RawCell[]) => ParsedRow<RosterRecord> {
  const at = (key: string) => positions.get(key) ?? -1;
  const [usccAt, idAt, nameAt, periodAt, baseAt, reasonAt] = [
    at('uscc'),
    at('id_number'),
    at('name'),
    at('period'),
    at('base'),
    at('leave_reason'),
  ];
  const byKey = (cells: readonly RawCell[]): Record<string, RawCell> => {
    const record: Record<string, RawCell> = {};
    for (const [key, index] of positions) record[key] = cells[index];
    return record;
  };
  const isPlainValidIdNumber = createPlainIdNumberCheck(today);
  // Overrides are fixed for the import, so a remembered verdict on a credit code stays right.
  const usccs = rememberCells(REMEMBERED_CODES, today, 'uscc', (row) => row.uscc('uscc'), usccOverrides);
  const periods = rememberCells(REMEMBERED_SMALL, today, 'period', (row) => row.period('period'));
  const reasons = rememberCells(
    REMEMBERED_SMALL,
    today,
    'leave_reason',
    (row) => row.choice('leave_reason', LEAVE_REASON_OPTIONS) ?? null,
  );
  return (cells) => {
    const uscc = usccs(cells[usccAt]);
    const rawIdNumber = cells[idAt];
    const idNumber = typeof rawIdNumber === 'string' && isPlainValidIdNumber(rawIdNumber) ? rawIdNumber : undefined;
    const name = cells[nameAt];
    const period = periods(cells[periodAt]);
    const rawBase = cells[baseAt];
    const baseFen = typeof rawBase === 'string' ? plainAmountInFen(rawBase) : undefined;
    const rawReason = reasonAt < 0 ? undefined : cells[reasonAt];
    const leaveReason = rawReason === undefined || rawReason === null || rawReason === '' ? null : reasons(rawReason);
    const isPlainName = typeof name === 'string' && name.length > 0 && name.length <= 50 && !NEEDS_FOLDING.test(name);
    if (
      uscc === undefined ||
      idNumber === undefined ||
      !isPlainName ||
      period === undefined ||
      baseFen === undefined ||
      leaveReason === undefined
    )
      return parseRosterRow(byKey(cells), today, usccOverrides);
    return { ok: true, record: { uscc, idNumber, name, period, baseFen, leaveReason } };
  };
}

/**
 * An amount as moneyCell reads it when there is nothing to fold — `^(\d{1,13})(\.\d{1,2})?$`,
 * yuan to fen — without a regular expression's match objects for every row; undefined otherwise.
 */
function plainAmountInFen(text: string): number | undefined {
  let yuan = 0;
  let i = 0;
  for (; i < text.length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    yuan = yuan * 10 + digit;
  }
  if (i === 0 || i > 13) return undefined;
  if (i === text.length) return yuan * 100;
  const decimals = text.length - i - 1;
  if (text.charCodeAt(i) !== 46 || decimals < 1 || decimals > 2) return undefined;
  const tenths = text.charCodeAt(i + 1) - 48;
  const hundredths = decimals === 2 ? text.charCodeAt(i + 2) - 48 : 0;
  if (tenths < 0 || tenths > 9 || hundredths < 0 || hundredths > 9) return undefined;
  return yuan * 100 + tenths * 10 + hundredths;
}

/**
 * The valid value of a text cell of one column, remembered by the text as typed; undefined
 * when the cell is not text or the column's reader refuses it. Rows come grouped (an
 * enterprise's rows, a month's rows), so the previous row's cell is compared first: equal
 * text is cheaper to confirm than a fresh string to hash.
 */
function rememberCells<T>(
  limit: number,
  today: string,
  key: string,
  read: (row: RowReader) => T | undefined,
  usccOverrides?: UsccOverrideSet,
): (raw: RawCell) => T | undefined {
  const memo = new BoundedMemo<T | false>(limit);
  let previousRaw: string | undefined;
  let previousVerdict: T | false = false;
  return (raw) => {
    if (typeof raw !== 'string') return undefined;
    if (raw === previousRaw) return previousVerdict === false ? undefined : previousVerdict;
    let verdict = memo.get(raw);
    if (verdict === undefined) {
      const own = ownCopy(raw);
      const row = new RowReader({ [key]: own }, ROSTER_COLUMNS, today, usccOverrides);
      const value = read(row);
      // A cell typed in normal form is its own value: one string kept, not two.
      verdict = row.rejects.length > 0 || value === undefined ? false : value === own ? (own as T) : value;
      memo.set(own, verdict);
    }
    previousRaw = raw;
    previousVerdict = verdict;
    return verdict === false ? undefined : verdict;
  };
}
