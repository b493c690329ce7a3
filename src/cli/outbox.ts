import type { Command } from 'commander';
import { listOutbox } from '../modules/benefits/delivery/outbox-list.service.ts';
import { dispatchOutbox, type DispatchSummary } from '../modules/benefits/delivery/outbox.service.ts';
import { gatewayNameOf, sendersFromEnvironment } from '../modules/benefits/delivery/outbox-senders.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError, type CommandOptions } from './output.ts';

/**
 * `yangfan outbox dispatch|list`: send the due SMS, e-mail and payment notices now through the
 * gateways the environment configures (YANGFAN_SMS_GATEWAY_URL/_TOKEN, YANGFAN_EMAIL_GATEWAY_URL/_TOKEN,
 * YANGFAN_PAYMENT_GATEWAY_URL/_TOKEN), and list messages by status with masked addresses.
 */

const STATUSES = ['pending', 'failed', 'sent'] as const;
const STATUS_LABELS: Record<string, string> = { pending: '待发送', failed: '发送失败', sent: '已发送' };

interface ListOptions extends CommandOptions {
  status?: string;
  page?: string;
}

/** Registers the `outbox` command group. */
export function registerOutboxCommands(program: Command): void {
  const outbox = program.command('outbox').description('政策消息发送：短信、邮件与支付指令通知');

  outbox
    .command('dispatch')
    .description('立即发送到期的待发消息（未配置网关的通道保留待发）')
    .option('--json', 'JSON 输出')
    .action(async (options: CommandOptions) => {
      await runCommand(
        options,
        () => withAppContext((ctx) => dispatchOutbox(ctx, sendersFromEnvironment(), { log: () => undefined })),
        describeDispatch,
      );
    });

  outbox
    .command('list')
    .description('按状态列出消息（最新在前，地址脱敏）')
    .option('--status <pending|failed|sent>', '只列出该状态的消息')
    .option('--page <n>', '页码（每页 200 条）', '1')
    .option('--json', 'JSON 输出')
    .action(async (options: ListOptions) => {
      await runCommand(
        options,
        () => {
          const status = options.status as (typeof STATUSES)[number] | undefined;
          if (status !== undefined && !STATUSES.includes(status))
            usageError(`--status 应为 ${STATUSES.join('、')} 之一`);
          const page = Number(options.page);
          if (!Number.isInteger(page) || page < 1) usageError('--page 应为正整数');
          return withAppContext((ctx) => listOutbox(ctx, { ...(status ? { status } : {}), page, pageSize: 200 }));
        },
        describeList,
      );
    });
}

function describeDispatch(summary: DispatchSummary): string {
  const lines = [
    `领取 ${summary.claimed} 条：已发送 ${summary.sent}，稍后重试 ${summary.retry_later}，发送失败 ${summary.failed}，未及发送退回 ${summary.released}`,
  ];
  for (const [channel, waiting] of Object.entries(summary.waiting_without_sender))
    lines.push(`${gatewayNameOf(channel)}未配置：${waiting} 条保留待发`);
  return lines.join('\n');
}

function describeList(page: Awaited<ReturnType<typeof listOutbox>>): string {
  const head = `共 ${page.total} 条（待发送 ${page.counts.pending}，已发送 ${page.counts.sent}，发送失败 ${page.counts.failed}），第 ${page.page} 页`;
  const rows = page.items.map((m) =>
    [
      `#${m.id}`,
      m.channel,
      m.enterprise_name ?? m.recipient,
      m.address ?? '—',
      STATUS_LABELS[m.status] ?? m.status,
      `${m.attempts} 次`,
      m.last_error ?? '',
    ].join('  '),
  );
  return [head, ...rows].join('\n');
}
