import type { Generated } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  region_code: string | null;
  uscc: string | null;
  password_hash: string;
  totp_secret_enc: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  can_view_personal: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  /** The last accepted TOTP time step (30 s since the epoch): a code is accepted once. */
  totp_last_step: Generated<number | string | null>;
  must_change_password: Generated<number>;
  password_changed_at: Generated<string | null>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  at: string;
  succeeded: number;
  ip: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  user_id: number;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A login failure counter (ADR 0005): per account and source, per account, per source address. */
export interface LoginGuardTable {
  key: string;
  user_id: number | null;
  ip: string | null;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
  lock_count: Generated<number>;
  updated_at: string;
}
