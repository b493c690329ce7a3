import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { standardErrors } from '../../../platform/http/schemas.ts';
import { EDUCATION_LEVELS } from '../postings/postings.service.ts';
import { getPublicJob, searchJobs } from './search.service.ts';
import { searchSettings } from './search-text.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Piece = Type.Object({ text: Type.String(), hit: Type.Boolean({ description: '是否为命中的检索词' }) });
const Tier = Type.Union([Type.Literal('innovative'), Type.Literal('srdi'), Type.Literal('little_giant')], {
  description: '企业梯度：innovative 创新型中小企业, srdi 专精特新中小企业, little_giant 专精特新“小巨人”企业',
});
const SearchItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  titlePieces: Type.Array(Piece, { description: '岗位名称，命中的检索词已标出' }),
  snippet: Type.Array(Piece, { description: '岗位描述摘要，命中的检索词已标出' }),
  enterpriseName: Type.String(),
  tier: Nullable(Type.String()),
  tierName: Nullable(Type.String()),
  occupationCode: Type.String(),
  occupationName: Nullable(Type.String()),
  cityName: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  salaryMin: Type.Integer({ description: '月薪下限（元）' }),
  salaryMax: Type.Integer({ description: '月薪上限（元）' }),
  education: Type.String(),
  experience: Type.String(),
  posts: Type.Integer(),
  tags: Type.Array(Type.String()),
  publishedAt: Type.String(),
  validUntil: Type.String(),
  score: Type.Integer({ description: '相关度得分（按相关度排序时）' }),
});
const SearchPage = Type.Object({
  items: Type.Array(SearchItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  terms: Type.Array(Type.String(), { description: '检索词（分词结果）' }),
});
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: '检索词，如“数控 工程师 苏州”' })),
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '工作地点：设区市或县级行政区划代码' })),
  occupation: Type.Optional(
    Type.String({ pattern: '^\\d(-\\d{2}){0,3}$', description: '职业代码（大典 2022），可为大类、中类、小类前缀' }),
  ),
  salaryMin: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 1000000, description: '月薪不低于（元，与岗位区间有交集）' }),
  ),
  salaryMax: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 1000000, description: '月薪不高于（元，与岗位区间有交集）' }),
  ),
  education: Type.Optional(
    Type.Union(
      EDUCATION_LEVELS.map((e) => Type.Literal(e)),
      { description: '学历要求' },
    ),
  ),
  tier: Type.Optional(Tier),
  fair: Type.Optional(Type.Integer({ minimum: 1, description: '专场招聘会：只看参会企业带到该招聘会的岗位' })),
  sort: Type.Optional(
    Type.Union([Type.Literal('relevance'), Type.Literal('date'), Type.Literal('salary')], {
      description: '排序：relevance 相关度（有检索词时默认）, date 发布时间, salary 月薪',
    }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
const PublicJob = Type.Object({
  id: Type.Integer(),
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
  cityName: Nullable(Type.String()),
  address: Type.String(),
  description: Type.String(),
  tags: Type.Array(Type.String()),
  publishedAt: Type.String(),
  validUntil: Type.String(),
  enterprise: Type.Object({
    name: Type.String(),
    tier: Nullable(Type.String()),
    tierName: Nullable(Type.String()),
    cityName: Nullable(Type.String()),
    industryCode: Nullable(Type.String()),
    industryName: Nullable(Type.String()),
  }),
});

/** The public job search and posting pages' API: no login, rate-limited per address (SPEC §2.6). */
export function searchRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { max, window_seconds } = searchSettings().rate_limit;
  const rateLimit = { max, timeWindow: window_seconds * 1000 };
  return async (app) => {
    app.get(
      '/api/v1/public/jobs',
      {
        config: { access: 'anyone', rateLimit },
        schema: {
          tags: ['recruitment'],
          summary:
            '公众岗位检索：中文检索词、地点、职业、月薪、学历、企业梯度筛选，按相关度、发布时间或月薪排序（无需登录）',
          querystring: SearchQuery,
          response: { 200: SearchPage, ...standardErrors },
        },
      },
      async (request) => searchJobs(ctx, request.query),
    );
    app.get(
      '/api/v1/public/jobs/:id',
      {
        config: { access: 'anyone', rateLimit },
        schema: {
          tags: ['recruitment'],
          summary: '公众查看一条已发布的岗位信息及企业公开信息（无需登录）',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          response: { 200: PublicJob, ...standardErrors },
        },
      },
      async (request) => getPublicJob(ctx, request.params.id),
    );
  };
}
