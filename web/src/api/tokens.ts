import { api } from './client.ts';
import type { ApiResponse, ItemOf } from './types.ts';

export type ApiToken = ItemOf<ApiResponse<'/api/v1/api-tokens'>>;

export function listApiTokens(): Promise<ApiResponse<'/api/v1/api-tokens'>> {
  return api.get('/api-tokens');
}

/** Create a token; its secret value is answered this once and never again. */
export function createApiToken(name: string): Promise<ApiResponse<'/api/v1/api-tokens', 'post'>> {
  return api.post('/api-tokens', { name });
}

export function revokeApiToken(id: number): Promise<ApiResponse<'/api/v1/api-tokens/{id}', 'delete'>> {
  return api.delete(`/api-tokens/${id}`);
}
