import type { Db } from '../../db/database.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { ROLE_DEFINITIONS } from '../../platform/roles.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';

/**
 * Which enterprises' requests and contacts a caller reads: the province all, a city its region's,
 * a commissioner the key enterprises assigned to them, an enterprise its own.
 */
export type GovernanceScope =
  | { kind: 'all' }
  | { kind: 'regions'; codes: string[] }
  | { kind: 'assigned'; commissionerId: number }
  | { kind: 'enterprise'; uscc: string }
  | { kind: 'none' };

export type SignedIn = { user: CurrentUser; requestId: string | null; ip: string | null };

export async function governanceScopeOf(db: Db, user: CurrentUser): Promise<GovernanceScope> {
  const kind = ROLE_DEFINITIONS[user.role].scope;
  if (kind === 'province') return { kind: 'all' };
  if (kind === 'region' && user.regionCode)
    return { kind: 'regions', codes: await regionScopeCodes(db, user.regionCode) };
  if (kind === 'assigned') return { kind: 'assigned', commissionerId: user.id };
  if (kind === 'own_enterprise' && user.uscc) return { kind: 'enterprise', uscc: user.uscc };
  return { kind: 'none' };
}
