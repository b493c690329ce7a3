import type { Db } from '../../db/database.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { ROLE_DEFINITIONS } from '../../platform/roles.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';

/** Which enterprises a caller may see (SPEC §1); queries narrow to it, so others are simply not found. */
export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'regions'; codes: string[] }
  | { kind: 'assigned'; commissionerId: number }
  | { kind: 'own'; uscc: string }
  | { kind: 'none' };

/**
 * The caller's scope over the register: province roles everything; a city or county official
 * the divisions of their region; a commissioner the key enterprises assigned to them; an
 * enterprise itself; everyone else nothing.
 */
export async function enterpriseScopeOf(db: Db, user: CurrentUser): Promise<EnterpriseScope> {
  switch (ROLE_DEFINITIONS[user.role].scope) {
    case 'province':
      return { kind: 'all' };
    case 'region':
      return user.regionCode
        ? { kind: 'regions', codes: await regionScopeCodes(db, user.regionCode) }
        : { kind: 'none' };
    case 'assigned':
      return { kind: 'assigned', commissionerId: user.id };
    case 'own_enterprise':
      return user.uscc ? { kind: 'own', uscc: user.uscc } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}
