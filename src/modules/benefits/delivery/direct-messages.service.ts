import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { maskPhone } from '../../../platform/crypto/masking.ts';
import { insertOutboxMessage } from './outbox.repository.ts';

/**
 * Messages to a person rather than an enterprise (a job seeker's verification code, the state
 * of an application), through the same outbox and dispatcher. The address rests only as SM4
 * ciphertext in the recipient (`direct:<sealed>`), decrypted at send time; a message already
 * queued under its dedupe key is left as it is.
 */

export const DIRECT_RECIPIENT = /^direct:(.+)$/;

export interface DirectMessage {
  channel: 'sms' | 'email';
  /** The mobile number or e-mail address, in clear: sealed before it is stored. */
  to: string;
  /** Unique per message (a repeat with the same key queues nothing). */
  key: string;
  title: string;
  body: string;
  at: string;
}

/** Queues one SMS or e-mail to an address, in the caller's transaction. */
export async function queueDirectMessage(ctx: AppContext, db: Db, message: DirectMessage): Promise<void> {
  await insertOutboxMessage(db, {
    channel: message.channel,
    dedupe_key: message.key,
    recipient: `direct:${ctx.cipher.encrypt(message.to)}`,
    payload: JSON.stringify({ title: message.title, body: message.body }),
    created_at: message.at,
    address_masked: maskAddress(message.to),
  });
}

/** A mobile number as 138****5678, an e-mail address as z***@example.com. */
export function maskAddress(to: string): string {
  const at = to.indexOf('@');
  if (at < 0) return maskPhone(to);
  return `${to.slice(0, 1)}***${to.slice(at)}`;
}
