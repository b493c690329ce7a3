import { Type } from '@sinclair/typebox';
import { PageOf } from '../../../platform/http/schemas.ts';

/** TypeBox schemas of the outbox desk (messages to enterprises and the treasury). */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const OutboxStatus = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]);

export const OutboxQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')], {
      description: 'pending 待发送；sent 已发送；failed 发送失败',
    }),
  ),
  channel: Type.Optional(
    Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('payment_instruction')], {
      description: '短信、邮件或支付指令',
    }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const OutboxPage = Type.Composite([
  PageOf(
    Type.Object({
      id: Type.Integer(),
      channel: Type.String(),
      recipient: Type.String({
        description: 'enterprise:<统一社会信用代码>、official:<账号 id>（官员）、direct（求职者本人）或 treasury',
      }),
      uscc: Nullable(Type.String()),
      enterprise_name: Nullable(Type.String()),
      official_name: Nullable(Type.String({ description: '收件官员的姓名（recipient 为 official:<id> 时）' })),
      address: Nullable(Type.String({ description: '最近一次发送的地址（脱敏）' })),
      subject: Nullable(Type.String()),
      status: OutboxStatus,
      attempts: Type.Integer(),
      last_error: Nullable(Type.String()),
      created_at: Type.String(),
      last_attempt_at: Nullable(Type.String()),
      next_attempt_at: Nullable(Type.String()),
      sent_at: Nullable(Type.String()),
    }),
  ),
  Type.Object({ counts: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }) }),
]);

export const OutboxRetryAnswer = Type.Object({ id: Type.Integer(), status: Type.Literal('pending') });
