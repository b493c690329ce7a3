import type { AppContext } from '../../../app-context.ts';
import { nowIso } from '../../../db/convert.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { compilePolicy } from '../../../policies/compile.ts';
import { applyScenario, type ScenarioValue } from '../../../policies/scenario.ts';
import { assumptionViews } from '../calculator/calc-views.ts';
import { evaluationDate } from '../calculator/calculator-access.service.ts';
import { findPolicyInForce } from '../catalogue/catalogue.service.ts';
import { findDataSnapshot, findEnterpriseProfiles, findRegionNames } from '../coverage.repository.ts';
import { loadRegisterFacts } from '../facts/register-facts.service.ts';
import { evaluateRows } from '../evaluate-rows.ts';
import { factSourceOf } from '../facts/fact-sources.ts';
import { kernelOfVersion, withEngineErrors } from '../policy-versions.ts';
import { compareRuns, resultsByEnterprise } from './sandbox-summary.ts';
import {
  findSandboxChanges,
  findSandboxRun,
  findSandboxRuns,
  insertSandboxRun,
  type ChangeDirection,
} from './sandbox.repository.ts';

/**
 * 政策沙盘: the policy in force and a changed copy (what-if parameter values, checked like a file)
 * run over the whole register with the compiled kernels, on facts computed set-wise in SQL. Live
 * decisions are never touched; the run is stored (who, when, changes, summary, the enterprises whose
 * result changed) for later viewing.
 */

/** What a run stores as its summary: the comparison's totals with the units' names, rows, assumptions and timings. */
type StoredSummary = ReturnType<typeof compareRuns>['summary'] & {
  rows: number;
  assumptions: ReturnType<typeof assumptionViews>;
  timings_ms: { facts: number; evaluate: number };
};

export interface SandboxInput {
  date?: string;
  changes: Record<string, ScenarioValue[]>;
  note?: string;
}

/** Runs a sandbox over the register and stores it; answers the run with its first page of changes. */
export async function runSandbox(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  code: string,
  input: SandboxInput,
) {
  const { row: version, policy } = await findPolicyInForce(ctx.db, code);
  if (Object.keys(input.changes).length === 0) throw new AppError('SCENARIO_INVALID', '请至少调整一个参数');
  const changed = withEngineErrors(() => applyScenario(policy, input.changes));
  const date = evaluationDate(ctx, input.date);
  const source = factSourceOf(code);
  const started = performance.now();
  const rows = await loadRegisterFacts(ctx, policy, date);
  const factsMs = performance.now() - started;
  // No record of earlier grants exists yet: both runs assume none, as the calculator's provisional result does.
  const options = { linked: source.linked, assume: source.assumptions };
  const before = resultsByEnterprise(rows, evaluateRows(kernelOfVersion(version), rows, date, options));
  const after = resultsByEnterprise(rows, evaluateRows(compilePolicy(changed), rows, date, options));
  const evaluateMs = performance.now() - started - factsMs;
  const { changes, summary } = compareRuns(await findEnterpriseProfiles(ctx.db), before, after);
  const names = await findRegionNames(
    ctx.db,
    summary.by_unit.map((unit) => unit.key),
  );
  const stored: StoredSummary = {
    ...summary,
    by_unit: summary.by_unit.map((unit) => ({ ...unit, name: names.get(unit.key) ?? unit.key })),
    rows: rows.length,
    assumptions: assumptionViews(policy, source.assumptions),
    timings_ms: { facts: Math.round(factsMs), evaluate: Math.round(evaluateMs) },
  };
  const snapshot = await findDataSnapshot(ctx.db);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const runId = await insertSandboxRun(
      trx,
      {
        code,
        policy_version_id: version.id,
        eval_date: date,
        changes: JSON.stringify(input.changes),
        summary: JSON.stringify(stored),
        snapshot: JSON.stringify(snapshot),
        note: input.note ?? null,
        created_by: actor.user.id,
        created_by_name: actor.user.username,
        created_at: nowIso(ctx.clock),
      },
      changes,
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'policy.sandbox.run',
        outcome: 'success',
        objectType: 'policy_sandbox_run',
        objectId: runId,
        details: {
          code,
          version_no: version.version_no,
          date,
          changes: input.changes,
          delta_fen: summary.total.delta_fen,
        },
      },
      ctx.clock(),
    );
    return runId;
  });
  return getSandboxRun(ctx, code, id, {});
}

/** The stored runs of a policy, newest first. */
export async function listSandboxRuns(ctx: AppContext, code: string, query: { page?: number; pageSize?: number }) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await findSandboxRuns(ctx.db, code, offset, pageSize);
  const items = rows.map((row) => {
    const summary = JSON.parse(row.summary) as ReturnType<typeof compareRuns>['summary'];
    return {
      id: row.id,
      code: row.code,
      date: row.eval_date,
      changes: JSON.parse(row.changes) as Record<string, ScenarioValue[]>,
      note: row.note,
      created_by: row.created_by_name,
      created_at: row.created_at,
      total: summary.total,
      gainers: summary.gainers,
      losers: summary.losers,
    };
  });
  return { items, total, page, pageSize };
}

/** One stored run: its summary and a page of the enterprises it changed (gainers, losers or all). */
export async function getSandboxRun(
  ctx: AppContext,
  code: string,
  id: number,
  query: { direction?: ChangeDirection; page?: number; pageSize?: number },
) {
  const run = await findSandboxRun(ctx.db, code, id);
  if (!run) throw new AppError('NOT_FOUND', '没有该沙盘测算记录');
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total } = await findSandboxChanges(ctx.db, id, query.direction ?? 'all', offset, pageSize);
  return {
    id: run.id,
    code: run.code,
    policy_version_id: run.policy_version_id,
    date: run.eval_date,
    changes: JSON.parse(run.changes) as Record<string, ScenarioValue[]>,
    note: run.note,
    snapshot: JSON.parse(run.snapshot) as Record<string, number>,
    created_by: run.created_by_name,
    created_at: run.created_at,
    summary: JSON.parse(run.summary) as StoredSummary,
    items,
    total,
    page,
    pageSize,
  };
}
