import type { AppContext } from '../../app-context.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { ROLE_DEFINITIONS } from '../../platform/roles.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import { findEnterpriseScopeFacts } from './register.repository.ts';

/**
 * Whether the caller may see an enterprise's workforce data (SPEC §1): the province sees
 * all, a city its region, a commissioner the enterprises assigned to them, an enterprise
 * itself. Anything else is answered as if the enterprise did not exist (404), so that no
 * one learns another region's enterprises. Kept minimal; to be unified with the register
 * module's scope rules.
 */
export async function findVisibleEnterprise(ctx: AppContext, user: CurrentUser, usccInput: string): Promise<string> {
  const uscc = normalizeIdentifier(usccInput);
  const facts = await findEnterpriseScopeFacts(ctx.db, uscc);
  if (!facts || !(await isInScope(ctx, user, facts))) throw new AppError('NOT_FOUND', '企业不存在或不在您的管辖范围内');
  return uscc;
}

async function isInScope(ctx: AppContext, user: CurrentUser, facts: { uscc: string; region_code: string; commissioner_id: number | null }): Promise<boolean> {
  switch (ROLE_DEFINITIONS[user.role].scope) {
    case 'province':
      return true;
    case 'region':
      return user.regionCode !== null && (await regionScopeCodes(ctx.db, user.regionCode).catch((): string[] => [])).includes(facts.region_code);
    case 'assigned':
      return facts.commissioner_id !== null && Number(facts.commissioner_id) === user.id;
    case 'own_enterprise':
      return user.uscc === facts.uscc;
    default:
      return false;
  }
}
