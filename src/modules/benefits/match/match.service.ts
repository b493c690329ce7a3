import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { isIsoDate } from '../../../platform/iso-date.ts';
import { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import { factSourceOf } from '../../policy/facts/fact-sources.ts';
import { isUniqueViolationOf } from '../idempotency.ts';
import { evaluateForMatch } from './match-evaluate.ts';
import { writeCandidates } from './match-write.ts';
import {
  beatMatchRun,
  findMatchRun,
  findMatchRuns,
  findRunningMatches,
  findSnapshot,
  insertMatchRun,
  markMatchRunAbandoned,
  updateMatchRun,
} from './match.repository.ts';
import type { Db } from '../../../db/database.ts';
import { runView } from './match-views.ts';
import { loadBenefitSettings } from '../benefit-settings.ts';

/**
 * 免申即享 match runs: every enterprise of the register evaluated for a policy and period from the
 * data, candidates written with amount and explanation, the run recording the policy version and
 * the data snapshot. A rerun adds only what is new and flags candidates whose amount changed.
 * A run beats a heartbeat while it works; one whose heartbeat stopped (its process died) no
 * longer blocks the policy and period: the next start marks it interrupted and takes over.
 * Two simultaneous starts cannot both run: a partial unique index allows one running run of a
 * policy and period, and the loser's insert is answered MATCH_RUN_BUSY.
 */

export const ABANDONED_RUN_ERROR = '进程中断，已由新批次接替';

/** The evaluation date of a period: YYYY → 31 December, YYYYMM → the month's last day. */
export function evaluationDateOf(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  if (/^\d{6}$/.test(period)) {
    const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(4))];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${period.slice(0, 4)}-${period.slice(4)}-${String(last).padStart(2, '0')}`;
    if (month >= 1 && month <= 12 && isIsoDate(date)) return date;
  }
  throw new AppError('VALIDATION_FAILED', `期间应为 YYYY 或 YYYYMM：${period}`);
}

/** Creates the run record (policy version, snapshot) and returns its id; the work is `executeMatchRun`. */
export async function createMatchRun(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  code: string,
  period: string,
): Promise<number> {
  const date = evaluationDateOf(period);
  const { row: version } = await findPolicyInForce(db, code);
  const source = factSourceOf(code);
  if (source.unavailable) throw new AppError('FACTS_NOT_AVAILABLE', source.unavailable);
  await takeOverAbandonedRuns(ctx, db, actor, code, period);
  const snapshot = await findSnapshot(db);
  const startedAt = ctx.clock().toISOString();
  try {
    return await insertMatchRun(db, {
      policy_code: code,
      policy_version_id: version.id,
      version_no: version.version_no,
      period,
      eval_date: date,
      snapshot: JSON.stringify(snapshot),
      status: 'running',
      phase: 'facts',
      summary: null,
      error: null,
      started_by: actor.user?.id ?? null,
      started_at: startedAt,
      finished_at: null,
      heartbeat_at: startedAt,
    });
  } catch (error) {
    // A simultaneous start passed the same check: the database keeps one running run per policy and period.
    if (isUniqueViolationOf(error, 'benefit_match_runs')) throw new AppError('MATCH_RUN_BUSY');
    throw error;
  }
}

/** Refuses with MATCH_RUN_BUSY while a run of the policy and period is alive; marks dead ones interrupted (audited). */
async function takeOverAbandonedRuns(ctx: AppContext, db: Db, actor: Actor, code: string, period: string) {
  const now = ctx.clock();
  const staleBefore = new Date(now.getTime() - loadBenefitSettings().matchRun.abandonedAfterMs).toISOString();
  for (const run of await findRunningMatches(db, code, period)) {
    const isAbandoned =
      run.lastBeatAt < staleBefore &&
      (await markMatchRunAbandoned(db, run.id, staleBefore, { error: ABANDONED_RUN_ERROR, at: now.toISOString() }));
    if (!isAbandoned) throw new AppError('MATCH_RUN_BUSY');
    await appendAudit(
      db,
      ctx.dialect,
      actor,
      {
        action: 'benefits.match.abandoned',
        outcome: 'success',
        objectType: 'benefit_match_run',
        objectId: run.id,
        details: { policy: code, period, last_heartbeat: run.lastBeatAt },
      },
      now,
    );
  }
}

/** Creates a run record in the caller's transaction and answers it as the API shows runs. */
export async function openMatchRun(ctx: AppContext, db: Db, actor: Actor, code: string, period: string) {
  const runId = await createMatchRun(ctx, db, actor, code, period);
  return runView((await findMatchRun(db, runId))!);
}

/** Runs a created match run to the end and answers its summary; a failure is recorded on the run. */
export async function executeMatchRun(ctx: AppContext, actor: Actor, runId: number) {
  const run = await findMatchRun(ctx.db, runId);
  if (!run) throw new AppError('NOT_FOUND', '没有该匹配批次');
  const heartbeat = setInterval(() => {
    beatMatchRun(ctx.db, runId, ctx.clock().toISOString()).catch(() => undefined);
  }, loadBenefitSettings().matchRun.heartbeatMs);
  heartbeat.unref();
  try {
    const { row: version, policy } = await findPolicyInForce(ctx.db, run.policy_code);
    if (version.id !== run.policy_version_id)
      throw new AppError('CONFLICT', '政策在匹配开始后有了新版本，请重新发起匹配');
    const evaluated = await evaluateForMatch(ctx, version, policy, run.eval_date, run.period);
    await updateMatchRun(ctx.db, runId, {
      phase: `write 0/${evaluated.candidates.length}`,
      heartbeat_at: ctx.clock().toISOString(),
    });
    const started = performance.now();
    const written = await writeCandidates(
      ctx,
      { runId, policy, period: run.period, versionId: version.id },
      evaluated.candidates,
    );
    const summary = {
      enterprises_evaluated: evaluated.enterprises,
      rows_evaluated: evaluated.rows,
      rows_excluded_already_granted: evaluated.excludedRows,
      ...written,
      timings_ms: {
        sql: Math.round(evaluated.factsMs),
        evaluate: Math.round(evaluated.evaluateMs),
        write: Math.round(performance.now() - started),
      },
    };
    await updateMatchRun(ctx.db, runId, {
      status: 'completed',
      phase: 'done',
      summary: JSON.stringify(summary),
      finished_at: ctx.clock().toISOString(),
    });
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      {
        action: 'benefits.match.run',
        outcome: 'success',
        objectType: 'benefit_match_run',
        objectId: runId,
        details: {
          policy: run.policy_code,
          period: run.period,
          version_no: version.version_no,
          candidates_new: written.candidates_new,
        },
      },
      ctx.clock(),
    );
  } catch (error) {
    await updateMatchRun(ctx.db, runId, {
      status: 'failed',
      error: (error as Error).message.slice(0, 500),
      finished_at: ctx.clock().toISOString(),
    });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  return getMatchRun(ctx, runId);
}

/** A run with its progress and summary. */
export async function getMatchRun(ctx: AppContext, runId: number) {
  const run = await findMatchRun(ctx.db, runId);
  if (!run) throw new AppError('NOT_FOUND', '没有该匹配批次');
  return runView(run);
}

/** Earlier runs, newest first (runs are province-wide: every official reader sees them all). */
export async function listMatchRuns(ctx: AppContext, query: { policy?: string; page?: number; pageSize?: number }) {
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await findMatchRuns(ctx.db, query.policy, offset, pageSize);
  return { items: rows.map(runView), total, page, pageSize };
}

/** Starts a run and lets it work in the background (the web page polls its progress). */
export async function startMatchRun(ctx: AppContext, actor: Actor, code: string, period: string) {
  const runId = await createMatchRun(ctx, ctx.db, actor, code, period);
  const done = executeMatchRun(ctx, actor, runId);
  // The outcome is on the run record; an unobserved rejection must not crash the server.
  done.catch(() => undefined);
  return { runId, done };
}
