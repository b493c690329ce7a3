import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import { listEmployees } from './employees.service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const EmployeeSchema = Type.Object({
  name: Type.String(),
  id_number: Type.String({ description: '公民身份号码（脱敏：前 4 位 + 后 4 位）' }),
  phone: Type.Union([Type.String(), Type.Null()], { description: '手机号码（脱敏）；暂无数据时为 null' }),
  first_period: Type.Integer({ description: '本段参保起始费款所属期 YYYYMM' }),
  last_period: Type.Integer({ description: '本段参保最近费款所属期 YYYYMM' }),
  base: Type.Number({ description: '最近一月缴费基数（元）' }),
  graduate_degree: Nullable(
    Type.String({ description: '最高学历：associate 专科 / bachelor 本科 / master 硕士 / doctor 博士' }),
  ),
  skill_level: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()], {
    description: '最高技能等级：1 高级技师 … 5 初级工',
  }),
  title_level: Nullable(Type.String({ description: '最高职称级别：junior / intermediate / deputy_senior / senior' })),
});

const EmployeesPage = Type.Object({
  items: Type.Array(EmployeeSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  period: Type.Union([Type.Integer(), Type.Null()], { description: '查询的费款所属期；企业尚无参保名单时为 null' }),
});

/** Workforce data (SPEC §2.3) as other modules and the web app read it. */
export function workforceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/enterprises/:uscc/employees',
      {
        config: { access: ['province_hrss', 'province_miit', 'city_hrss', 'commissioner', 'enterprise'] },
        schema: {
          tags: ['workforce'],
          summary: '企业某月参保人员名单（身份证号脱敏）',
          params: Type.Object({ uscc: Type.String({ maxLength: 40 }) }),
          querystring: Type.Composite([
            PageQuery,
            Type.Object({
              period: Type.Optional(Type.String({ description: '费款所属期 YYYYMM，缺省为企业最近申报月份' })),
            }),
          ]),
          response: { 200: EmployeesPage, ...standardErrors },
        },
      },
      async (request) => listEmployees(ctx, signedInActorOf(request).user, request.params.uscc, request.query),
    );
  };
}
