import type { Role } from './roles.ts';

/**
 * Who may call a route, declared on the route itself (`config: { access }`). A route without
 * a declaration is refused at start-up, and the role × route matrix test reads these.
 * - 'anyone': no login needed (health, public job zone, anonymous calculator)
 * - 'authenticated': any logged-in user
 * - a list of roles: only those roles; the service then narrows to the caller's data scope
 */
export type RouteAccess = 'anyone' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allow API-token (system exchange) callers on this route. */
    allowApiToken?: boolean;
    /** Open to an account that must change its password first (who am I, log out, change it). */
    allowPendingPasswordChange?: boolean;
  }
}

/** Whether a role may call a route with this declaration. */
export function roleMayCall(access: RouteAccess, role: Role | undefined): boolean {
  if (access === 'anyone') return true;
  if (role === undefined) return false;
  if (access === 'authenticated') return true;
  return access.includes(role);
}
