import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor } from '../../platform/auth/current-user.ts';
import type { Policy } from '../../policies/types.ts';
import { claimIdentities, findCaseHolding } from '../policy/benefit-records.ts';
import { findPolicyInForce } from '../policy/catalogue.service.ts';
import { hasFactSource } from '../policy/fact-sources.ts';
import { loadEnterpriseFacts } from '../policy/register-facts.service.ts';
import { canApply, LOST_STATES, type CaseState } from './case-states.ts';
import { moveCase } from './case-transitions.ts';
import { findCasePersonIds, findUnsettledCases, markCaseSettled } from './identity-settle.repository.ts';

/**
 * Cases written before benefit identities were recorded (migration 20261207T1600) are settled at
 * start-up, oldest first: each case's identities are computed from its rows as its run saw them; the
 * earliest live or paid case keeps a benefit; a later live duplicate is cancelled with the reason
 * (重复案件已作废, its history and the audit say which case holds the benefit); a duplicate that money
 * has already gone to is never touched — it is marked with the earlier case and audited for officials.
 */

const PAGE = 200;

export interface SettleSummary {
  settled: number;
  cancelled: number;
  duplicatesPaid: number;
}

export async function settleBenefitIdentities(ctx: AppContext): Promise<SettleSummary> {
  const summary: SettleSummary = { settled: 0, cancelled: 0, duplicatesPaid: 0 };
  const policies = new Map<string, Policy | undefined>();
  for (let page = await findUnsettledCases(ctx.db, PAGE); page.length > 0; page = await findUnsettledCases(ctx.db, PAGE)) {
    for (const current of page) {
      if (!policies.has(current.policy_code)) policies.set(current.policy_code, hasFactSource(current.policy_code) ? (await findPolicyInForce(ctx.db, current.policy_code)).policy : undefined);
      await settleCase(ctx, policies.get(current.policy_code), current, summary);
    }
  }
  if (summary.settled > 0) {
    await appendAudit(ctx.db, ctx.dialect, systemActor('identity-settle'), { action: 'benefits.identity.settle', outcome: 'success', objectType: 'benefit_case', details: { ...summary } }, ctx.clock());
  }
  return summary;
}

async function settleCase(ctx: AppContext, policy: Policy | undefined, current: Awaited<ReturnType<typeof findUnsettledCases>>[number], summary: SettleSummary) {
  const keys = policy && !LOST_STATES.includes(current.state as CaseState) ? await identityKeysOfCase(ctx, policy, current) : [];
  await ctx.db.transaction().execute(async (trx) => {
    const holder = keys.length > 0 ? await findCaseHolding(trx, current.policy_code, keys) : undefined;
    summary.settled += 1;
    if (!holder) {
      if (keys.length > 0) await claimIdentities(trx, current.policy_code, [{ caseId: current.id, uscc: current.uscc, keys }], ctx.clock().toISOString());
      await markCaseSettled(trx, current.id, null);
      return;
    }
    await markCaseSettled(trx, current.id, holder.caseId);
    const reason = `与案件 #${holder.caseId} 为同一待遇（${policy!.benefitIdentity.label}），重复案件已作废`;
    if (canApply('cancel', current.state)) {
      await moveCase(trx, ctx, systemActor('identity-settle'), current, 'cancel', { patch: { reason }, note: reason, details: { duplicate_of: holder.caseId, identity: holder.key } });
      summary.cancelled += 1;
      return;
    }
    await appendAudit(trx, ctx.dialect, systemActor('identity-settle'), {
      action: 'benefits.identity.duplicate_paid', outcome: 'success', objectType: 'benefit_case', objectId: current.id,
      details: { policy: current.policy_code, period: current.period, state: current.state, duplicate_of: holder.caseId, identity: holder.key },
    }, ctx.clock());
    summary.duplicatesPaid += 1;
  });
}

/** The identities a case's rows give: its enterprise's row, or the rows of the persons it counted. */
async function identityKeysOfCase(ctx: AppContext, policy: Policy, current: { id: number; uscc: string; period: string; evalDate: string }): Promise<string[]> {
  const rows = (await loadEnterpriseFacts(ctx, policy, current.uscc, current.evalDate, { ownPeriod: current.period })).filter((row) => row.uscc === current.uscc);
  const persons = await findCasePersonIds(ctx.db, current.id);
  const mine = rows.filter((row) => row.personId === undefined || persons.has(row.personId));
  return [...new Set(mine.flatMap((row) => row.identityKeys ?? []))];
}
