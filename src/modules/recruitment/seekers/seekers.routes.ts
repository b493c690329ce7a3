import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { actorOf, signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import { EDUCATION_LEVELS } from '../postings/postings.service.ts';
import { getOwnProfile, registerSeeker, requestVerificationCode, updateOwnProfile } from './seekers.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Contact = Type.String({ minLength: 5, maxLength: 64, description: '手机号码或电子邮箱' });
export const SeekerProfileSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  idNumber: Nullable(Type.String({ description: '公民身份号码（脱敏）' })),
  phone: Nullable(Type.String({ description: '手机号码（脱敏）' })),
  email: Nullable(Type.String({ description: '电子邮箱（脱敏）' })),
  education: Nullable(Type.String()),
  graduationDate: Nullable(Type.String()),
  certificates: Type.Array(Type.String()),
  updatedAt: Type.String(),
});
const errors = { ...standardErrors, 409: ErrorResponse, 429: ErrorResponse } as const;

/** Job seekers: a verification code, registration, the own profile (SPEC §2.6). */
export function seekersRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/job-seekers/verification-codes',
      {
        config: { access: 'anyone', rateLimit: { max: 10, timeWindow: 60_000 } },
        schema: {
          tags: ['recruitment'],
          summary: '求职者注册：向手机号码或电子邮箱发送验证码',
          body: Type.Object({ contact: Contact }),
          response: {
            201: Type.Object({
              channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
              sentTo: Type.String({ description: '发送到（脱敏）' }),
              expiresAt: Type.String(),
              resendAfterSeconds: Type.Integer(),
            }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requestVerificationCode(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/job-seekers',
      {
        config: { access: 'anyone', rateLimit: { max: 20, timeWindow: 60_000 } },
        schema: {
          tags: ['recruitment'],
          summary: '求职者注册（验证码、密码、姓名），注册后用手机号码或邮箱登录',
          body: Type.Object({
            contact: Contact,
            code: Type.String({ minLength: 4, maxLength: 8, description: '验证码' }),
            password: Type.String({ minLength: 1, maxLength: 128 }),
            name: Type.String({ minLength: 1, maxLength: 40, description: '姓名' }),
          }),
          response: { 201: SeekerProfileSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await registerSeeker(ctx, actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/job-seekers/me',
      {
        config: { access: ['job_seeker'] },
        schema: {
          tags: ['recruitment'],
          summary: '求职者本人档案（身份证号、手机、邮箱脱敏）',
          response: { 200: SeekerProfileSchema, ...standardErrors },
        },
      },
      async (request) => getOwnProfile(ctx, signedInActorOf(request).user),
    );
    app.put(
      '/api/v1/job-seekers/me',
      {
        config: { access: ['job_seeker'] },
        schema: {
          tags: ['recruitment'],
          summary: '求职者修改本人档案：姓名、身份证号（可不填）、学历、毕业时间、证书',
          body: Type.Object({
            name: Type.String({ minLength: 1, maxLength: 40 }),
            idNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
            education: Type.Optional(Nullable(Type.Union(EDUCATION_LEVELS.map((e) => Type.Literal(e))))),
            graduationDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
            certificates: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 }),
          }),
          response: { 200: SeekerProfileSchema, ...errors },
        },
      },
      async (request) => updateOwnProfile(ctx, signedInActorOf(request), request.body),
    );
  };
}
