import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../../app-context.ts';
import { loadBenefitSettings } from '../benefit-settings.ts';
import { dispatchOutbox } from './outbox.service.ts';
import { sendersFromEnvironment } from './outbox-senders.ts';
import type { ScheduledJob } from '../../../platform/jobs/scheduled-job.ts';

/**
 * Delivers the outbox from the server process: a first dispatch shortly after start-up, then
 * one every interval (reference/benefits/settings.json), each going on batch after batch while
 * batches come back full. Ticks never overlap; closing the app stops them and waits for the
 * one in flight. Every process may run it: messages are claimed
 * per row, so two servers never send the same message at once (SPEC §0). Off in tests, unless
 * the test hands it its own environment.
 */
export function outboxDispatcherPlugin(
  ctx: AppContext,
  options: { env?: NodeJS.ProcessEnv; intervalMs?: number; firstDelayMs?: number } = {},
): FastifyPluginAsync {
  return fp(async (app) => {
    // With a PostgreSQL job queue the queue drains the outbox (outboxDrainSchedule), once per interval across processes.
    if ((ctx.config.environment === 'test' && !options.env) || ctx.jobQueue) return;
    // A gateway URL without its token refuses to start here, not at the first message.
    const senders = sendersFromEnvironment(options.env ?? process.env);
    const intervalMs = options.intervalMs ?? loadBenefitSettings().outbox.dispatchIntervalMs;
    // “N messages wait for a channel without a gateway” is logged when N changes, not every tick.
    const lastLines = new Map<string, string>();
    const log = (line: string) => {
      const channel = line.slice(0, line.indexOf(']') + 1);
      if (lastLines.get(channel) !== line) app.log.info(line);
      lastLines.set(channel, line);
    };
    let timer: NodeJS.Timeout | undefined;
    let isClosing = false;
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      running = drain().catch((error: unknown) => app.log.error({ err: error }, '消息投递失败'));
      void running.then(() => {
        if (!isClosing) timer = setTimeout(tick, intervalMs).unref();
      });
    };
    // A full batch means more are due (a match run queues thousands): go on at once, not next
    // tick — unless nothing got through (the gateway is down; the backoff takes over).
    const drain = async () => {
      const { dispatchBatchSize } = loadBenefitSettings().outbox;
      let summary;
      do {
        summary = await dispatchOutbox(ctx, senders, { log });
        if (summary.claimed > 0) app.log.info({ outbox: summary }, '消息投递');
      } while (summary.claimed === dispatchBatchSize && summary.sent > 0 && !isClosing);
    };
    app.addHook('onReady', async () => {
      timer = setTimeout(tick, options.firstDelayMs ?? Math.min(intervalMs, 5_000)).unref();
    });
    app.addHook('onClose', async () => {
      isClosing = true;
      if (timer) clearTimeout(timer);
      await running;
    });
  });
}

/**
 * The outbox drain as a job of the PostgreSQL job queue: one drain per interval across every
 * process, batch after batch while batches come back full and something got through.
 */
export function outboxDrainSchedule(env: NodeJS.ProcessEnv = process.env): ScheduledJob {
  const senders = sendersFromEnvironment(env);
  const { dispatchIntervalMs } = loadBenefitSettings().outbox;
  return {
    name: 'outbox-drain',
    failureMessage: '消息投递失败',
    firstTickMs: Math.min(dispatchIntervalMs, 5_000),
    intervalMs: dispatchIntervalMs,
    run: async (ctx) => {
      const { dispatchBatchSize } = loadBenefitSettings().outbox;
      let summary;
      do {
        summary = await dispatchOutbox(ctx, senders, { log: () => undefined });
      } while (summary.claimed === dispatchBatchSize && summary.sent > 0);
    },
  };
}
