import { AppError } from '../../../platform/errors.ts';

/**
 * How messages leave the system. Each channel's sender is chosen by configuration: a gateway
 * URL with its bearer token makes the HTTP sender; a channel without one has no sender, and its
 * messages stay pending (the dispatch only logs how many wait), because a message nobody
 * delivered must never be recorded as sent.
 */

export const OUTBOX_CHANNELS = ['sms', 'email', 'payment_instruction'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** A message as a gateway receives it: the address is resolved at send time. */
export interface OutgoingMessage {
  channel: string;
  /** Stable across attempts, so a gateway can drop a repeat of a message it already accepted. */
  messageId: string;
  to: string;
  content: unknown;
}

/** A send that did not succeed; a permanent one (the gateway refused the request itself) is not retried. */
export class SendFailure extends Error {
  readonly isPermanent: boolean;

  constructor(message: string, isPermanent = false) {
    super(message);
    this.name = 'SendFailure';
    this.isPermanent = isPermanent;
  }
}

export interface OutboxSender {
  /** Resolves when the gateway accepted the message (HTTP 2xx); otherwise throws a SendFailure. */
  send(message: OutgoingMessage, timeoutMs: number): Promise<void>;
}

export type OutboxSenders = Partial<Record<OutboxChannel, OutboxSender>>;

const GATEWAYS: Record<OutboxChannel, { url: string; token: string; name: string }> = {
  sms: { url: 'YANGFAN_SMS_GATEWAY_URL', token: 'YANGFAN_SMS_GATEWAY_TOKEN', name: '短信网关' },
  email: { url: 'YANGFAN_EMAIL_GATEWAY_URL', token: 'YANGFAN_EMAIL_GATEWAY_TOKEN', name: '邮件网关' },
  payment_instruction: {
    url: 'YANGFAN_PAYMENT_GATEWAY_URL',
    token: 'YANGFAN_PAYMENT_GATEWAY_TOKEN',
    name: '支付指令接口',
  },
};

/** The channel's gateway name in Chinese, for messages to officials. */
export function gatewayNameOf(channel: string): string {
  return GATEWAYS[channel as OutboxChannel]?.name ?? channel;
}

/** The senders the environment configures; a URL without its token, or not http(s), refuses to start. */
export function sendersFromEnvironment(env: NodeJS.ProcessEnv = process.env): OutboxSenders {
  const senders: OutboxSenders = {};
  for (const channel of OUTBOX_CHANNELS) {
    const variables = GATEWAYS[channel];
    const url = env[variables.url]?.trim();
    if (!url) continue;
    if (!/^https?:\/\/\S+$/.test(url))
      throw new AppError('CONFIG_INVALID', `${variables.url} 应为 http:// 或 https:// 开头的地址`);
    const token = env[variables.token]?.trim();
    if (!token) throw new AppError('CONFIG_INVALID', `已配置 ${variables.url}，还须配置访问令牌 ${variables.token}`);
    senders[channel] = httpGatewaySender({ url, token, name: variables.name });
  }
  return senders;
}

/**
 * POSTs `{message_id, channel, to, content}` as JSON with `Authorization: Bearer`. Only a 2xx
 * answer counts as sent; a 4xx other than 408/429 is the gateway refusing this request (not
 * retried); everything else — 5xx, 408, 429, no answer in time, no connection — is retried.
 */
export function httpGatewaySender(gateway: { url: string; token: string; name: string }): OutboxSender {
  return {
    async send(message, timeoutMs) {
      let response: Response;
      try {
        response = await fetch(gateway.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${gateway.token}`,
            'idempotency-key': message.messageId,
          },
          body: JSON.stringify({
            message_id: message.messageId,
            channel: message.channel,
            to: message.to,
            content: message.content,
          }),
        });
      } catch (error) {
        throw new SendFailure(transportFailure(gateway.name, error, timeoutMs));
      }
      // The answer's body is not needed (and may echo the address): let the connection go.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return;
      const isRefusal =
        response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new SendFailure(
        `${gateway.name}${isRefusal ? '拒绝了该消息' : '未受理'}（HTTP ${response.status}）`,
        isRefusal,
      );
    },
  };
}

function transportFailure(name: string, error: unknown, timeoutMs: number): string {
  const cause = error as Error & { cause?: { code?: string } };
  if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return `${name}在 ${timeoutMs / 1000} 秒内未应答`;
  return `无法连接${name}（${cause.cause?.code ?? cause.message}）`;
}
