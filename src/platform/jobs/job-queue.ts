import PgBoss from 'pg-boss';
import type { DatabaseConfig } from '../../config.ts';

/**
 * Background work when several processes share one PostgreSQL database: a job queue kept in that
 * database (pg-boss, its own schema). Any process may send a job; processes that work jobs (every
 * `yangfan worker`, and `yangfan serve` unless started with --no-jobs) fetch them one at a time.
 * A job whose handler throws is retried after a delay, doubling; one that still fails after its
 * retries stays `failed` — the dead-letter list the administrator sees (jobs.routes.ts).
 * SQLite has no queue: one process works its runs in worker threads (platform/workers/).
 */

export interface QueueDefinition {
  name: string;
  /** Attempts after the first one; 0 for work that records its own failure (a match run, an import). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one attempt may take before the queue counts it failed and retries it. */
  expireInSeconds: number;
}

export interface SendOptions {
  /** With `slotSeconds`: at most one job of this name and key in each slot of that many seconds, across processes. */
  key?: string;
  slotSeconds?: number;
}

export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

export interface JobQueue {
  /** The queue's schema in the database (the dead-letter list reads it). */
  schema: string;
  /** Answers the job id, or null when a job of the same key is already in its slot. */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Works jobs of this name in this process, one at a time. */
  work(name: string, handler: JobHandler): Promise<void>;
  /** Stops fetching, waits for the jobs in hand (up to `graceSeconds`), closes the connections. */
  stop(graceSeconds?: number): Promise<void>;
}

/** The schema the queue lives in: `yangfan_jobs`, or `<schema>_jobs` beside a configured schema. */
export function jobSchemaOf(database: Extract<DatabaseConfig, { dialect: 'postgres' }>): string {
  return database.schema ? `${database.schema}_jobs` : 'yangfan_jobs';
}

/** Opens the queue (creating its schema and queues when missing) on the configured PostgreSQL database. */
export async function openJobQueue(
  database: Extract<DatabaseConfig, { dialect: 'postgres' }>,
  queues: readonly QueueDefinition[],
  onError: (error: Error) => void,
): Promise<JobQueue> {
  const schema = jobSchemaOf(database);
  const boss = new PgBoss({
    connectionString: database.url,
    schema,
    application_name: 'yangfan-jobs',
    max: 3,
    // Expiry and archiving: one process at a time does it (pg-boss takes a lock for it).
    supervise: true,
    maintenanceIntervalSeconds: 30,
    // No cron: scheduled work is sent on each process's clock, one job per slot (background-jobs.ts).
    schedule: false,
  });
  boss.on('error', onError);
  await boss.start();
  for (const queue of queues) await createQueueOnce(boss, queue);
  return {
    schema,
    send: (name, data, options = {}) =>
      boss.send(name, data, {
        ...(options.key !== undefined ? { singletonKey: options.key } : {}),
        ...(options.slotSeconds !== undefined ? { singletonSeconds: options.slotSeconds } : {}),
      }),
    work: async (name, handler) => {
      await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data ?? {});
      });
    },
    stop: (graceSeconds = 30) => boss.stop({ graceful: true, wait: true, timeout: graceSeconds * 1000 }),
  };
}

/** Creates a queue unless it exists; two processes starting at once may race, and the loser finds it made. */
async function createQueueOnce(boss: PgBoss, queue: QueueDefinition): Promise<void> {
  const options = {
    name: queue.name,
    retryLimit: queue.retryLimit,
    retryDelay: queue.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: queue.expireInSeconds,
  };
  if (await boss.getQueue(queue.name)) return boss.updateQueue(queue.name, options);
  try {
    await boss.createQueue(queue.name, options);
  } catch (error) {
    if (!(await boss.getQueue(queue.name))) throw error;
  }
}
