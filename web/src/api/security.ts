import { api } from './client.ts';
import type { ItemList } from './types.ts';

export interface Lockout {
  username: string;
  /** The source address locked for this account; null when locked from every address. */
  ip: string | null;
  failures: number;
  lockedUntil: string;
}

export interface SecuritySetting {
  key: string;
  value: number;
  unit: string;
  source: string;
}

export function listLockouts(): Promise<ItemList<Lockout>> {
  return api.get('/security/lockouts');
}

export function clearLockout(username: string): Promise<unknown> {
  return api.post(`/security/lockouts/${encodeURIComponent(username)}/clear`);
}

export function listSecuritySettings(): Promise<{ settings: SecuritySetting[] }> {
  return api.get('/security/settings');
}

/** A password reset by the security administrator: a one-time password, to be changed at next login. */
export function resetPassword(username: string): Promise<{ temporaryPassword?: string }> {
  return api.post(`/security/users/${encodeURIComponent(username)}/password-reset`);
}
