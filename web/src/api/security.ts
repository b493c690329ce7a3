import { api } from './client.ts';
import type { ApiResponse, ItemOf } from './types.ts';

export type Lockout = ItemOf<ApiResponse<'/api/v1/security/lockouts'>>;
export type SecuritySetting = ApiResponse<'/api/v1/security/settings'>['settings'][number];

export function listLockouts(): Promise<ApiResponse<'/api/v1/security/lockouts'>> {
  return api.get('/security/lockouts');
}

export function clearLockout(username: string): Promise<unknown> {
  return api.post(`/security/lockouts/${encodeURIComponent(username)}/clear`);
}

export function listSecuritySettings(): Promise<ApiResponse<'/api/v1/security/settings'>> {
  return api.get('/security/settings');
}

/** A password reset by the security administrator: a one-time password, to be changed at next login. */
export function resetPassword(
  username: string,
): Promise<ApiResponse<'/api/v1/security/users/{username}/password-reset', 'post'>> {
  return api.post(`/security/users/${encodeURIComponent(username)}/password-reset`);
}
