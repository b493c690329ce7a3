import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { maskPersonalDataInText } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { calculateCompensationFor, type CompensationRequest } from './compensation.service.ts';
import * as repo from './disputes.repository.ts';
import { getDispute, STAGE_LABELS } from './disputes.service.ts';
import { rankSimilarCases } from './similar-cases.ts';

/**
 * What an arbitrator or mediator does with a case beyond its stages: the statutory compensation
 * calculated for it (stored with the case, the same explained steps as the calculator page) and
 * similar past cases found by the words of the claims.
 */

type SignedIn = Actor & { user: CurrentUser };

// The cases compared: the most recent ones, enough for a province's years of cases.
const SIMILAR_POOL = 5_000;

/** Calculates with the case's region (its local average wage caps) and stores the result with the case. */
export async function calculateForDispute(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  request: Omit<CompensationRequest, 'region'>,
) {
  const dispute = await getDispute(ctx, actor, id);
  if (dispute.stage === 'closed') throw new AppError('INVALID_STATE_TRANSITION', '案件已结案，不能再计算');
  const result = await calculateCompensationFor(ctx, { ...request, region: dispute.regionCode });
  const stored = { ...result, calculated_at: ctx.clock().toISOString(), calculated_by: actor.user.displayName };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDispute(trx, id, {
      compensation_json: JSON.stringify(stored),
      updated_at: stored.calculated_at,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'labour.dispute.compensation',
        outcome: 'success',
        objectType: 'labour_dispute',
        objectId: String(id),
        details: { kind: request.kind, amount_fen: result.amount_fen },
      },
      ctx.clock(),
    );
  });
  return getDispute(ctx, actor, id);
}

/** The past cases most like this one, with the shared words; claims shown with personal data masked. */
export async function findSimilarDisputes(ctx: AppContext, actor: SignedIn, id: number) {
  await getDispute(ctx, actor, id);
  const pool = await repo.findCaseTerms(ctx.db, SIMILAR_POOL);
  const target = pool.find((c) => toNumber(c.id) === id) ?? (await repo.findDispute(ctx.db, id))!;
  const ranked = rankSimilarCases(
    { id, terms: target.terms },
    pool.map((c) => ({ id: toNumber(c.id), terms: c.terms })),
  );
  const rows = new Map(
    (
      await repo.findDisputesByIds(
        ctx.db,
        ranked.map((r) => r.id),
      )
    ).map((r) => [toNumber(r.id), r]),
  );
  return ranked.map((r) => {
    const row = rows.get(r.id)!;
    return {
      id: r.id,
      caseNo: row.case_no,
      enterpriseName: row.enterprise_name,
      stageLabel: STAGE_LABELS[row.stage],
      receivedOn: row.received_on,
      claims: maskPersonalDataInText(ctx.cipher.decrypt(row.claims_enc)),
      outcome: row.outcome === null ? null : maskPersonalDataInText(row.outcome),
      score: r.score,
      sharedTerms: r.sharedTerms,
    };
  });
}
