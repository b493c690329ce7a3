import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse } from './types.ts';

/** Employment alerts (就业预警, SPEC §2.4): detected after every refresh, worked by officials. */
export const ALERT_KINDS = ['mass_layoff', 'recognition_expiring', 'contributions_stopped'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'assigned', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type Alert = ApiResponse<'/api/v1/monitoring/alerts/{id}', 'patch'>;
export type AlertEvent = ApiResponse<'/api/v1/monitoring/alerts/{id}'>['events'][number];
export type AlertQuery = ApiQuery<'/api/v1/monitoring/alerts'>;

/** The alerts of these filters as an Excel file (notes masked; the export is audited). */
export function exportAlerts(query: Omit<AlertQuery, 'page' | 'pageSize'>): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/monitoring/alerts/export', { ...query }, 'alerts.xlsx');
}

export function listAlerts(query: AlertQuery): Promise<ApiResponse<'/api/v1/monitoring/alerts'>> {
  return api.get('/monitoring/alerts', { ...query });
}

export function getAlert(id: number): Promise<ApiResponse<'/api/v1/monitoring/alerts/{id}'>> {
  return api.get(`/monitoring/alerts/${id}`);
}

/** assign: to the enterprise's commissioner (from the key-enterprise list); close: a note is required. */
export function changeAlert(id: number, change: ApiBody<'/api/v1/monitoring/alerts/{id}', 'patch'>): Promise<Alert> {
  return api.patch(`/monitoring/alerts/${id}`, change);
}
