import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { Policy } from '../../../policies/types.ts';
import { loadBenefitRecords, markGranted } from '../records/benefit-records.ts';
import { findDataCoverage } from '../coverage.repository.ts';
import { factSourceOf } from './fact-sources.ts';
import type { FactScope } from './facts-sql.ts';
import type { SubjectRow } from './subjects.ts';

/**
 * The facts of every subject of a policy on a date (every enterprise, hire, person or
 * certificate in the register), in one set-wise pass: what the sandbox and the 免申即享
 * match run evaluate. Months and registries not on file stay missing, never zero. Facts about
 * benefits already received come from the benefit records (cases of this system and the imported
 * history), and each row is marked with who already holds its benefit, if anyone.
 */

export interface LoadOptions {
  /** The period of the run or application reading the facts: its own case is not an earlier benefit. */
  ownPeriod?: string;
}

export async function loadRegisterFacts(
  ctx: AppContext,
  policy: Policy,
  date: string,
  options: LoadOptions = {},
): Promise<SubjectRow[]> {
  return loadFacts(ctx.db, policy, { kind: 'all' }, date, options);
}

/**
 * The facts of one enterprise's subjects on a date (with every row its linked facts need), the same
 * query narrowed: what the calculator, an application and a 申报 re-evaluation of one case read.
 */
export async function loadEnterpriseFacts(
  ctx: Pick<AppContext, 'db'>,
  policy: Policy,
  uscc: string,
  date: string,
  options: LoadOptions = {},
): Promise<SubjectRow[]> {
  return loadFacts(ctx.db, policy, { kind: 'enterprise', uscc }, date, options);
}

async function loadFacts(
  db: Db,
  policy: Policy,
  scope: FactScope,
  date: string,
  options: LoadOptions,
): Promise<SubjectRow[]> {
  const source = factSourceOf(policy.code);
  const rows = await source.load(db, policy, scope, date, await findDataCoverage(db));
  const records = await loadBenefitRecords(db, policy);
  markGranted(policy, rows, records, options.ownPeriod);
  if (source.fromRecords) for (const row of rows) Object.assign(row.facts, source.fromRecords(row, records));
  return rows;
}
