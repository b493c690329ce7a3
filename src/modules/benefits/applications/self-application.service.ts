import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Policy } from '../../../policies/types.ts';
import { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import { factSourceOf } from '../../policy/facts/fact-sources.ts';
import { insertFresh } from '../match/match-write.ts';
import { findSnapshot } from '../match/match.repository.ts';
import { evaluationDateOf } from '../match/match.service.ts';
import { evaluateEnterpriseForMatch } from './self-application-evaluate.ts';
import {
  findEnterpriseCase,
  findEnterpriseName,
  insertFinishedRun,
  setRunSummary,
} from './self-application.repository.ts';

/**
 * An enterprise opens its own case of an application policy (即申即享) without waiting for the
 * province's match run: it is evaluated alone exactly as the run would evaluate it, and a candidate's
 * case (persons, history, notice, SMS and e-mail) is written by the run's own writing code under a
 * run record of scope “enterprise <uscc>”. A case already on file for the policy and period is
 * answered as it is; the province's later run finds it and adds none.
 */

export interface SelfApplicationAnswer {
  case_id: number;
  is_new: boolean;
  run_id: number | null;
}

/** Starts (or finds) the signed-in enterprise's case of a policy and period. */
export async function startSelfApplication(
  trx: Db,
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  code: string,
  period: string,
): Promise<SelfApplicationAnswer> {
  const uscc = actor.user.uscc;
  if (!uscc) throw new AppError('FORBIDDEN', '账号未关联企业');
  const { row: version, policy } = await findPolicyInForce(trx, code);
  if (policy.delivery !== 'application')
    throw new AppError('APPLICATION_NOT_NEEDED', '该政策免申即享，无需申请，匹配后会通知您');
  const date = evaluationDateOf(period);
  refuseOutsideValidity(policy, period, date);
  const existing = await findEnterpriseCase(trx, code, period, uscc);
  if (existing) return { case_id: existing.id, is_new: false, run_id: null };
  const source = factSourceOf(code);
  if (source.unavailable) throw new AppError('FACTS_NOT_AVAILABLE', source.unavailable);
  const names = await findEnterpriseName(trx, uscc);
  if (!names.has(uscc)) throw new AppError('APPLICATION_NOT_CANDIDATE', '企业登记库中没有本单位，暂不能发起申请');
  const verdict = await evaluateEnterpriseForMatch(trx, version, policy, uscc, period, date);
  if (verdict.kind === 'ineligible')
    throw new AppError(
      'APPLICATION_NOT_CANDIDATE',
      `按现有数据不符合${policy.name}条件：${verdict.reasons.join('；')}`,
      { reasons: verdict.reasons },
    );
  if (verdict.kind === 'undetermined') {
    throw new AppError(
      'APPLICATION_NOT_CANDIDATE',
      `尚缺少以下数据，暂不能确定是否符合${policy.name}条件（这些数据不能由企业申报，待有关部门数据归集后再试）：${verdict.missing.join('；')}`,
      { missing: verdict.missing },
    );
  }
  const at = ctx.clock().toISOString();
  const runId = await insertFinishedRun(trx, {
    policy_code: code,
    policy_version_id: version.id,
    version_no: version.version_no,
    period,
    eval_date: date,
    snapshot: JSON.stringify(await findSnapshot(trx)),
    status: 'completed',
    phase: `enterprise ${uscc}`,
    summary: null,
    error: null,
    started_by: actor.user.id,
    started_at: at,
    finished_at: at,
    heartbeat_at: at,
  });
  const lost = await insertFresh(
    trx,
    ctx,
    { runId, policy, period, versionId: version.id },
    [verdict.candidate],
    names,
  );
  // A province run writing at the same moment may have opened the case first: that one is answered.
  const written = await findEnterpriseCase(trx, code, period, uscc);
  if (!written || lost > 0)
    throw new AppError('BENEFIT_ALREADY_GRANTED', `${policy.name}的同一待遇已由其他案件享受或正在办理，不能重复申请`);
  const isNew = written.runId === runId;
  await setRunSummary(trx, runId, {
    scope: 'enterprise',
    uscc,
    enterprises_evaluated: 1,
    candidates: 1,
    candidates_new: isNew ? 1 : 0,
    candidates_unchanged: isNew ? 0 : 1,
    amount_changed: 0,
    amount_new_fen: isNew ? verdict.candidate.amountFen : 0,
    awaiting_declaration: verdict.candidate.awaitingDeclaration ?? 0,
  });
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.application.start',
      outcome: 'success',
      objectType: 'benefit_case',
      objectId: written.id,
      details: {
        policy: code,
        period,
        run_id: runId,
        is_new: isNew,
        amount_fen: verdict.candidate.amountFen,
        awaiting_declaration: verdict.candidate.awaitingDeclaration ?? 0,
      },
    },
    ctx.clock(),
  );
  return { case_id: written.id, is_new: isNew, run_id: runId };
}

/** Refuses a period that does not overlap the policy's validity. */
function refuseOutsideValidity(policy: Policy, period: string, lastDay: string) {
  const firstDay = period.length === 4 ? `${period}-01-01` : `${period.slice(0, 4)}-${period.slice(4)}-01`;
  if (lastDay < policy.valid.from || firstDay > policy.valid.to) {
    throw new AppError(
      'APPLICATION_NOT_CANDIDATE',
      `期间 ${period} 不在${policy.name}的有效期（${policy.valid.from} 至 ${policy.valid.to}）内`,
    );
  }
}
