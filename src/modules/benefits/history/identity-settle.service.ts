import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { claimIdentities, findCaseHolding } from '../../policy/records/benefit-records.ts';
import { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import { evaluateRows } from '../../policy/evaluate-rows.ts';
import { factSourceOf, hasFactSource } from '../../policy/facts/fact-sources.ts';
import { kernelOfVersion } from '../../policy/policy-versions.ts';
import { loadEnterpriseFacts } from '../../policy/facts/register-facts.service.ts';
import { canApply, LOST_STATES, type CaseState } from '../cases/case-states.ts';
import { moveCase } from '../cases/case-transitions.ts';
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
  const policies = new Map<string, PolicyInForce | undefined>();
  for (
    let page = await findUnsettledCases(ctx.db, PAGE);
    page.length > 0;
    page = await findUnsettledCases(ctx.db, PAGE)
  ) {
    for (const current of page) {
      if (!policies.has(current.policy_code))
        policies.set(
          current.policy_code,
          hasFactSource(current.policy_code) ? await findPolicyInForce(ctx.db, current.policy_code) : undefined,
        );
      await settleCase(ctx, policies.get(current.policy_code), current, summary);
    }
  }
  if (summary.settled > 0) {
    await appendAudit(
      ctx.db,
      ctx.dialect,
      systemActor('identity-settle'),
      { action: 'benefits.identity.settle', outcome: 'success', objectType: 'benefit_case', details: { ...summary } },
      ctx.clock(),
    );
  }
  return summary;
}

type PolicyInForce = Awaited<ReturnType<typeof findPolicyInForce>>;

async function settleCase(
  ctx: AppContext,
  inForce: PolicyInForce | undefined,
  current: Awaited<ReturnType<typeof findUnsettledCases>>[number],
  summary: SettleSummary,
) {
  const policy = inForce?.policy;
  const keys =
    inForce && !LOST_STATES.includes(current.state as CaseState) ? await identityKeysOfCase(ctx, inForce, current) : [];
  await ctx.db.transaction().execute(async (trx) => {
    const holder = keys.length > 0 ? await findCaseHolding(trx, current.policy_code, keys) : undefined;
    summary.settled += 1;
    if (!holder) {
      if (keys.length > 0)
        await claimIdentities(
          trx,
          current.policy_code,
          [{ caseId: current.id, uscc: current.uscc, keys }],
          ctx.clock().toISOString(),
        );
      await markCaseSettled(trx, current.id, null);
      return;
    }
    await markCaseSettled(trx, current.id, holder.caseId);
    const reason = `与案件 #${holder.caseId} 为同一待遇（${policy!.benefitIdentity.label}），重复案件已作废`;
    if (canApply('cancel', current.state)) {
      await moveCase(trx, ctx, systemActor('identity-settle'), current, 'cancel', {
        patch: { reason },
        note: reason,
        details: { duplicate_of: holder.caseId, identity: holder.key },
      });
      summary.cancelled += 1;
      return;
    }
    await appendAudit(
      trx,
      ctx.dialect,
      systemActor('identity-settle'),
      {
        action: 'benefits.identity.duplicate_paid',
        outcome: 'success',
        objectType: 'benefit_case',
        objectId: current.id,
        details: {
          policy: current.policy_code,
          period: current.period,
          state: current.state,
          duplicate_of: holder.caseId,
          identity: holder.key,
        },
      },
      ctx.clock(),
    );
    summary.duplicatesPaid += 1;
  });
}

/**
 * The identities a case's rows give, as its run saw them. A per-enterprise benefit (稳岗返还) is the
 * enterprise's row: held by an earlier case, it is a duplicate. Per-person cases were already unique per
 * person before identities existed, so their rows held by earlier cases were simply not theirs: the
 * case takes the rows of the persons it counted that are eligible with what earlier cases hold.
 */
async function identityKeysOfCase(
  ctx: AppContext,
  inForce: PolicyInForce,
  current: { id: number; uscc: string; period: string; evalDate: string },
): Promise<string[]> {
  const { row: version, policy } = inForce;
  const source = factSourceOf(policy.code);
  const rows = await loadEnterpriseFacts(ctx, policy, current.uscc, current.evalDate, { ownPeriod: current.period });
  if (source.isPerEnterprise)
    return rows.filter((row) => row.uscc === current.uscc).flatMap((row) => row.identityKeys ?? []);
  const decisions = evaluateRows(kernelOfVersion(version), rows, current.evalDate, {
    linked: source.linked,
    assume: source.assumptions,
  });
  const persons = await findCasePersonIds(ctx.db, current.id);
  const mine = rows.filter(
    (row, index) =>
      row.uscc === current.uscc &&
      !row.granted &&
      decisions[index]?.outcome !== 'ineligible' &&
      (row.personId === undefined || persons.has(row.personId)),
  );
  return [...new Set(mine.flatMap((row) => row.identityKeys ?? []))];
}
