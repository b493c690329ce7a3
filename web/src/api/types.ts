/** The roles of SPEC §1, as the server names them. */
export const ROLES = [
  'province_hrss',
  'province_miit',
  'city_hrss',
  'commissioner',
  'enterprise',
  'public',
  'job_seeker',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** The logged-in user, as `GET /api/v1/auth/me` and the login answer describe it. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  regionName: string | null;
  uscc: string | null;
  /** Scope kind: province / region / assigned / own_enterprise / self (the web words it per role). */
  scope?: string;
  scopeLabel?: string;
  /**
   * Whether the user holds the explicit right to see whole ID and phone numbers (SPEC §1).
   * Absent when the server does not say; the server refuses a reveal without it anyway.
   */
  canViewPersonal?: boolean;
  /** The password was reset, or is still a public demo password: change it before anything else. */
  mustChangePassword?: boolean;
  /** The account signs in with a TOTP code (asked again to change the password). */
  hasTotp?: boolean;
}

/** One page of a list (SPEC §5). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** A list that is not paginated. */
export interface ItemList<T> {
  items: T[];
}

/*
 * The server's answers and request bodies, named from the types generated out of its OpenAPI
 * document (web/src/api/generated/openapi.ts; `npm run api:types` after a route's schema changes).
 * Write `type X = ApiResponse<'/api/v1/…', 'get'>`, never a copy of the server's shape.
 */
type ApiPaths = import('./generated/openapi.ts').paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** A route of the API, as the OpenAPI document names it (`/api/v1/users/{id}`). */
export type ApiPath = keyof ApiPaths;

/** The JSON a route answers on success: its 200, else its 201 or 202; void for a 204 (no content). */
export type ApiResponse<P extends ApiPath, M extends Method = 'get'> = ApiPaths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer OK }
    ? JsonOf<OK>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : R extends { 202: infer Accepted }
        ? JsonOf<Accepted>
        : R extends { 204: unknown }
          ? void
          : never
  : never;

/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> = ApiPaths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonOf<NonNullable<B>>
  : never;

/** The query parameters a route takes. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> = ApiPaths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** One item of a list answer (`{ items: [...] }`, paged or not). */
export type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;
