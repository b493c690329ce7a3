import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';

/** What the skills rooms share: whose region a user sees, and one audited success entry. */

/** The county codes a user's view covers, or undefined for the whole province. */
export async function skillsRegionsOf(ctx: AppContext, user: CurrentUser): Promise<string[] | undefined> {
  if (user.role === 'province_hrss' || user.role === 'province_miit') return undefined;
  if (!user.regionCode) throw new AppError('FORBIDDEN', '账号未设置所属地区');
  return regionScopeCodes(ctx.db, user.regionCode);
}

/** Appends a successful skills action to the audit chain, inside the caller's transaction. */
export async function auditSkills(
  ctx: AppContext,
  trx: Parameters<typeof appendAudit>[0],
  actor: Actor,
  action: string,
  objectType: string,
  objectId: string | number,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    { action, outcome: 'success', objectType, objectId, details },
    ctx.clock(),
  );
}
