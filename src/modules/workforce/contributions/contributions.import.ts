import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import type { UsccOverrideSet } from '../../reference/uscc-acceptance.ts';
import { findContributions, upsertContributions, type ContributionRow } from './contributions.repository.ts';
import { writeKeyedRows } from '../persons/keyed-write.ts';
import { keepRegisteredRows } from '../register-check.ts';
import { column, RowReader } from '../row-reader.ts';

/** The columns of a contributions file (SPEC §3). */
export const CONTRIBUTION_COLUMNS = [
  column('uscc', '统一社会信用代码'),
  column('period', '费款所属期'),
  column('insured', '参保人数'),
  column('pension', '养老保险单位缴费'),
  column('unemployment_unit', '失业保险单位缴费'),
  column('unemployment_personal', '失业保险个人缴费'),
  column('injury', '工伤保险单位缴费'),
] as const;

/** Validates a row of monthly contribution totals; amounts become integer fen. */
export function parseContributionRow(
  cells: Record<string, RawCell>,
  today?: string,
  usccOverrides?: UsccOverrideSet,
): ParsedRow<ContributionRow> {
  const row = new RowReader(cells, CONTRIBUTION_COLUMNS, today, usccOverrides);
  const uscc = row.uscc('uscc');
  const period = row.period('period');
  const insured = row.count('insured');
  const pension = row.money('pension');
  const unemploymentUnit = row.money('unemployment_unit');
  const unemploymentPersonal = row.money('unemployment_personal');
  const injury = row.money('injury');
  return row.finish(() => ({
    uscc: uscc!,
    period: period!,
    insured: insured!,
    pension_fen: pension!,
    unemployment_unit_fen: unemploymentUnit!,
    unemployment_personal_fen: unemploymentPersonal!,
    injury_fen: injury!,
  }));
}

/** Upserts contribution totals by (enterprise, month); enterprises must be in the register. */
export async function writeContributionBatch(
  trx: Db,
  _ctx: AppContext,
  rows: { line: number; record: ContributionRow }[],
): Promise<BatchOutcome> {
  const { kept, rejects } = await keepRegisteredRows(trx, rows);
  const outcome = await writeKeyedRows(
    trx,
    kept.map((r) => ({ line: r.line, row: r.record })),
    {
      keyOf: (r) => `${r.uscc}|${r.period}`,
      findStored: findContributions,
      upsert: upsertContributions,
    },
  );
  return { ...outcome, rejects: [...rejects, ...outcome.rejects] };
}

/** `contributions`: enterprises' monthly contribution totals (SPEC §3). */
export const contributionsImport: ImportKind<ContributionRow> = {
  kind: 'contributions',
  label: '企业月度缴费汇总',
  columns: CONTRIBUTION_COLUMNS,
  parseRow: (cells, context) => parseContributionRow(cells, undefined, context?.usccOverrides),
  writeBatch: writeContributionBatch,
};
