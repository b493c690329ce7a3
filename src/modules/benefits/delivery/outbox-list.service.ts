import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { AppError } from '../../../platform/errors.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import {
  countOutboxByStatus,
  findEnterpriseNamesOf,
  findOfficialNamesOf,
  findOutboxMessage,
  findOutboxPage,
  requeueFailedOutbox,
  type OutboxFilter,
} from './outbox.repository.ts';
import { OFFICIAL_RECIPIENT } from './official-alerts.service.ts';

/** The officials' view of the outbox: what left, what waits, what failed and why; and 重新发送. */

type OutboxRow = Awaited<ReturnType<typeof findOutboxPage>>['rows'][number];

const ENTERPRISE_RECIPIENT = /^enterprise:(.+)$/;

/** A page of messages, newest first, with the counts by status; addresses only masked. */
export async function listOutbox(ctx: AppContext, query: OutboxFilter & { page?: number; pageSize?: number }) {
  const { page, pageSize, offset } = pageWindow(query);
  const filter: OutboxFilter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
  };
  const { rows, total } = await findOutboxPage(ctx.db, filter, offset, pageSize);
  const names = await findEnterpriseNamesOf(ctx.db, [
    ...new Set(rows.map((r) => usccOf(r.recipient)).filter((u): u is string => u !== null)),
  ]);
  const officials = await findOfficialNamesOf(ctx.db, [
    ...new Set(rows.map((r) => officialOf(r.recipient)).filter((id): id is number => id !== null)),
  ]);
  return {
    items: rows.map((row) => outboxView(row, names, officials)),
    total,
    page,
    pageSize,
    counts: await countOutboxByStatus(ctx.db),
  };
}

function outboxView(row: OutboxRow, names: Map<string, string>, officials: Map<number, string>) {
  const uscc = usccOf(row.recipient);
  const officialId = officialOf(row.recipient);
  return {
    id: toNumber(row.id),
    channel: row.channel,
    // A person's sealed address stays sealed: the list names only the kind.
    recipient: row.recipient.startsWith('direct:') ? 'direct' : row.recipient,
    uscc,
    enterprise_name: uscc ? (names.get(uscc) ?? null) : null,
    official_name: officialId === null ? null : (officials.get(officialId) ?? null),
    address: row.address_masked,
    subject: subjectOf(row.payload),
    status: row.status,
    attempts: toNumber(row.attempts),
    last_error: row.last_error,
    created_at: row.created_at,
    last_attempt_at: row.last_attempt_at,
    next_attempt_at: row.next_attempt_at,
    sent_at: row.sent_at,
  };
}

function officialOf(recipient: string): number | null {
  const id = OFFICIAL_RECIPIENT.exec(recipient)?.[1];
  return id === undefined ? null : Number(id);
}

function usccOf(recipient: string): string | null {
  return ENTERPRISE_RECIPIENT.exec(recipient)?.[1] ?? null;
}

/** The notice's title, or the instruction file's name. */
function subjectOf(payload: string): string | null {
  try {
    const content = JSON.parse(payload) as { title?: unknown; file_name?: unknown };
    const subject = content.title ?? content.file_name;
    return typeof subject === 'string' ? subject : null;
  } catch {
    return null;
  }
}

/** 重新发送: a failed message goes back in the queue with a fresh count of attempts; audited. */
export async function retryOutboxMessage(trx: Db, ctx: AppContext, actor: Actor, id: number) {
  const message = await findOutboxMessage(trx, id);
  if (!message) throw new AppError('NOT_FOUND', '没有该消息');
  if (!(await requeueFailedOutbox(trx, id)))
    throw new AppError('OUTBOX_NOT_FAILED', undefined, { id, status: message.status });
  await appendAudit(
    trx,
    ctx.dialect,
    actor,
    {
      action: 'benefits.outbox.retry',
      outcome: 'success',
      objectType: 'benefit_outbox',
      objectId: id,
      details: {
        channel: message.channel,
        previous_attempts: toNumber(message.attempts),
        previous_error: message.last_error,
      },
    },
    ctx.clock(),
  );
  return { id, status: 'pending' as const };
}
