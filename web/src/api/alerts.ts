import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** Employment alerts (就业预警, SPEC §2.4): detected after every refresh, worked by officials. */
export const ALERT_KINDS = ['mass_layoff', 'recognition_expiring', 'contributions_stopped'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'assigned', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface Alert {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  regionCode: string;
  regionName: string | null;
  kind: AlertKind;
  kindLabel: string;
  /** YYYYMM; the expiry month for recognition_expiring. */
  period: number;
  status: AlertStatus;
  statusLabel: string;
  /** mass_layoff: the month's separations. */
  metric: number;
  /** mass_layoff: insured the month before. */
  base: number | null;
  dueOn: string | null;
  message: string;
  assignee: { id: number; name: string | null } | null;
  closeNote: string | null;
  detectedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface AlertEvent {
  at: string;
  actor: string | null;
  action: string;
  note: string | null;
}

export interface AlertQuery extends PageQuery {
  status?: AlertStatus;
  kind?: AlertKind;
  period?: number;
  region?: string;
  uscc?: string;
  mine?: boolean;
}

/** The alerts of these filters as an Excel file (notes masked; the export is audited). */
export function exportAlerts(query: Omit<AlertQuery, 'page' | 'pageSize'>): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/monitoring/alerts/export', { ...query }, 'alerts.xlsx');
}

export function listAlerts(query: AlertQuery): Promise<Page<Alert>> {
  return api.get('/monitoring/alerts', { ...query });
}

export function getAlert(id: number): Promise<Alert & { events: AlertEvent[] }> {
  return api.get(`/monitoring/alerts/${id}`);
}

/** assign: to the enterprise's commissioner (from the key-enterprise list); close: a note is required. */
export function changeAlert(
  id: number,
  change: { action: 'assign' | 'close' | 'reopen'; note?: string },
): Promise<Alert> {
  return api.patch(`/monitoring/alerts/${id}`, change);
}
