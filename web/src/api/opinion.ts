import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** 舆情监测 (SPEC §2.10): messages, their links and 研处 steps, open items, hotspots. */

export type OpinionTopic =
  'wage_arrears' | 'layoff' | 'social_insurance' | 'subsidy' | 'recruitment' | 'training' | 'other';
export type OpinionTone = 'negative' | 'neutral' | 'positive';
export type OpinionState = 'pending' | 'processing' | 'replied' | 'closed';
export type OpinionSource = 'hotline' | 'mailbox' | 'new_media';
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

export interface OpinionLink {
  id: number;
  uscc: string;
  name: string;
  alias: string;
  status: 'linked' | 'ambiguous' | 'confirmed' | 'rejected';
}

export interface OpinionMessageSummary {
  id: number;
  source: OpinionSource;
  receivedAt: string;
  title: string;
  topic: OpinionTopic;
  tone: OpinionTone;
  state: OpinionState;
  regionCode: string | null;
  regionName: string | null;
  deadline: string | null;
  ageDays: number;
  isOverdue: boolean;
  links: OpinionLink[];
}

export interface OpinionHighlight {
  start: number;
  end: number;
  kind: 'enterprise' | 'ambiguous' | 'topic' | 'negative' | 'positive';
  label: string;
}

export interface OpinionMessageDetail extends OpinionMessageSummary {
  content: string;
  sender: string | null;
  reply: string | null;
  isWhole: boolean;
  canHandle: boolean;
  rulesVersion: string;
  highlights: OpinionHighlight[];
}

export interface OpinionQuery extends PageQuery {
  topic?: OpinionTopic;
  tone?: OpinionTone;
  region?: string;
  state?: OpinionState;
  source?: OpinionSource;
  hotspot?: number;
}

export interface OpenItemsRow {
  regionCode: string | null;
  regionName: string | null;
  pending: number;
  processing: number;
  replied: number;
  overdue: number;
  ages: { upTo3: number; upTo10: number; upTo30: number; over30: number };
}

export interface OpinionHotspot {
  id: number;
  kind: 'topic_region' | 'enterprise';
  topic: OpinionTopic | null;
  regionCode: string | null;
  regionName: string | null;
  uscc: string | null;
  enterpriseName: string | null;
  window: 'day' | 'week';
  detectedOn: string;
  count: number;
  baseline: number;
  messageCount: number;
}

export function listOpinionMessages(query: OpinionQuery): Promise<Page<OpinionMessageSummary>> {
  return api.get('/opinion/messages', { ...query });
}

export function getOpinionMessage(id: number): Promise<OpinionMessageDetail> {
  return api.get(`/opinion/messages/${id}`);
}

export function decideOpinionLink(
  messageId: number,
  linkId: number,
  decision: 'confirm' | 'reject',
): Promise<{ id: number; status: string }> {
  return api.post(`/opinion/messages/${messageId}/links/${linkId}`, { decision });
}

export function advanceOpinionMessage(
  id: number,
  action: 'start' | 'reply' | 'close',
  reply?: string,
): Promise<{ id: number; state: OpinionState }> {
  return api.post(`/opinion/messages/${id}/transition`, reply === undefined ? { action } : { action, reply });
}

export function listOpenItems(): Promise<{ items: OpenItemsRow[] }> {
  return api.get('/opinion/open-items');
}

export function listOpinionHotspots(): Promise<{ items: OpinionHotspot[] }> {
  return api.get('/opinion/hotspots');
}
