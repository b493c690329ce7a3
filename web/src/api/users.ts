import { api } from './client.ts';
import type { Page, PageQuery, Role } from './types.ts';

export interface UserAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  regionName: string | null;
  uscc: string | null;
  /** Masked by the server (138****5678). */
  phone: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface UserListQuery extends PageQuery {
  q?: string;
  role?: Role;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  regionCode?: string;
  uscc?: string;
  password: string;
  phone?: string;
}

export function listUsers(query: UserListQuery): Promise<Page<UserAccount>> {
  return api.get('/users', { ...query });
}

/** Create an account; roles that need a second factor get their TOTP secret once, here. */
export function createUser(request: CreateUserRequest): Promise<{ user: UserAccount; totpSecret?: string }> {
  return api.post('/users', request);
}

export function setUserActive(id: number, isActive: boolean): Promise<unknown> {
  return api.patch(`/users/${id}`, { isActive });
}

/** Resets an account's password and/or TOTP secret (system administrator); each shown once. */
export function resetCredentials(
  id: number,
  what: { password: boolean; totp: boolean },
): Promise<{ temporaryPassword?: string; totpSecret?: string }> {
  return api.post(`/users/${id}/credentials-reset`, what);
}
