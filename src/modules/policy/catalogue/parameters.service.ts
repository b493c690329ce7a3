import type { AppContext } from '../../../app-context.ts';
import { nowIso } from '../../../db/convert.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { PolicyError } from '../../../policies/errors.ts';
import { findPolicyVersions, insertPolicyVersion, lockCatalogue } from './catalogue.repository.ts';
import { findPolicyInForce } from './catalogue.service.ts';
import { versionView } from './catalogue-views.ts';
import {
  applyParameterChanges,
  ceilingProblems,
  nextEditLabel,
  type EditSource,
  type ParameterChange,
} from './parameter-edit.ts';
import { buildPolicyFromDocument, sha256Hex, type PolicyDocument } from '../policy-versions.ts';

/**
 * A province official changes parameter values (by effective date and region): the edit becomes
 * a new version (source 'edit', who, why) after the same load-time checks as a file; a refused
 * edit changes nothing and is audited as a failure with the engine's reasons.
 */

export interface ParameterEditInput {
  changes: ParameterChange[];
  reason: string;
  source?: EditSource;
}

/** Applies a parameter edit and returns the new version. */
export async function editPolicyParameters(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  code: string,
  input: ParameterEditInput,
) {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new AppError('VALIDATION_FAILED', '请填写调整理由（reason）');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await lockCatalogue(trx, ctx.dialect);
      const { row: current, policy } = await findPolicyInForce(trx, code);
      const aboveCeiling = ceilingProblems(policy, input.changes);
      if (aboveCeiling.length > 0) throw new AppError('PARAMETER_ABOVE_CEILING', aboveCeiling[0]!, aboveCeiling);
      const versionLabel = nextEditLabel(current.version);
      const history = await findPolicyVersions(trx, code);
      const { document, problems } = applyParameterChanges(
        JSON.parse(current.definition) as PolicyDocument,
        input.changes,
        {
          sourceKey: `edit_${(history[0]?.version_no ?? 0) + 1}`,
          versionLabel,
          reason,
          editor: actor.user.displayName || actor.user.username,
          date: todayInShanghai(ctx.clock),
          source: input.source,
        },
      );
      if (problems.length > 0)
        throw new AppError(
          'VALIDATION_FAILED',
          problems.length === 1 ? problems[0] : `参数调整有 ${problems.length} 处问题`,
          problems,
        );
      checkWithEngine(document, code);
      const definition = JSON.stringify(document);
      const row = await insertPolicyVersion(trx, ctx.dialect, {
        code,
        version: versionLabel,
        status: 'active',
        source: 'edit',
        content_sha256: sha256Hex(definition),
        definition,
        problems: null,
        based_on: current.id,
        reason,
        changes: JSON.stringify(input.changes),
        created_by: actor.user.id,
        created_by_name: actor.user.username,
        created_at: nowIso(ctx.clock),
      });
      await appendAudit(
        trx,
        ctx.dialect,
        actor,
        {
          action: 'policy.parameters.edit',
          outcome: 'success',
          objectType: 'policy',
          objectId: code,
          details: {
            version_no: row.version_no,
            version: row.version,
            based_on: current.version_no,
            reason,
            changes: input.changes,
          },
        },
        ctx.clock(),
      );
      return versionView(row, actor.user);
    });
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'POLICY_INVALID' ||
        error.code === 'VALIDATION_FAILED' ||
        error.code === 'PARAMETER_ABOVE_CEILING')
    ) {
      await appendAudit(
        ctx.db,
        ctx.dialect,
        actor,
        {
          action: 'policy.parameters.edit',
          outcome: 'failure',
          objectType: 'policy',
          objectId: code,
          details: { reason, changes: input.changes, refused: error.message, problems: error.details ?? null },
        },
        ctx.clock(),
      );
    }
    throw error;
  }
}

// The engine's loader is the judge: a gap, an overlap or a wrong type refuses the edit.
function checkWithEngine(document: PolicyDocument, code: string): void {
  try {
    buildPolicyFromDocument(document, `${code}（参数调整）`, code);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const problems = error.problems.length > 0 ? error.problems : [error.message];
    throw new AppError(
      'POLICY_INVALID',
      `参数调整未通过加载检查：${problems[0]}${problems.length > 1 ? ` 等 ${problems.length} 处问题` : ''}`,
      problems,
    );
  }
}
