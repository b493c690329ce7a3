import type { AppContext } from '../../app-context.ts';
import { findPendingOutbox, markOutbox } from './notices.repository.ts';

/**
 * Delivers the outbox: each channel has a sender; the default one only logs the message and
 * leaves it pending, because a message nobody delivered must never be recorded as sent.
 */

export interface OutboxSender {
  /** Delivers one message; resolves 'sent' only when the gateway accepted it. */
  send(message: { channel: string; recipient: string; payload: string }): Promise<'sent' | 'not_sent'>;
}

/** The default sender: writes the message to the log and reports it as not sent. */
export function loggingSender(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): OutboxSender {
  return {
    async send(message) {
      log(`[outbox:${message.channel}] 未配置发送通道，消息保留待发：${message.recipient}`);
      return 'not_sent';
    },
  };
}

/** Sends up to `limit` pending messages through the channel's sender; claimed with SKIP LOCKED on PostgreSQL. */
export async function dispatchOutbox(ctx: AppContext, senders: Record<string, OutboxSender>, limit = 100) {
  const fallback = loggingSender();
  const counts = { sent: 0, kept: 0, failed: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const message of await findPendingOutbox(trx, limit, ctx.dialect === 'postgres')) {
      const at = ctx.clock().toISOString();
      try {
        const outcome = await (senders[message.channel] ?? fallback).send(message);
        await markOutbox(trx, message.id, { status: outcome === 'sent' ? 'sent' : 'pending', error: outcome === 'sent' ? null : '未发送', at });
        counts[outcome === 'sent' ? 'sent' : 'kept'] += 1;
      } catch (error) {
        await markOutbox(trx, message.id, { status: 'failed', error: (error as Error).message.slice(0, 500), at });
        counts.failed += 1;
      }
    }
  });
  return counts;
}
