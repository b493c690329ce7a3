import { checkIdNumber, ID_NUMBER_REASONS } from '../../platform/identifiers/id-number.ts';
import { USCC_REASONS } from '../../platform/identifiers/uscc.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import {
  countCell,
  dateCell,
  enumCell,
  isCellError,
  moneyCell,
  periodCell,
  textCell,
  type CellResult,
} from '../imports/cells.ts';
import type { ColumnSpec, ParsedRow, RawCell, RowReject } from '../imports/import-kind.ts';
import { acceptUscc, NO_USCC_OVERRIDES, type UsccOverrideSet } from '../reference/uscc-acceptance.ts';
import { periodOfDate } from './periods.ts';

/**
 * Reads one row of an import file cell by cell, collecting every problem with its reason
 * code and a Chinese message naming the column, so a rejected row lists all its faults at
 * once. Reading never throws: whatever a spreadsheet holds becomes a value or a reject.
 */
export class RowReader {
  readonly rejects: Omit<RowReject, 'line'>[] = [];
  private readonly today: string;

  constructor(
    private readonly cells: Record<string, RawCell>,
    private readonly columns: readonly ColumnSpec[],
    today: string = todayInShanghai(),
    /** Credit codes failing only a check character that a recorded override accepts (read once per import). */
    private readonly usccOverrides: UsccOverrideSet = NO_USCC_OVERRIDES,
  ) {
    this.today = today;
  }

  /** The record when no cell was refused, else the rejects. */
  finish<R>(build: () => R): ParsedRow<R> {
    return this.rejects.length > 0 ? { ok: false, rejects: this.rejects } : { ok: true, record: build() };
  }

  /** Records a problem on a column (also for checks across columns). */
  reject(key: string, code: string, message: string): undefined {
    const header = this.header(key);
    this.rejects.push({ column: header, code, message: `${header}：${message}` });
    return undefined;
  }

  /** A normalised, valid 18-character ID number (15-character numbers are refused). */
  idNumber(key: string): string | undefined {
    const check = checkIdNumber(textCell(this.raw(key)) ?? '', { today: this.today });
    if (check.valid) return check.normalized;
    if (check.reason === 'EMPTY') return this.missing(key);
    return this.reject(key, check.reason, ID_NUMBER_REASONS[check.reason]);
  }

  /** A normalised 统一社会信用代码, valid or accepted by a manual override in force. */
  uscc(key: string): string | undefined {
    const check = acceptUscc(textCell(this.raw(key)) ?? '', this.usccOverrides);
    if (check.isAccepted) return check.normalized;
    if (check.reason === 'EMPTY') return this.missing(key);
    return this.reject(key, check.reason, USCC_REASONS[check.reason]);
  }

  /** Trimmed text of at most maxLength characters. */
  text(key: string, maxLength = 100): string | undefined {
    const value = textCell(this.raw(key));
    if (value === undefined) return this.missingIfRequired(key);
    if ([...value].length > maxLength) return this.reject(key, 'TEXT_TOO_LONG', `内容超过 ${maxLength} 个字符`);
    return value;
  }

  /** A date not after today (dates in a registry record what has happened). */
  pastDate(key: string): string | undefined {
    const value = this.cell(key, dateCell);
    if (value !== undefined && value > this.today) return this.reject(key, 'DATE_IN_FUTURE', `日期 ${value} 晚于今天`);
    return value;
  }

  /** A date, past or future (a posting's validity). */
  date(key: string): string | undefined {
    return this.cell(key, dateCell);
  }

  /** A period YYYYMM from 1991 (the start of contribution records) to the current month. */
  period(key: string): number | undefined {
    const value = this.cell(key, periodCell);
    if (value === undefined) return undefined;
    if (value < EARLIEST_PERIOD)
      return this.reject(key, 'PERIOD_INVALID', `费款所属期 ${value} 早于 ${EARLIEST_PERIOD}`);
    if (value > periodOfDate(this.today)) return this.reject(key, 'PERIOD_IN_FUTURE', `费款所属期 ${value} 晚于本月`);
    return value;
  }

  /** An amount in yuan as integer fen. */
  money(key: string): number | undefined {
    return this.cell(key, moneyCell);
  }

  /** A non-negative whole number. */
  count(key: string): number | undefined {
    return this.cell(key, countCell);
  }

  /** An enumerated value, matched on labels and short forms. */
  choice<T extends string>(key: string, options: Record<string, T>): T | undefined {
    return this.cell(key, (raw) => enumCell(raw, options, this.header(key)));
  }

  private cell<T>(key: string, read: (raw: RawCell) => CellResult<T>): T | undefined {
    const value = read(this.raw(key));
    if (value === undefined) return this.missingIfRequired(key);
    if (isCellError(value)) return this.reject(key, value.error, value.message);
    return value;
  }

  // An invalid Date (a broken spreadsheet date cell) would make the shared cell readers throw;
  // as text it is simply refused by whichever check the column has.
  private raw(key: string): RawCell {
    const value = this.cells[key];
    return value instanceof Date && Number.isNaN(value.getTime()) ? String(value) : value;
  }

  private missingIfRequired(key: string): undefined {
    return this.columns.find((c) => c.key === key)?.required ? this.missing(key) : undefined;
  }

  private missing(key: string): undefined {
    return this.reject(key, 'REQUIRED_MISSING', '必填项为空');
  }

  private header(key: string): string {
    return this.columns.find((c) => c.key === key)?.header ?? key;
  }
}

const EARLIEST_PERIOD = 199101;

/** A column of SPEC §3: Chinese header, English alias, required unless said otherwise. */
export function column(key: string, header: string, required = true): ColumnSpec {
  return { key, header, alias: key, required };
}

/** The two person columns every registry file starts with. */
export const PERSON_COLUMNS: readonly ColumnSpec[] = [column('id_number', '公民身份号码'), column('name', '姓名')];
