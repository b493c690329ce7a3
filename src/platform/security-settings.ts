import { readFileSync } from 'node:fs';

export interface SecuritySetting {
  key: string;
  value: number;
  unit: string;
  source: string;
}

export interface SecuritySettings {
  loginFailureLimit: number;
  loginFailureWindowMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  passwordMinLength: number;
  auditRetentionMonths: number;
  /** A signed audit checkpoint after this many new rows… */
  auditCheckpointEveryRows: number;
  /** …and at least this often while rows are being written. */
  auditCheckpointEveryMinutes: number;
  loginRateLimitPerMinute: number;
  /** The first lock of an account from one source; each further lock lasts twice as long. */
  loginLockMinutes: number;
  loginLockMaxMinutes: number;
  /** Failures of an account from all sources in the window before the account itself locks. */
  loginAccountFailureLimit: number;
  /** Failures from one source address across usernames in the window before it is paused. */
  loginIpFailureLimit: number;
  /** The login route's handling time budget (password hashing is slow on purpose). */
  loginTimeBudgetMs: number;
  /** The settings as stored, with their cited sources, for display. */
  all: SecuritySetting[];
}

const FILE = new URL('../../reference/security/settings.json', import.meta.url);

/** Security thresholds are data with their sources (reference/security/settings.json), not literals. */
export function loadSecuritySettings(): SecuritySettings {
  cached ??= readSecuritySettings();
  return cached;
}

let cached: SecuritySettings | undefined;

function readSecuritySettings(): SecuritySettings {
  const { settings } = JSON.parse(readFileSync(FILE, 'utf8')) as { settings: SecuritySetting[] };
  const value = (key: string): number => {
    const found = settings.find((s) => s.key === key);
    if (!found) throw new Error(`安全设置缺少 ${key}`);
    return found.value;
  };
  return {
    loginFailureLimit: value('login_failure_limit'),
    loginFailureWindowMinutes: value('login_failure_window_minutes'),
    sessionIdleMinutes: value('session_idle_minutes'),
    sessionAbsoluteHours: value('session_absolute_hours'),
    passwordMinLength: value('password_min_length'),
    auditRetentionMonths: value('audit_retention_months'),
    auditCheckpointEveryRows: value('audit_checkpoint_every_rows'),
    auditCheckpointEveryMinutes: value('audit_checkpoint_every_minutes'),
    loginRateLimitPerMinute: value('login_rate_limit_per_minute'),
    loginLockMinutes: value('login_lock_minutes'),
    loginLockMaxMinutes: value('login_lock_max_minutes'),
    loginAccountFailureLimit: value('login_account_failure_limit'),
    loginIpFailureLimit: value('login_ip_failure_limit'),
    loginTimeBudgetMs: value('login_time_budget_ms'),
    all: settings,
  };
}
