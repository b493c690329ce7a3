import type { BatchOutcome, ImportKind, RowReject } from '../imports/import-kind.ts';
import { ENTERPRISE_COLUMNS, parseEnterpriseRow, type EnterpriseRecord } from './enterprises.parse.ts';
import { writeEnterprises, type RowOutcome } from './register-write.ts';

/** A note on an accepted or unchanged row (a mapped region code, a cut industry class…). */
export interface RowNote {
  line: number;
  message: string;
}

/** The batch outcome plus the rows' notes, for a runner that reports them. */
export interface EnterpriseBatchOutcome extends BatchOutcome {
  notes: RowNote[];
}

/** Sums per-row outcomes into the runner's counters, rejects and notes. */
export function summariseOutcomes(outcomes: RowOutcome[]): EnterpriseBatchOutcome {
  const rejects: RowReject[] = outcomes.flatMap((o) => o.rejects.map((r) => ({ ...r, line: o.line })));
  const notes = outcomes.flatMap((o) => o.notes.map((message) => ({ line: o.line, message })));
  return {
    accepted: outcomes.filter((o) => o.status === 'accepted').length,
    unchanged: outcomes.filter((o) => o.status === 'unchanged').length,
    rejects,
    notes,
  };
}

/**
 * Import kind `enterprises` (SPEC §3): the 培育库 file of the 工信 side. Rows are keyed by credit
 * code and hashed, so the same file twice changes nothing; tier changes enter the history and
 * the change feed.
 */
export const enterprisesImport: ImportKind<EnterpriseRecord> = {
  kind: 'enterprises',
  label: '专精特新企业培育库',
  // The register is the 工信 side's data; 省人社 may load it too when the two bureaus exchange files.
  roles: ['province_miit', 'province_hrss'],
  columns: ENTERPRISE_COLUMNS,
  parseRow: (cells, context) => parseEnterpriseRow(cells, context?.usccOverrides),
  async writeBatch(trx, ctx, rows, runId): Promise<EnterpriseBatchOutcome> {
    return summariseOutcomes(await writeEnterprises(trx, ctx, rows, `import:${runId}`));
  },
};
