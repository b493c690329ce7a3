import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { standardErrors } from '../http/schemas.ts';
import { describeJobQueue } from './job-queue-status.ts';

const DeadLetter = Type.Object({
  id: Type.String(),
  name: Type.String({ description: '任务队列名，如 match-run' }),
  label: Type.String({ description: '任务名称（中文）' }),
  attempts: Type.Integer({ description: '已尝试次数（含重试）' }),
  failedAt: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
});

const JobQueueStatus = Type.Object({
  mode: Type.Union([Type.Literal('queue'), Type.Literal('threads')], {
    description: 'queue：PostgreSQL 任务队列（多进程）；threads：SQLite，服务进程内的工作线程',
  }),
  waiting: Type.Integer(),
  active: Type.Integer(),
  failed: Type.Integer(),
  deadLetters: Type.Array(DeadLetter, { description: '重试后仍失败的任务（死信），最近的在前，最多 200 条' }),
});

/** The background job queue for the system administrator: counts and the dead-letter list. */
export function jobsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/system/jobs',
      {
        config: { access: ['sysadmin'] },
        schema: {
          tags: ['system'],
          summary: '后台任务队列：等待、执行中与失败的任务数，以及重试后仍失败的任务（死信）',
          response: { 200: JobQueueStatus, ...standardErrors },
        },
      },
      async () => describeJobQueue(ctx),
    );
  };
}
