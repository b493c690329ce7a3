import { api } from './client.ts';
import type { ItemList } from './types.ts';

export interface Lockout {
  username: string;
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
