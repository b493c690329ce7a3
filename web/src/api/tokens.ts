import { api } from './client.ts';
import type { ItemList } from './types.ts';

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function listApiTokens(): Promise<ItemList<ApiToken>> {
  return api.get('/api-tokens');
}

/** Create a token; its secret value is answered this once and never again. */
export function createApiToken(name: string): Promise<{ id: number; name: string; token: string }> {
  return api.post('/api-tokens', { name });
}

export function revokeApiToken(id: number): Promise<unknown> {
  return api.delete(`/api-tokens/${id}`);
}
