import { write, type InboxNotice } from './benefits.ts';
import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/** 政策消息 read marks and the outbox of SMS, e-mail and payment notices (消息发送). */

export function listInbox(query: PageQuery): Promise<InboxPage> {
  return api.get<InboxPage>('/benefits/inbox', { ...query });
}

/** A page of the enterprise's notices with how many of all its notices are unread. */
export interface InboxPage extends Page<InboxNotice> {
  unread: number;
}

/** The answer of a read mark: how many notices it changed and how many stay unread. */
export interface ReadAnswer {
  updated: number;
  unread: number;
}

/** Marks one notice read; marking it again changes nothing (so it needs no Idempotency-Key). */
export function markNoticeRead(id: number): Promise<ReadAnswer> {
  return api.post<ReadAnswer>(`/benefits/inbox/${id}/read`, {});
}

/** 全部标为已读. */
export function markAllNoticesRead(): Promise<ReadAnswer> {
  return api.post<ReadAnswer>('/benefits/inbox/read-all', {});
}

export const OUTBOX_CHANNELS = ['sms', 'email', 'payment_instruction'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A message to an enterprise or the treasury; the address is masked by the server. */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  /** `enterprise:<credit code>` or `treasury`. */
  recipient: string;
  uscc: string | null;
  enterprise_name: string | null;
  address: string | null;
  subject: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export interface OutboxPage extends Page<OutboxMessage> {
  counts: Record<OutboxStatus, number>;
}

export interface OutboxQuery extends PageQuery {
  status?: OutboxStatus;
  channel?: OutboxChannel;
}

export function listOutbox(query: OutboxQuery): Promise<OutboxPage> {
  return api.get<OutboxPage>('/benefits/outbox', { ...query });
}

/** 重新发送: a failed message back in the queue. */
export function retryOutboxMessage(id: number, key: string): Promise<{ id: number; status: 'pending' }> {
  return write(`/benefits/outbox/${id}/retry`, {}, key);
}
