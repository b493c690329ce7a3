import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { listContacts, logContact, myWorkload } from './contacts.service.ts';
import { ContactKindSchema, ContactSchema, WorkloadSchema } from './requests.schemas.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'];
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** The commissioners' contact log (无事不扰) and a commissioner's own work list. */
export function contactsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/contacts',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '联系记录（企业可看到对本企业的每次联系）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ uscc: Type.Optional(Type.String({ maxLength: 40 })) }),
          ]),
          response: { 200: PageOf(ContactSchema), ...standardErrors },
        },
      },
      async (request) => listContacts(ctx, signedInActorOf(request).user, request.query),
    );

    app.post(
      '/api/v1/governance/contacts',
      {
        config: { access: ['commissioner'] },
        schema: {
          tags: ['governance'],
          summary: '登记一次联系（每户企业每月主动联系次数有上限，答复诉求的联系不计入）',
          body: Type.Object(
            {
              uscc: Type.String({ minLength: 1, maxLength: 40 }),
              kind: ContactKindSchema,
              contactDate: IsoDate,
              topic: Type.String({ minLength: 1, maxLength: 200 }),
              outcome: Type.String({ minLength: 1, maxLength: 1000 }),
              followUpDate: Type.Optional(IsoDate),
              requestId: Type.Optional(Type.Integer({ minimum: 1, description: '所答复的诉求' })),
            },
            { additionalProperties: false },
          ),
          response: { 201: ContactSchema, ...standardErrors, 422: ErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await logContact(ctx, signedInActorOf(request), request.body)),
    );

    app.get(
      '/api/v1/governance/my-enterprises',
      {
        config: { access: ['commissioner'] },
        schema: {
          tags: ['governance'],
          summary: '服务专员的挂钩企业与待办（待办诉求、最近时限、未结预警、本月联系次数）',
          response: { 200: WorkloadSchema, ...standardErrors },
        },
      },
      async (request) => myWorkload(ctx, signedInActorOf(request).user),
    );
  };
}
