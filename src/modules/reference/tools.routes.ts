import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { addWorkdays, workdaysBetween } from '../../platform/calendar.ts';
import { refreshCalendar } from './calendar-store.ts';
import { ErrorResponse, standardErrors } from '../../platform/http/schemas.ts';
import { OFFICIAL_ROLES, type Role } from '../../platform/roles.ts';
import { CheckResult, IsoDate } from './reference.schemas.ts';
import { describeIdNumberCheck, describeUsccCheck } from './tools.service.ts';

// The evidence behind a credit-code override (登记机关函号 …) is the officials' business, not the public's.
const OFFICIAL_AND_ADMIN_ROLES: readonly Role[] = [...OFFICIAL_ROLES, 'sysadmin', 'secadmin', 'auditor'];

// CALENDAR_NOT_COVERED answers 422: the request is well formed but the year is neither in the package nor loaded.
const calendarErrors = { ...standardErrors, 422: ErrorResponse } as const;

/** Checking and counting tools for signed-in users: identifiers and working days. */
export function toolsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/tools/check/uscc', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tools'], summary: '校验统一社会信用代码（GB 32100-2015），并说明是否已登记人工核验例外',
        querystring: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: CheckResult, ...standardErrors },
      },
    }, async (request) => describeUsccCheck(ctx.db, request.query.code, { showEvidence: OFFICIAL_AND_ADMIN_ROLES.includes(signedInActorOf(request).user.role) }));

    app.get('/api/v1/tools/check/id', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tools'], summary: '校验公民身份号码（GB 11643-1999），只返回脱敏号码',
        querystring: Type.Object({ number: Type.String({ maxLength: 64 }) }),
        response: { 200: CheckResult, ...standardErrors },
      },
    }, async (request) => describeIdNumberCheck(request.query.number));

    app.get('/api/v1/tools/workdays/add', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tools'], summary: '某日之后第 n 个工作日（起算日不计入，含调休）',
        querystring: Type.Object({ date: IsoDate, n: Type.Integer({ minimum: -3660, maximum: 3660 }) }),
        response: { 200: Type.Object({ date: Type.String() }), ...calendarErrors },
      },
    }, async (request) => {
      await refreshCalendar(ctx.db);
      return { date: addWorkdays(request.query.date, request.query.n) };
    });

    app.get('/api/v1/tools/workdays/between', {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tools'], summary: '两日期之间的工作日数（首尾都计入，含调休）',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: { 200: Type.Object({ workdays: Type.Integer() }), ...calendarErrors },
      },
    }, async (request) => {
      await refreshCalendar(ctx.db);
      return { workdays: workdaysBetween(request.query.from, request.query.to) };
    });
  };
}
