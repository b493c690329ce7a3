import type { Generated } from 'kysely';

/** Kysely types of the monitoring module's tables (migration 20261127T1900_monitoring). */

export interface MonitoringMonthTable {
  period: number;
  month_index: number;
  month_end: string;
}

/** Where an enterprise stood in a month (region, reporting unit, industry, tier): every filter reads these. */
export interface EnterprisePlacement {
  city_code: string;
  region_code: string;
  unit_code: string;
  industry_code: string | null;
  industry_section: string | null;
  is_manufacturing: number;
  tier: string | null;
}

/** One enterprise in one month: the pre-aggregate every indicator reads. */
export interface EnterpriseMonthStatsTable extends EnterprisePlacement {
  uscc: string;
  period: number;
  is_monitored: number;
  has_roster: number;
  insured_delta: number;
  insured: number;
  hires: number;
  separations: number;
  layoff_separations: number;
  absorbed: number;
  has_contributions: number;
  contributions_fen: number | string;
  reported_insured: number | null;
}

export interface EnterpriseMonthSeparationsTable extends EnterprisePlacement {
  uscc: string;
  period: number;
  reason: string;
  separations: number;
  is_monitored: number;
}

export interface AbsorbedPersonTable extends EnterprisePlacement {
  person_id: number;
  uscc: string;
  period: number;
  is_graduate: number;
  high_skill_since: string | null;
  senior_title_since: string | null;
}

export interface MonitoringRefreshTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  range_from: number;
  range_to: number;
  data_through: number | null;
  periods: string | null;
  stats_rows: number;
  absorbed_persons: number;
  alerts_created: number;
}

export type AlertKind = 'mass_layoff' | 'recognition_expiring' | 'contributions_stopped';
export type AlertStatus = 'open' | 'assigned' | 'closed';

export interface MonitoringAlertTable {
  id: Generated<number>;
  uscc: string;
  kind: AlertKind;
  period: number;
  city_code: string;
  region_code: string;
  metric: number;
  base: number | null;
  due_on: string | null;
  status: AlertStatus;
  assignee_id: number | null;
  close_note: string | null;
  detected_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface MonitoringAlertEventTable {
  id: Generated<number>;
  alert_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: 'assign' | 'close' | 'reopen';
  note: string | null;
}

export interface MonitoringBulletinTable {
  id: Generated<number>;
  period: number;
  region_code: string;
  region_name: string;
  trigger: 'manual' | 'schedule';
  schedule_key: string | null;
  status: 'generating' | 'ready' | 'failed';
  content: string | null;
  html: string | null;
  summary: string | null;
  error: string | null;
  /** 0 for a 通报 of a month without monitoring data (stored before they were refused); hidden by default. */
  has_data: Generated<number>;
  created_by: number | null;
  created_at: string;
  claimed_at: string;
  finished_at: string | null;
}
