import { api } from './client.ts';
import type { CurrentUser, Role } from './types.ts';

export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
}

/** Log in; answers 401 TOTP_REQUIRED when the role needs a second factor and none was sent. */
export function login(request: LoginRequest): Promise<{ user: CurrentUser }> {
  return api.post('/auth/login', request, { isSessionProbe: true });
}

/** The user of the current session; 401 when there is none. */
export function fetchCurrentUser(): Promise<{ user: CurrentUser }> {
  return api.get('/auth/me', undefined, { isSessionProbe: true });
}

export function logout(): Promise<void> {
  return api.post('/auth/logout', undefined, { isSessionProbe: true });
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  roleLabel: string;
  totpSecret?: string;
}

/** The demo logins; the server answers 404 outside demo mode. */
export function fetchDemoAccounts(): Promise<{ items: DemoAccount[] }> {
  return api.get('/demo/accounts', undefined, { isSessionProbe: true });
}

export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
  totp?: string;
}

/** Changes one's own password (the current one, plus the TOTP code on an account that has one). */
export function changePassword(request: PasswordChangeRequest): Promise<void> {
  return api.post('/auth/password', request);
}
