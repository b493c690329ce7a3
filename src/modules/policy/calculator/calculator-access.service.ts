import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import { readFacts } from '../../../policies/facts.ts';
import { evaluatePolicy } from '../../../policies/evaluate.ts';
import { findVisibleEnterprise } from '../../workforce/employees/enterprise-scope.ts';
import { findCatalogueHeads } from '../catalogue/catalogue.repository.ts';
import { findPolicyInForce } from '../catalogue/catalogue.service.ts';
import { seesSourceQuality } from '../catalogue/catalogue-views.ts';
import { citedSourceViews, displayFacts, evaluationView, factQuestion } from './calc-views.ts';
import { calculateForEnterprise } from './calculator.service.ts';
import { hasFactSource } from '../facts/fact-sources.ts';
import { policyOfVersion, withEngineErrors } from '../policy-versions.ts';

/**
 * Who may compute what: an enterprise user its own enterprise, officials the enterprises in their
 * scope (SPEC §1) — anything else answers 404, as if the enterprise did not exist — and anyone a
 * policy over facts they type in (the public calculator), with the questions still open.
 */

/** The evaluation date of a request: the given one, or today in Beijing time. */
export function evaluationDate(ctx: AppContext, date: string | undefined): string {
  return date ? requireIsoDate(date, '评估日期（date）') : todayInShanghai(ctx.clock);
}

/** A policy for an enterprise the caller may see. */
export async function calculateForVisibleEnterprise(
  ctx: AppContext,
  user: CurrentUser,
  code: string,
  usccInput: string,
  date?: string,
) {
  const uscc = await findVisibleEnterprise(ctx, user, usccInput);
  return calculateForEnterprise(ctx, code, uscc, evaluationDate(ctx, date), seesSourceQuality(user));
}

/** Every policy in force on the date, computed for the enterprise user's own enterprise. */
export async function calculateMine(ctx: AppContext, user: CurrentUser, date?: string) {
  if (!user.uscc) throw new AppError('NOT_FOUND', '您的账号未关联企业');
  const uscc = await findVisibleEnterprise(ctx, user, user.uscc);
  const day = evaluationDate(ctx, date);
  const items = [];
  for (const head of await findCatalogueHeads(ctx.db)) {
    if (!head.current || !hasFactSource(head.current.code)) continue;
    const policy = policyOfVersion(head.current);
    if (day < policy.valid.from || day > policy.valid.to) continue;
    items.push(await calculateForEnterprise(ctx, policy.code, uscc, day, seesSourceQuality(user)));
  }
  const total = items.reduce((sum, item) => sum + (item.outcome === 'eligible' ? (item.amount_fen ?? 0) : 0), 0);
  return { uscc, date: day, items, eligible_amount_fen: total };
}

/** The public calculator: a policy over typed-in facts, with the facts it still needs (an official signed in also sees source quality). */
export async function calculateFromFacts(
  ctx: AppContext,
  code: string,
  input: { facts?: Record<string, unknown>; date?: string; region?: string },
  viewer: CurrentUser | null = null,
) {
  const { row, policy } = await findPolicyInForce(ctx.db, code);
  const date = evaluationDate(ctx, input.date);
  const region = input.region ?? '320000';
  const facts = withEngineErrors(() => readFacts(policy, input.facts ?? {}, '填写的事实'));
  const evaluation = evaluatePolicy(policy, { facts, date, region });
  const view = evaluationView(evaluation);
  return {
    ...view,
    version: row.version,
    policy: policy.code,
    name: policy.name,
    version_no: row.version_no,
    content_sha256: row.content_sha256,
    date,
    region,
    facts: displayFacts(policy, Object.fromEntries(facts)),
    sources: citedSourceViews(policy, seesSourceQuality(viewer)),
    questions: view.missing_facts,
    form: policy.facts.map((fact) => factQuestion(fact, policy)),
  };
}
