import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../platform/roles.ts';
import type { UsccOverrideSet } from '../reference/uscc-acceptance.ts';

/** One column of an import file: the Chinese header of SPEC §3 and its accepted English name. */
export interface ColumnSpec {
  key: string;
  header: string;
  alias: string;
  required: boolean;
  /** The values a column accepts, when it accepts only some (stated in the template and in the rejects). */
  values?: readonly string[];
}

/** A raw cell as the file gave it: text from CSV, or text / number / Date / null from XLSX. */
export type RawCell = string | number | Date | boolean | null | undefined;

/** Why a row was refused: the source line, the column (Chinese header) and a reason code. */
export interface RowReject {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

/**
 * What a row parser may know beyond the row, read once when an import starts (parsing is
 * synchronous and per row, so nothing is looked up row by row).
 */
export interface ParseContext {
  /** Credit codes failing only a check character that a recorded manual override accepts. */
  usccOverrides: UsccOverrideSet;
}

export type ParsedRow<R> = { ok: true; record: R } | { ok: false; rejects: Omit<RowReject, 'line'>[] };

export interface BatchOutcome {
  /** Rows that created or changed something. */
  accepted: number;
  /** Valid rows that changed nothing (a re-import of the same data). */
  unchanged: number;
  /** Rows refused while writing (e.g. an enterprise missing from the register). */
  rejects: RowReject[];
}

/**
 * Writes one import's rows window by window, for kinds that gain from seeing many rows at
 * once (a roster coalesces each person's months before touching the database) or from
 * remembering things across windows (person ids already resolved). Memory must stay bounded
 * whatever the file: `isFull` closes a window on the kind's own measure of what it holds.
 */
export interface ImportWriter<R> {
  /** Takes a valid row into the current window. */
  add(line: number, record: R): void;
  /** Whether the window should be written now; the runner also writes it at the end. */
  isFull(): boolean;
  /** Writes the window inside the runner's transaction and starts an empty one. */
  write(trx: Db, runId: number): Promise<BatchOutcome>;
}

/**
 * An import kind (SPEC §3): its columns, a pure row parser (normalise + validate, no I/O) and
 * a batch writer that runs inside the runner's transaction. Writers key rows naturally so the
 * same file twice changes nothing.
 */
export interface ImportKind<R> {
  kind: string;
  label: string;
  columns: readonly ColumnSpec[];
  parseRow(cells: Record<string, RawCell>, context?: ParseContext): ParsedRow<R>;
  writeBatch(trx: Db, ctx: AppContext, rows: { line: number; record: R }[], runId: number): Promise<BatchOutcome>;
  /** Who may run it (default: 省人社 only; the register is 工信's too). */
  roles?: readonly Role[];
  /** Rows per transaction, default 2,000; with its own writer, the most parse rejects one carries. */
  batchSize?: number;
  /**
   * A row parser for one import, when remembering checks across rows pays (the same ID
   * numbers month after month). It is given where the header put each column key and then
   * each row's cells in file order, and must answer exactly as parseRow does on the cells by
   * key with the same context. Default: parseRow.
   */
  createParser?(
    positions: ReadonlyMap<string, number>,
    context: ParseContext,
  ): (cells: readonly RawCell[]) => ParsedRow<R>;
  /** A writer for one import; default: arrays of batchSize rows given to writeBatch. */
  createWriter?(ctx: AppContext): ImportWriter<R>;
  /** Work after the last batch (e.g. refreshing aggregates), in its own transaction. */
  afterImport?(ctx: AppContext, runId: number): Promise<void>;
}
