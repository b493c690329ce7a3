import { api } from './client.ts';
import type { ApiBody, ApiResponse, ItemOf } from './types.ts';

export type LoginRequest = ApiBody<'/api/v1/auth/login'>;

/** Log in; answers 401 TOTP_REQUIRED when the role needs a second factor and none was sent. */
export function login(request: LoginRequest): Promise<ApiResponse<'/api/v1/auth/login', 'post'>> {
  return api.post('/auth/login', request, { isSessionProbe: true });
}

/** The user of the current session; 401 when there is none. */
export function fetchCurrentUser(): Promise<ApiResponse<'/api/v1/auth/me'>> {
  return api.get('/auth/me', undefined, { isSessionProbe: true });
}

export function logout(): Promise<void> {
  return api.post('/auth/logout', undefined, { isSessionProbe: true });
}

export type DemoAccount = ItemOf<ApiResponse<'/api/v1/demo/accounts'>>;

/** The demo logins; the server answers 404 outside demo mode. */
export function fetchDemoAccounts(): Promise<ApiResponse<'/api/v1/demo/accounts'>> {
  return api.get('/demo/accounts', undefined, { isSessionProbe: true });
}

export type PasswordChangeRequest = ApiBody<'/api/v1/auth/password'>;

/** Changes one's own password (the current one, plus the TOTP code on an account that has one). */
export function changePassword(request: PasswordChangeRequest): Promise<void> {
  return api.post('/auth/password', request);
}
