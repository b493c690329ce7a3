import type { AppContext } from '../../app-context.ts';
import type { Policy } from '../../policies/types.ts';
import { findDataCoverage } from './coverage.repository.ts';
import { factSourceOf } from './fact-sources.ts';
import type { SubjectRow } from './subjects.ts';

/**
 * The facts of every subject of a policy on a date (every enterprise, hire, person or
 * certificate in the register), in one set-wise pass: what the sandbox and the 免申即享
 * match run evaluate. Months and registries not on file stay missing, never zero.
 */
export async function loadRegisterFacts(ctx: AppContext, policy: Policy, date: string): Promise<SubjectRow[]> {
  return factSourceOf(policy.code).load(ctx.db, policy, { kind: 'all' }, date, await findDataCoverage(ctx.db));
}

/**
 * The facts of one enterprise's subjects on a date (with every row its linked facts need), the same
 * query narrowed: what a 申报 re-evaluation of one benefit case reads.
 */
export async function loadEnterpriseFacts(ctx: Pick<AppContext, 'db'>, policy: Policy, uscc: string, date: string): Promise<SubjectRow[]> {
  return factSourceOf(policy.code).load(ctx.db, policy, { kind: 'enterprise', uscc }, date, await findDataCoverage(ctx.db));
}
