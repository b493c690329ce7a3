import { api } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** 舆情监测 (SPEC §2.10): messages, their links and 研处 steps, open items, hotspots. */

export type OpinionQuery = ApiQuery<'/api/v1/opinion/messages'>;
export type OpinionTopic = NonNullable<OpinionQuery['topic']>;
export type OpinionTone = NonNullable<OpinionQuery['tone']>;
export type OpinionState = NonNullable<OpinionQuery['state']>;
export type OpinionSource = NonNullable<OpinionQuery['source']>;
export const OPINION_TOPICS: readonly OpinionTopic[] = [
  'wage_arrears',
  'layoff',
  'social_insurance',
  'subsidy',
  'recruitment',
  'training',
  'other',
];
export const OPINION_TONES: readonly OpinionTone[] = ['negative', 'neutral', 'positive'];
export const OPINION_STATES: readonly OpinionState[] = ['pending', 'processing', 'replied', 'closed'];
export const OPINION_SOURCES: readonly OpinionSource[] = ['hotline', 'mailbox', 'new_media'];

export type OpinionMessageSummary = ItemOf<ApiResponse<'/api/v1/opinion/messages'>>;
export type OpinionLink = OpinionMessageSummary['links'][number];
export type OpinionMessageDetail = ApiResponse<'/api/v1/opinion/messages/{id}'>;
export type OpinionHighlight = OpinionMessageDetail['highlights'][number];

export type OpenItemsRow = ItemOf<ApiResponse<'/api/v1/opinion/open-items'>>;
export type OpinionHotspot = ItemOf<ApiResponse<'/api/v1/opinion/hotspots'>>;

export function listOpinionMessages(query: OpinionQuery): Promise<ApiResponse<'/api/v1/opinion/messages'>> {
  return api.get('/opinion/messages', { ...query });
}

export function getOpinionMessage(id: number): Promise<OpinionMessageDetail> {
  return api.get(`/opinion/messages/${id}`);
}

export function decideOpinionLink(
  messageId: number,
  linkId: number,
  decision: ApiBody<'/api/v1/opinion/messages/{id}/links/{linkId}'>['decision'],
): Promise<ApiResponse<'/api/v1/opinion/messages/{id}/links/{linkId}', 'post'>> {
  return api.post(`/opinion/messages/${messageId}/links/${linkId}`, { decision });
}

export function advanceOpinionMessage(
  id: number,
  action: ApiBody<'/api/v1/opinion/messages/{id}/transition'>['action'],
  reply?: string,
): Promise<ApiResponse<'/api/v1/opinion/messages/{id}/transition', 'post'>> {
  return api.post(`/opinion/messages/${id}/transition`, reply === undefined ? { action } : { action, reply });
}

export function listOpenItems(): Promise<ApiResponse<'/api/v1/opinion/open-items'>> {
  return api.get('/opinion/open-items');
}

export function listOpinionHotspots(): Promise<ApiResponse<'/api/v1/opinion/hotspots'>> {
  return api.get('/opinion/hotspots');
}
