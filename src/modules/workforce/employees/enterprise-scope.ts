import type { AppContext } from '../../../app-context.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import { enterpriseScopeOf, type EnterpriseScope } from '../../enterprises/enterprise-scope.ts';
import { findEnterpriseScopeFacts } from '../register.repository.ts';

/**
 * The credit code of an enterprise whose workforce data the caller may see, with the
 * register's own scope rules (SPEC §1). An enterprise outside the scope is answered as if it
 * did not exist (404), so that no one learns of another region's enterprises.
 */
export async function findVisibleEnterprise(ctx: AppContext, user: CurrentUser, usccInput: string): Promise<string> {
  const uscc = normalizeIdentifier(usccInput);
  const facts = await findEnterpriseScopeFacts(ctx.db, uscc);
  if (!facts || !isInScope(await enterpriseScopeOf(ctx.db, user), facts))
    throw new AppError('NOT_FOUND', '企业不存在或不在您的管辖范围内');
  return uscc;
}

function isInScope(
  scope: EnterpriseScope,
  facts: { uscc: string; region_code: string; commissioner_id: number | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'regions':
      return scope.codes.includes(facts.region_code);
    case 'assigned':
      return facts.commissioner_id !== null && Number(facts.commissioner_id) === scope.commissionerId;
    case 'own':
      return scope.uscc === facts.uscc;
    default:
      return false;
  }
}
