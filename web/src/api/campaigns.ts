import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** 引才活动: campaigns with events, results and hires, and the home-province report. */
export type CampaignQuery = ApiQuery<'/api/v1/recruitment-campaigns'>;
export type Campaigns = ApiResponse<'/api/v1/recruitment-campaigns'>;
export type Campaign = ItemOf<Campaigns>;
export type CampaignDetail = ApiResponse<'/api/v1/recruitment-campaigns/{id}'>;
export type CampaignBody = ApiBody<'/api/v1/recruitment-campaigns'>;
export type CampaignKind = CampaignBody['kind'];
export type HireBody = ApiBody<'/api/v1/recruitment-campaigns/{id}/hires'>;
export type HireCorrection = ApiBody<'/api/v1/recruitment-campaigns/{id}/hires/{hireId}', 'put'>;
export type OriginReportQuery = ApiQuery<'/api/v1/recruitment-campaigns/origin-report'>;
export type OriginReport = ApiResponse<'/api/v1/recruitment-campaigns/origin-report'>;

export const CAMPAIGN_KINDS: { value: CampaignKind; label: string }[] = [
  { value: 'overseas_doctors', label: '百名海外博士江苏行' },
  { value: 'talent_month', label: '江苏招才月' },
  { value: 'four_docking', label: '四对接' },
  { value: 'east_west', label: '东西部劳务协作' },
];

export function listCampaigns(query: CampaignQuery): Promise<Campaigns> {
  return api.get('/recruitment-campaigns', { ...query });
}

export function getCampaign(id: number): Promise<CampaignDetail> {
  return api.get(`/recruitment-campaigns/${id}`);
}

export function createCampaign(body: CampaignBody): Promise<CampaignDetail> {
  return api.post('/recruitment-campaigns', body);
}

export function updateCampaign(id: number, body: CampaignBody): Promise<CampaignDetail> {
  return api.put(`/recruitment-campaigns/${id}`, body);
}

export function recordHire(id: number, body: HireBody): Promise<CampaignDetail> {
  return api.post(`/recruitment-campaigns/${id}/hires`, body);
}

/** Corrects a recorded hire: the ID number and name only when re-entered. */
export function correctHire(id: number, hireId: number, body: HireCorrection): Promise<CampaignDetail> {
  return api.put(`/recruitment-campaigns/${id}/hires/${hireId}`, body);
}

export function removeHire(id: number, hireId: number): Promise<CampaignDetail> {
  return api.delete(`/recruitment-campaigns/${id}/hires/${hireId}`);
}

export function getOriginReport(query: OriginReportQuery): Promise<OriginReport> {
  return api.get('/recruitment-campaigns/origin-report', { ...query });
}

export function exportOriginReport(query: OriginReportQuery) {
  return apiDownload('/recruitment-campaigns/origin-report/export', { ...query }, 'campaign-origins.xlsx');
}
