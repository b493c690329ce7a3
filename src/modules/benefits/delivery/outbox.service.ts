import type { AppContext } from '../../../app-context.ts';
import { notificationAddressesOf, type NotificationAddress } from '../../enterprises/notification-contact.service.ts';
import { loadBenefitSettings, type BenefitSettings } from '../benefit-settings.ts';
import {
  claimDueOutbox,
  countPendingByChannel,
  recordOutboxAttempt,
  releaseOutboxClaims,
  type OutboxAttempt,
} from './outbox.repository.ts';
import { DIRECT_RECIPIENT, maskAddress } from './direct-messages.service.ts';
import { NO_OFFICIAL_PHONE, OFFICIAL_RECIPIENT, officialPhonesOf } from './official-alerts.service.ts';
import { OUTBOX_CHANNELS, SendFailure, type OutboxSender, type OutboxSenders } from './outbox-senders.ts';

/**
 * Delivers the outbox. Due messages are claimed for a while (no transaction stays open during a
 * gateway call), the enterprise's address is looked up at send time, and each attempt is
 * recorded: sent on the gateway's 2xx; otherwise tried again later with a doubling delay, up to
 * a maximum of attempts (reference/benefits/settings.json), then failed for an official to resend.
 * A message whose enterprise has no contact fails at once instead of being retried forever.
 */

export const NO_CONTACT = '企业未登记联系手机/邮箱';
const ENTERPRISE_RECIPIENT = /^enterprise:(.+)$/;

type OutboxSettings = BenefitSettings['outbox'];
type ClaimedMessage = Awaited<ReturnType<typeof claimDueOutbox>>[number];

export interface DispatchSummary {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again after the backoff. */
  retry_later: number;
  failed: number;
  /** Claimed but given back untried (the claim time ran out). */
  released: number;
  /** Pending messages of channels no gateway is configured for, by channel: they wait. */
  waiting_without_sender: Record<string, number>;
}

/** Sends the due messages of every channel that has a sender; answers what happened. */
export async function dispatchOutbox(
  ctx: AppContext,
  senders: OutboxSenders,
  options: { limit?: number; log?: (line: string) => void } = {},
): Promise<DispatchSummary> {
  const settings = loadBenefitSettings().outbox;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const summary: DispatchSummary = {
    claimed: 0,
    sent: 0,
    retry_later: 0,
    failed: 0,
    released: 0,
    waiting_without_sender: {},
  };
  for (const [channel, waiting] of await countPendingByChannel(
    ctx.db,
    OUTBOX_CHANNELS.filter((c) => !senders[c]),
  )) {
    summary.waiting_without_sender[channel] = waiting;
    log(`[outbox:${channel}] 未配置发送通道，${waiting} 条消息保留待发`);
  }
  const channels = OUTBOX_CHANNELS.filter((c) => senders[c]);
  if (channels.length === 0) return summary;

  const start = ctx.clock().getTime();
  const claimUntil = start + settings.claimMs;
  const messages = await claimDueOutbox(ctx.db, ctx.dialect, {
    channels,
    now: iso(start),
    claimUntil: iso(claimUntil),
    limit: options.limit ?? settings.dispatchBatchSize,
  });
  summary.claimed = messages.length;
  const usccs = messages
    .map((m) => ENTERPRISE_RECIPIENT.exec(m.recipient)?.[1])
    .filter((u): u is string => u !== undefined);
  const addresses = await notificationAddressesOf(ctx, usccs);
  const officialPhones = await officialPhonesOf(
    ctx,
    messages
      .map((m) => OFFICIAL_RECIPIENT.exec(m.recipient)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number),
  );
  for (const [index, message] of messages.entries()) {
    // Stop before the claim could run out mid-send; another process may then take the rest.
    if (ctx.clock().getTime() + settings.gatewayTimeoutMs >= claimUntil) {
      await releaseOutboxClaims(
        ctx.db,
        messages.slice(index).map((m) => m.id),
      );
      summary.released = messages.length - index;
      break;
    }
    const attempt = await deliver(
      ctx,
      message,
      senders[message.channel as keyof OutboxSenders]!,
      { addresses, officialPhones },
      settings,
    );
    await recordOutboxAttempt(ctx.db, message.id, attempt);
    if (attempt.status === 'sent') summary.sent += 1;
    else if (attempt.status === 'failed') summary.failed += 1;
    else summary.retry_later += 1;
  }
  return summary;
}

/** The delay before the next attempt after `attempts` failed ones: the first delay, doubled each time, capped. */
export function retryDelayMs(attempts: number, settings: OutboxSettings): number {
  return Math.min(settings.retryFirstDelayMs * 2 ** Math.max(0, attempts - 1), settings.retryMaxDelayMs);
}

async function deliver(
  ctx: AppContext,
  message: ClaimedMessage,
  sender: OutboxSender,
  book: AddressBook,
  settings: OutboxSettings,
): Promise<OutboxAttempt> {
  const address = addressOf(ctx, message, book);
  if ('missing' in address)
    return {
      status: 'failed',
      isAttempt: false,
      error: address.missing,
      at: ctx.clock().toISOString(),
      nextAttemptAt: null,
      addressMasked: null,
    };
  try {
    await sender.send(
      { channel: message.channel, messageId: message.dedupe_key, to: address.to, content: contentOf(message.payload) },
      settings.gatewayTimeoutMs,
    );
    return {
      status: 'sent',
      isAttempt: true,
      error: null,
      at: ctx.clock().toISOString(),
      nextAttemptAt: null,
      addressMasked: address.masked,
    };
  } catch (error) {
    const at = ctx.clock();
    const reason = (error instanceof SendFailure ? error.message : `发送出错：${(error as Error).message}`).slice(
      0,
      500,
    );
    const attempts = message.attempts + 1;
    const isPermanent = error instanceof SendFailure && error.isPermanent;
    if (isPermanent || attempts >= settings.maxAttempts) {
      return {
        status: 'failed',
        isAttempt: true,
        error: isPermanent ? reason : `已尝试 ${attempts} 次仍未成功：${reason}`,
        at: at.toISOString(),
        nextAttemptAt: null,
        addressMasked: address.masked,
      };
    }
    return {
      status: 'pending',
      isAttempt: true,
      error: reason,
      at: at.toISOString(),
      nextAttemptAt: iso(at.getTime() + retryDelayMs(attempts, settings)),
      addressMasked: address.masked,
    };
  }
}

interface AddressBook {
  addresses: Map<string, NotificationAddress>;
  officialPhones: Map<number, { phone: string; masked: string }>;
}

/** Where the message goes now: the enterprise's or official's mobile, the enterprise's e-mail, a person's own address, or the treasury's interface. */
function addressOf(
  ctx: AppContext,
  message: ClaimedMessage,
  { addresses, officialPhones }: AddressBook,
): { to: string; masked: string } | { missing: string } {
  if (message.channel === 'payment_instruction') return { to: message.recipient, masked: message.recipient };
  const sealed = DIRECT_RECIPIENT.exec(message.recipient)?.[1];
  if (sealed !== undefined) {
    // A person's own address (a job seeker), sealed in the recipient.
    const to = ctx.cipher.decrypt(sealed);
    return { to, masked: maskAddress(to) };
  }
  const officialId = OFFICIAL_RECIPIENT.exec(message.recipient)?.[1];
  if (officialId !== undefined) {
    const official = officialPhones.get(Number(officialId));
    if (message.channel === 'sms' && official) return { to: official.phone, masked: official.masked };
    return { missing: NO_OFFICIAL_PHONE };
  }
  const uscc = ENTERPRISE_RECIPIENT.exec(message.recipient)?.[1];
  if (uscc === undefined) return { missing: `无法识别的收件人：${message.recipient.slice(0, 60)}` };
  const address = addresses.get(uscc);
  if (message.channel === 'sms' && address?.phone) return { to: address.phone, masked: address.phoneMasked! };
  if (message.channel === 'email' && address?.email) return { to: address.email, masked: address.emailMasked! };
  return { missing: NO_CONTACT };
}

function contentOf(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
