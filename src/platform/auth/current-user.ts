import type { Role, ScopeKind } from '../roles.ts';

/** The authenticated caller, resolved from a session cookie or an API token. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  uscc: string | null;
  /** The explicit right to see ID and phone numbers whole (each whole view is audited). */
  canViewPersonal: boolean;
  via: 'session' | 'token';
  /** After a reset or with a demo password: only changing the password is allowed until then. */
  mustChangePassword?: boolean;
}

/** The data scope a service narrows its queries to (SPEC §1). */
export type DataScope =
  | { kind: 'province' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'assigned'; userId: number }
  | { kind: 'own_enterprise'; uscc: string }
  | { kind: 'self'; userId: number };

export function scopeKindLabel(kind: ScopeKind): string {
  return { province: '全省', region: '本地区', assigned: '分配企业', own_enterprise: '本企业', self: '本人' }[kind];
}

/** Who is acting, for audit rows: the user (if any), the request id and the source address. */
export interface Actor {
  user: CurrentUser | null;
  requestId: string | null;
  ip: string | null;
}

/** The actor used by command-line tools and start-up jobs. */
export function systemActor(name = 'cli'): Actor {
  return { user: null, requestId: name, ip: null };
}
