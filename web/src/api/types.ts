/** The roles of SPEC §1, as the server names them. */
export const ROLES = [
  'province_hrss',
  'province_miit',
  'city_hrss',
  'commissioner',
  'enterprise',
  'public',
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
