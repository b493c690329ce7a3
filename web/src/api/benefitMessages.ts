import { write, type InboxNotice } from './benefits.ts';
import { api } from './client.ts';
import type { ApiQuery, ApiResponse, ItemOf } from './types.ts';

/** 政策消息 read marks and the outbox of SMS, e-mail and payment notices (消息发送). */

export function listInbox(query: ApiQuery<'/api/v1/benefits/inbox'>): Promise<InboxPage> {
  return api.get<InboxPage>('/benefits/inbox', { ...query });
}

/** A page of the enterprise's notices with how many of all its notices are unread (InboxNotice names the case states). */
export type InboxPage = Omit<ApiResponse<'/api/v1/benefits/inbox'>, 'items'> & { items: InboxNotice[] };

/** The answer of a read mark: how many notices it changed and how many stay unread. */
export type ReadAnswer = ApiResponse<'/api/v1/benefits/inbox/{id}/read', 'post'>;

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

/**
 * A message to an enterprise (`enterprise:<credit code>`) or the treasury; the address is masked by
 * the server. The server's schema types the channel as a string; the web names the channels it knows.
 */
export type OutboxMessage = Omit<ItemOf<ApiResponse<'/api/v1/benefits/outbox'>>, 'channel'> & {
  channel: OutboxChannel;
};
export type OutboxStatus = OutboxMessage['status'];
export type OutboxPage = Omit<ApiResponse<'/api/v1/benefits/outbox'>, 'items'> & { items: OutboxMessage[] };
export type OutboxQuery = ApiQuery<'/api/v1/benefits/outbox'>;

export function listOutbox(query: OutboxQuery): Promise<OutboxPage> {
  return api.get<OutboxPage>('/benefits/outbox', { ...query });
}

/** 重新发送: a failed message back in the queue. */
export function retryOutboxMessage(
  id: number,
  key: string,
): Promise<ApiResponse<'/api/v1/benefits/outbox/{id}/retry', 'post'>> {
  return write(`/benefits/outbox/${id}/retry`, {}, key);
}
