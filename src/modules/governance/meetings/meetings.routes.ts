import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { IdParams, Nullable } from '../collections/collections.schemas.ts';
import { completeAction, listMeetings, recordMeeting } from './meetings.service.ts';

const ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const Attendee = Type.Object(
  { unit: Type.String({ minLength: 1, maxLength: 100 }), names: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
const Meetings = Type.Object({
  openActions: Type.Integer(),
  overdueActions: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
      heldOn: Type.String(),
      title: Type.String(),
      attendees: Type.Array(Attendee),
      topics: Type.Array(Type.String()),
      decisions: Type.Array(Type.String()),
      actions: Type.Array(
        Type.Object({
          id: Type.Integer(),
          task: Type.String(),
          ownerUnit: Type.String(),
          ownerName: Nullable(Type.String()),
          dueOn: Type.String(),
          state: Type.Union([Type.Literal('open'), Type.Literal('done')]),
          isOverdue: Type.Boolean(),
          doneAt: Nullable(Type.String()),
          doneNote: Nullable(Type.String()),
          doneByName: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

/** 部门会商: meeting records and their action items. */
export function meetingsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/meetings',
      {
        config: { access: ROLES },
        schema: {
          tags: ['governance'],
          summary: '人社、工信部门会商记录及工作任务办理情况',
          response: { 200: Meetings, ...standardErrors },
        },
      },
      async (request) => listMeetings(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/governance/meetings',
      {
        config: { access: ROLES },
        schema: {
          tags: ['governance'],
          summary: '记录部门会商（参会单位、议题、议定事项、工作任务及责任单位、完成时限）',
          body: Type.Object(
            {
              heldOn: Type.String({ format: 'date' }),
              title: Type.String({ minLength: 1, maxLength: 200 }),
              attendees: Type.Array(Attendee, { minItems: 1, maxItems: 30 }),
              topics: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 30 }),
              decisions: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 30 }),
              actions: Type.Array(
                Type.Object(
                  {
                    task: Type.String({ minLength: 1, maxLength: 500 }),
                    ownerUnit: Type.String({ minLength: 1, maxLength: 100 }),
                    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
                    dueOn: Type.String({ format: 'date' }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: Meetings, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordMeeting(ctx, signedInActorOf(request), request.body)),
    );

    app.post(
      '/api/v1/governance/meeting-actions/:id/done',
      {
        config: { access: ROLES },
        schema: {
          tags: ['governance'],
          summary: '工作任务办结（写明办理情况）',
          params: IdParams,
          body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
          response: { 200: Meetings, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => completeAction(ctx, signedInActorOf(request), request.params.id, request.body.note),
    );
  };
}
