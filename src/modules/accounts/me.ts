import type { AppContext } from '../../app-context.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { scopeKindLabel } from '../../platform/auth/current-user.ts';
import { ROLE_DEFINITIONS } from '../../platform/roles.ts';
import { findRegionForAccount } from './accounts-regions.repository.ts';

/** The signed-in user as the web app shows it: role label, region name and data scope. */
export async function describeCurrentUser(ctx: AppContext, user: CurrentUser) {
  const region = user.regionCode ? await findRegionForAccount(ctx.db, user.regionCode) : undefined;
  const definition = ROLE_DEFINITIONS[user.role];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: definition.label,
    regionCode: user.regionCode,
    regionName: region?.name ?? null,
    uscc: user.uscc,
    canViewPersonal: user.canViewPersonal,
    scope: definition.scope,
    scopeLabel: scopeKindLabel(definition.scope),
    mustChangePassword: user.mustChangePassword === true,
    hasTotp: definition.requiresTotp,
  };
}
