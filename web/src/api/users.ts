import { api } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

export type UserAccount = ItemOf<ApiResponse<'/api/v1/users'>>;
export type UserListQuery = ApiQuery<'/api/v1/users'>;
export type CreateUserRequest = ApiBody<'/api/v1/users'>;

export function listUsers(query: UserListQuery): Promise<ApiResponse<'/api/v1/users'>> {
  return api.get('/users', { ...query });
}

/** Create an account; roles that need a second factor get their TOTP secret once, here. */
export function createUser(request: CreateUserRequest): Promise<ApiResponse<'/api/v1/users', 'post'>> {
  return api.post('/users', request);
}

export function setUserActive(id: number, isActive: boolean): Promise<ApiResponse<'/api/v1/users/{id}', 'patch'>> {
  return api.patch(`/users/${id}`, { isActive } satisfies ApiBody<'/api/v1/users/{id}', 'patch'>);
}

/** Resets an account's password and/or TOTP secret (system administrator); each shown once. */
export function resetCredentials(
  id: number,
  what: ApiBody<'/api/v1/users/{id}/credentials-reset'>,
): Promise<ApiResponse<'/api/v1/users/{id}/credentials-reset', 'post'>> {
  return api.post(`/users/${id}/credentials-reset`, what);
}
