import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { CalendarAnswer, CalendarLoadAnswer, CalendarLoadBody } from './calendar.schemas.ts';
import { describeCalendar, loadCalendarYear } from './calendar.service.ts';

// Loading a year changes every deadline: the system administrator's job, like the other settings.
const KEEPER_ROLES: readonly Role[] = ['sysadmin'];

/** 工作日历: which years the calendar covers, every loaded version, loading a year from the State Council's notice. */
export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/reference/calendar', {
      config: { access: 'authenticated' },
      schema: { tags: ['reference'], summary: '工作日历：内置年份、已录入年份（含历次版本）、下一年录入提醒', response: { 200: CalendarAnswer, ...standardErrors } },
    }, async () => describeCalendar(ctx));

    app.post('/api/v1/reference/calendar/years', {
      config: { access: KEEPER_ROLES },
      schema: {
        tags: ['reference'], summary: '录入一年的节假日安排（国务院办公厅通知，含文号）；重新录入生成新版本，并重新推算相关截止日',
        body: CalendarLoadBody, response: { 201: CalendarLoadAnswer, 409: ErrorResponse, ...standardErrors },
      },
    }, async (request, reply) => reply.status(201).send(await loadCalendarYear(ctx, signedInActorOf(request), { text: request.body.text, fileName: request.body.file_name })));
  };
}
