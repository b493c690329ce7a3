import type { AppContext } from '../../app-context.ts';
import { jobSchemaOf } from './job-queue.ts';
import { countJobStates, findDeadLetters, hasJobSchema } from './dead-letters.repository.ts';

/** What each queued job is, in the words the administrator reads. */
const JOB_LABELS: Record<string, string> = {
  'match-run': '免申即享匹配批次',
  bulletins: '监测通报定时生成',
  'request-escalations': '诉求逾期提级',
  'deadline-notices': '调查与调度截止提醒',
  'outbox-drain': '短信、邮件与支付通知投递',
  'rate-limit-sweep': '清理请求频率计数',
};

const LIST_LIMIT = 200;

/**
 * The job queue as the system administrator sees it: where background work runs, how many jobs
 * wait and work, and the dead-letter list — jobs that failed on their last retry, with the error.
 */
export async function describeJobQueue(ctx: AppContext) {
  const database = ctx.config.database;
  if (database.dialect !== 'postgres' || ctx.dialect !== 'postgres')
    return { mode: 'threads' as const, waiting: 0, active: 0, failed: 0, deadLetters: [] };
  const schema = jobSchemaOf(database);
  if (!(await hasJobSchema(ctx.db, schema)))
    return { mode: 'queue' as const, waiting: 0, active: 0, failed: 0, deadLetters: [] };
  const counts = await countJobStates(ctx.db, schema);
  const rows = await findDeadLetters(ctx.db, schema, LIST_LIMIT);
  return {
    mode: 'queue' as const,
    ...counts,
    deadLetters: rows.map((r) => ({ ...r, label: JOB_LABELS[r.name] ?? r.name })),
  };
}
