import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { Policy } from '../../../policies/types.ts';
import { formatYuan } from '../../../policies/values.ts';
import { insertCaseEvents } from '../cases/cases.repository.ts';
import { evaluateCaseDeclarations } from '../applications/declared-facts-evaluate.ts';
import { declaredFactsText, takesDeclarations } from '../applications/declared-facts-rules.ts';
import { findDeclaredCaseIds } from '../applications/declared-facts.repository.ts';
import type { Candidate } from './match-evaluate.ts';
import { claimIdentities } from '../../policy/records/benefit-records.ts';
import {
  deleteUnwrittenCases,
  findCasesOfPeriod,
  findCasesOfRun,
  findEnterpriseNames,
  flagAmountChange,
  insertCasePersons,
  insertCases,
  updateMatchRun,
} from './match.repository.ts';
import { insertNotices, insertOutbox } from '../delivery/notices.repository.ts';

/**
 * The writing half of a match run, in chunks of one transaction each: new candidates become
 * cases with their notice (inbox, SMS and e-mail in the outbox) and counted persons; a candidate
 * already on file is left alone, or flagged when its amount changed. A crash between chunks
 * leaves whole chunks, and the rerun completes the rest without duplicates. A case holding the
 * enterprise's declared facts (申报事实) is compared as re-evaluated with them, not as the data alone.
 */

const CHUNK = 500;

/**
 * Test only (never in production): `YANGFAN_TEST_MATCH_WRITE=<chunk>:<pauseMs>` writes in chunks of
 * that size and pauses after each, so a test can kill a job worker between committed chunks.
 */
function writePace(): { chunk: number; pauseMs: number } {
  const setting = process.env.YANGFAN_TEST_MATCH_WRITE;
  if (!setting || process.env.NODE_ENV === 'production') return { chunk: CHUNK, pauseMs: 0 };
  const [chunk, pauseMs] = setting.split(':').map(Number);
  return { chunk: chunk! > 0 ? chunk! : CHUNK, pauseMs: pauseMs! > 0 ? pauseMs! : 0 };
}

export interface RunRef {
  runId: number;
  policy: Policy;
  period: string;
  versionId: number;
}

/** Writes the candidates of a run and answers the counts. */
export async function writeCandidates(ctx: AppContext, run: RunRef, candidates: readonly Candidate[]) {
  const existing = await findCasesOfPeriod(ctx.db, run.policy.code, run.period);
  const names = await findEnterpriseNames(ctx.db);
  const declared = takesDeclarations(run.policy)
    ? await findDeclaredCaseIds(ctx.db, run.policy.code, run.period)
    : new Set<number>();
  const counts = {
    candidates: candidates.length,
    candidates_new: 0,
    candidates_already_granted: 0,
    candidates_unchanged: 0,
    amount_changed: 0,
    amount_new_fen: 0,
  };
  // A run taken over after its worker died: the chunks it committed are its own new cases, as if it had not stopped.
  const writtenBefore = new Set<string>();
  for (const [uscc, found] of existing) {
    if (found.runId !== run.runId) continue;
    existing.delete(uscc);
    writtenBefore.add(uscc);
    counts.candidates_new += 1;
    counts.amount_new_fen += found.amountFen;
  }
  const pace = writePace();
  for (let i = 0; i < candidates.length; i += pace.chunk) {
    const chunk = candidates.slice(i, i + pace.chunk).filter((c) => !writtenBefore.has(c.uscc));
    await ctx.db.transaction().execute(async (trx) => {
      const fresh = chunk.filter((c) => !existing.has(c.uscc) && names.has(c.uscc));
      const lost = await insertFresh(trx, ctx, run, fresh, names);
      const written = await findCasesOfRun(
        trx,
        run.policy.code,
        run.period,
        run.runId,
        fresh.map((c) => c.uscc),
      );
      counts.candidates_new += written.size;
      counts.candidates_already_granted += lost;
      counts.amount_new_fen += fresh.reduce((sum, c) => sum + (written.has(c.uscc) ? c.amountFen : 0), 0);
      for (const candidate of chunk) {
        const found = existing.get(candidate.uscc);
        if (!found) continue;
        const now = declared.has(found.id) ? await reassessDeclaredCase(trx, found.id, run, candidate.uscc) : candidate;
        if (!now || found.amountFen === now.amountFen) counts.candidates_unchanged += 1;
        else {
          counts.amount_changed += 1;
          await flagAmountChange(
            trx,
            found.id,
            now.amountFen,
            found.state === 'matched',
            run.runId,
            JSON.stringify(now.explanation),
            ctx.clock().toISOString(),
          );
        }
      }
    });
    await updateMatchRun(ctx.db, run.runId, {
      phase: `write ${Math.min(i + pace.chunk, candidates.length)}/${candidates.length}`,
    });
    if (pace.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pace.pauseMs));
  }
  return counts;
}

export type Names = Awaited<ReturnType<typeof findEnterpriseNames>>;

/** A declared case as its declarations and today's data make it; undefined when that no longer gives an amount (apply refuses it). */
async function reassessDeclaredCase(trx: Db, caseId: number, run: RunRef, uscc: string) {
  const evaluation = await evaluateCaseDeclarations(trx, {
    id: caseId,
    policy_code: run.policy.code,
    period: run.period,
    uscc,
  });
  return evaluation.status === 'eligible' || evaluation.status === 'awaiting_declaration'
    ? { amountFen: evaluation.amountFen, explanation: evaluation.explanation }
    : undefined;
}

/** The notice of a new case: its amount, or (waiting for declarations) what to declare and upload. */
function noticeBody(policy: Policy, c: Candidate): string {
  if (c.awaitingDeclaration) {
    return `您单位可能符合${policy.name}条件，有 ${c.awaitingDeclaration} 名人员待申报。请登录申报${declaredFactsText(policy)}并上传申请材料，提交申请后进入审核；金额按申报的数据重新测算。`;
  }
  return `您单位符合${policy.name}条件，预计可获 ${formatYuan(c.amountFen)}。${c.explanation.join('；')}。请登录确认收款账户（即申即享），或说明放弃理由。`;
}

/**
 * Writes new cases with their persons, history, notices and outbox; each case first claims its
 * benefit identities, and a case that finds one already held (another process, path or period got
 * there first) is removed before anything else is written. Answers how many were removed so.
 */
export async function insertFresh(
  trx: Db,
  ctx: AppContext,
  run: RunRef,
  fresh: readonly Candidate[],
  names: Names,
): Promise<number> {
  if (fresh.length === 0) return 0;
  const at = ctx.clock().toISOString();
  const ids = await insertCases(
    trx,
    fresh.map((c) => {
      const enterprise = names.get(c.uscc)!;
      return {
        policy_code: run.policy.code,
        period: run.period,
        uscc: c.uscc,
        enterprise_name: enterprise.name,
        region_code: enterprise.region_code,
        city_code: enterprise.city_code,
        state: 'matched',
        amount_fen: c.amountFen,
        rerun_amount_fen: null,
        is_amount_changed: 0,
        awaiting_declaration: c.awaitingDeclaration ?? 0,
        explanation: JSON.stringify(c.explanation),
        policy_version_id: run.versionId,
        run_id: run.runId,
        last_run_id: run.runId,
        bank_name: null,
        bank_account: null,
        account_holder: null,
        review_started_on: null,
        review_deadline: null,
        approved_by: null,
        released_by: null,
        publicity_from: null,
        publicity_until: null,
        reason: null,
        created_at: at,
        updated_at: at,
        identity_settled: 1,
      };
    }),
    run.policy.code,
    run.period,
    run.runId,
  );
  const inserted = fresh.filter((c) => ids.has(c.uscc));
  const lost = new Set(
    await claimIdentities(
      trx,
      run.policy.code,
      inserted.map((c) => ({ caseId: ids.get(c.uscc)!, uscc: c.uscc, keys: c.identities })),
      at,
    ),
  );
  await deleteUnwrittenCases(trx, [...lost]);
  const written = inserted.filter((c) => !lost.has(ids.get(c.uscc)!));
  await insertCasePersons(
    trx,
    written.flatMap((c) =>
      c.persons.map((p) => ({
        policy_code: run.policy.code,
        person_id: p.personId,
        case_id: ids.get(c.uscc)!,
        amount_fen: p.amountFen,
      })),
    ),
  );
  await insertCaseEvents(
    trx,
    written.map((c) => ({
      case_id: ids.get(c.uscc)!,
      from_state: null,
      to_state: 'matched',
      actor_id: null,
      actor_name: `match:${run.runId}`,
      note: null,
      at,
    })),
  );
  const notices = written.map((c) => ({
    case_id: ids.get(c.uscc)!,
    uscc: c.uscc,
    kind: 'matched' as const,
    created_at: at,
    title: `政策兑现提醒：${run.policy.name}`,
    body: noticeBody(run.policy, c),
  }));
  await insertNotices(trx, notices);
  await insertOutbox(
    trx,
    notices.flatMap((n) =>
      ['sms', 'email'].map((channel) => ({
        channel,
        dedupe_key: `case:${n.case_id}:matched:${channel}`,
        recipient: `enterprise:${n.uscc}`,
        payload: JSON.stringify({ case_id: n.case_id, title: n.title, body: n.body }),
        created_at: at,
      })),
    ),
  );
  return lost.size;
}
