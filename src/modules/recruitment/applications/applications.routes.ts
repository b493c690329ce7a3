import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import {
  applyToPosting,
  listApplicants,
  listOwnApplications,
  moveApplicant,
  rescheduleInterview,
  summariseApplicants,
} from './applications.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union(
  [
    Type.Literal('submitted'),
    Type.Literal('viewed'),
    Type.Literal('interview'),
    Type.Literal('hired'),
    Type.Literal('rejected'),
  ],
  { description: '状态：submitted 已投递, viewed 已查看, interview 面试, hired 录用, rejected 不合适' },
);
const InterviewBody = Type.Object({
  at: Type.String({ maxLength: 40, description: '面试时间，北京时间“YYYY-MM-DD HH:mm”（须为今后的时间）' }),
  place: Type.Optional(Type.String({ maxLength: 200, description: '面试地点（与线上链接至少填一项）' })),
  link: Type.Optional(Type.String({ maxLength: 500, description: '线上面试链接（http:// 或 https://）' })),
  note: Type.Optional(Type.String({ maxLength: 500, description: '给求职者的备注（携带材料等）' })),
});
const Interview = Type.Object({
  at: Type.String({ description: '面试时间（UTC 时刻，页面按北京时间显示）' }),
  place: Nullable(Type.String()),
  link: Nullable(Type.String()),
  note: Nullable(Type.String()),
  arrangedAt: Type.String(),
  previous: Type.Array(
    Type.Object({
      at: Type.String(),
      place: Nullable(Type.String()),
      link: Nullable(Type.String()),
      arrangedAt: Type.String(),
    }),
    { description: '改期前的安排，新的在前' },
  ),
});
const Application = Type.Object({
  id: Type.Integer(),
  postingId: Type.Integer(),
  postingTitle: Type.String(),
  enterpriseName: Nullable(Type.String()),
  status: Status,
  statusName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  viewedAt: Nullable(Type.String()),
  interviewAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  interview: Nullable(Interview),
});
const Applicant = Type.Composite([
  Application,
  Type.Object({
    applicantName: Type.String({ description: '姓名（邀请面试前脱敏）' }),
    phone: Nullable(Type.String({ description: '手机号码（邀请面试前脱敏）' })),
    email: Nullable(Type.String({ description: '电子邮箱（邀请面试前脱敏）' })),
    isRevealed: Type.Boolean({ description: '已邀请面试：企业可见完整姓名与联系方式' }),
    education: Nullable(Type.String()),
    graduationDate: Nullable(Type.String()),
    certificates: Type.Array(Type.String()),
    nextStates: Type.Array(Type.Object({ status: Status, statusName: Type.String() })),
  }),
]);
const StatusCounts = Type.Object({
  submitted: Type.Integer(),
  viewed: Type.Integer(),
  interview: Type.Integer(),
  hired: Type.Integer(),
  rejected: Type.Integer(),
});
const errors = { ...standardErrors, 409: ErrorResponse } as const;

/** Applications: the seeker applies and follows them; the enterprise handles its applicants (SPEC §2.6). */
export function applicationsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/job-applications',
      {
        config: { access: ['job_seeker'] },
        schema: {
          tags: ['recruitment'],
          summary: '求职者投递已发布的岗位（每个岗位一次）',
          body: Type.Object({ postingId: Type.Integer({ minimum: 1 }) }),
          response: { 201: Application, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await applyToPosting(ctx, signedInActorOf(request), request.body.postingId)),
    );
    app.get(
      '/api/v1/job-applications/mine',
      {
        config: { access: ['job_seeker'] },
        schema: {
          tags: ['recruitment'],
          summary: '求职者本人的投递记录与状态（可按岗位查询是否已投递）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ postingId: Type.Optional(Type.Integer({ minimum: 1 })) }),
          ]),
          response: { 200: PageOf(Application), ...standardErrors },
        },
      },
      async (request) => listOwnApplications(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/job-applications',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业应聘管理：本企业岗位的应聘人员（邀请面试前姓名与联系方式脱敏）',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ postingId: Type.Optional(Type.Integer({ minimum: 1 })), status: Type.Optional(Status) }),
          ]),
          response: { 200: PageOf(Applicant), ...standardErrors },
        },
      },
      async (request) => listApplicants(ctx, signedInActorOf(request), request.query),
    );
    app.get(
      '/api/v1/job-applications/summary',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业各岗位应聘人数（按状态）',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  postingId: Type.Integer(),
                  title: Type.String(),
                  total: Type.Integer(),
                  counts: StatusCounts,
                }),
              ),
            }),
            ...standardErrors,
          },
        },
      },
      async (request) => summariseApplicants(ctx, signedInActorOf(request).user),
    );
    app.post(
      '/api/v1/job-applications/:id/move',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业推进应聘：已查看、邀请面试（须填面试时间、地点或链接）、录用或不合适（通知求职者）',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          body: Type.Object({ to: Status, interview: Type.Optional(InterviewBody) }),
          response: { 200: Applicant, ...errors },
        },
      },
      async (request) => moveApplicant(ctx, signedInActorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/job-applications/:id/interview',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业调整面试安排（改期；原安排保留为历史，通知求职者）',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          body: InterviewBody,
          response: { 200: Applicant, ...errors },
        },
      },
      async (request) => rescheduleInterview(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
