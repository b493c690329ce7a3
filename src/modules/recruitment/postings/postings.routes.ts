import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  createPosting,
  EDUCATION_LEVELS,
  EXPERIENCE_LEVELS,
  getPosting,
  listPostingsFor,
  reviewPosting,
  submitPosting,
  updatePosting,
  withdrawPosting,
} from './postings.service.ts';

const READ_ROLES: readonly Role[] = ['enterprise', 'city_hrss', 'province_hrss', 'province_miit'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('rejected'),
    Type.Literal('published'),
    Type.Literal('withdrawn'),
  ],
  {
    description:
      '状态：draft 草稿, submitted 待审核, returned 已退回修改, rejected 未通过, published 已发布, withdrawn 已撤回',
  },
);
const Flag = Type.Object({
  field: Type.String({ description: '所在字段：title 岗位名称, description 岗位描述, tags 标签' }),
  category: Type.String(),
  categoryName: Type.String(),
  rule: Type.String(),
  ruleName: Type.String(),
  basis: Type.String({ description: '法律依据' }),
  match: Type.String({ description: '命中的表述' }),
  start: Type.Integer(),
  end: Type.Integer(),
});
const Posting = Type.Object({
  id: Type.Integer(),
  uscc: Type.String(),
  enterpriseName: Nullable(Type.String()),
  title: Type.String(),
  occupationCode: Type.String(),
  occupationName: Nullable(Type.String()),
  posts: Type.Integer(),
  salaryMin: Type.Integer(),
  salaryMax: Type.Integer(),
  education: Type.String(),
  experience: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  cityCode: Type.String(),
  address: Type.String(),
  description: Type.String(),
  validUntil: Type.String(),
  tags: Type.Array(Type.String()),
  status: Type.String(),
  statusName: Type.String(),
  flagCount: Type.Integer({ description: '可能构成就业歧视的表述数' }),
  reviewComment: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  firstPublishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  flags: Type.Optional(Type.Array(Flag)),
});
const PostingBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, description: '岗位名称' }),
  occupationCode: Type.String({ pattern: '^\\d-\\d{2}-\\d{2}-\\d{2}$', description: '职业代码（大典 2022）' }),
  posts: Type.Integer({ minimum: 1, maximum: 10000, description: '招聘人数' }),
  salaryMin: Type.Integer({ minimum: 0, maximum: 1000000, description: '月薪下限（元）' }),
  salaryMax: Type.Integer({ minimum: 0, maximum: 1000000, description: '月薪上限（元）' }),
  education: Type.Union(
    EDUCATION_LEVELS.map((e) => Type.Literal(e)),
    { description: '学历要求' },
  ),
  experience: Type.Union(
    EXPERIENCE_LEVELS.map((e) => Type.Literal(e)),
    { description: '工作经验' },
  ),
  regionCode: Type.String({ pattern: '^\\d{6}$', description: '工作地点（县级行政区划代码）' }),
  address: Type.String({ minLength: 1, maxLength: 200, description: '工作地址' }),
  description: Type.String({ minLength: 1, maxLength: 5000, description: '岗位描述' }),
  validUntil: Type.String({ format: 'date', description: '有效期至' }),
  tags: Type.Array(Type.String({ maxLength: 20 }), {
    maxItems: 10,
    description: '标签：应届生、见习岗位、残疾人友好…',
  }),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { ...standardErrors, 409: ErrorResponse } as const;

/** Job postings: the enterprise's drafts, the city's review with the discrimination flags (SPEC §2.6). */
export function postingsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/job-postings',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['recruitment'],
          summary: '岗位信息（企业看本企业，市县看本地区，省看全省）',
          querystring: Type.Composite([PageQuery, Type.Object({ status: Type.Optional(Status) })]),
          response: { 200: PageOf(Posting), ...standardErrors },
        },
      },
      async (request) => listPostingsFor(ctx, signedInActorOf(request).user, request.query),
    );
    app.get(
      '/api/v1/job-postings/:id',
      {
        config: { access: READ_ROLES },
        schema: {
          tags: ['recruitment'],
          summary: '一条岗位信息及其可能构成就业歧视的表述',
          params: IdParams,
          response: { 200: Posting, ...standardErrors },
        },
      },
      async (request) => getPosting(ctx, signedInActorOf(request).user, request.params.id),
    );
    app.post(
      '/api/v1/job-postings',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业新建岗位信息（草稿）',
          body: PostingBody,
          response: { 201: Posting, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await createPosting(ctx, signedInActorOf(request), request.body)),
    );
    app.put(
      '/api/v1/job-postings/:id',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业修改草稿或退回的岗位信息',
          params: IdParams,
          body: PostingBody,
          response: { 200: Posting, ...errors },
        },
      },
      async (request) => updatePosting(ctx, signedInActorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/job-postings/:id/submit',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业提交所在地市审核',
          params: IdParams,
          response: { 200: Posting, ...errors },
        },
      },
      async (request) => submitPosting(ctx, signedInActorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/job-postings/:id/withdraw',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['recruitment'],
          summary: '企业撤回已发布的岗位信息（立即从公众岗位检索中移除）',
          params: IdParams,
          response: { 200: Posting, ...errors },
        },
      },
      async (request) => withdrawPosting(ctx, signedInActorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/job-postings/:id/review',
      {
        config: { access: ['city_hrss'] },
        schema: {
          tags: ['recruitment'],
          summary: '市县人社审核：通过发布、退回修改或不通过',
          params: IdParams,
          body: Type.Object({
            decision: Type.Union([Type.Literal('approve'), Type.Literal('return'), Type.Literal('reject')]),
            comment: Type.Optional(Type.String({ maxLength: 1000, description: '审核意见（退回、不通过时必填）' })),
          }),
          response: { 200: Posting, ...errors },
        },
      },
      async (request) => reviewPosting(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
