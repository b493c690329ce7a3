import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import { getPolicyDetail, listCatalogue, runPolicyTests } from './catalogue.service.ts';
import { editPolicyParameters } from './parameters.service.ts';
import { CodeParams } from '../policy.schemas.ts';
import {
  CatalogueItem,
  ParameterEditBody,
  PolicyDetail,
  PolicyVersion,
  TestBody,
  TestRun,
} from './catalogue.schemas.ts';

const errors = { ...standardErrors, 409: ErrorResponse, 422: ErrorResponse };

/** The policy catalogue (SPEC §2.5): browse, edit parameters (a new version), run the test cases. */
export function catalogueRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Policies are public documents: anyone may read the catalogue; who edited shows to officials only.
    app.get(
      '/api/v1/policies',
      {
        config: { access: 'anyone' },
        schema: {
          tags: ['policy'],
          summary: '政策目录：名称、文号与条款、适用地区、有效期、现行版本',
          response: {
            200: Type.Object({
              items: Type.Array(CatalogueItem),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...errors,
          },
        },
      },
      async (request) => listCatalogue(ctx.db, request.user),
    );

    app.get(
      '/api/v1/policies/:code',
      {
        config: { access: 'anyone' },
        schema: {
          tags: ['policy'],
          summary: '政策详情：按日期和地区的参数取值及出处、条件、版本历史',
          params: CodeParams,
          response: { 200: PolicyDetail, ...errors },
        },
      },
      async (request) => getPolicyDetail(ctx.db, request.params.code, request.user),
    );

    app.patch(
      '/api/v1/policies/:code/parameters',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['policy'],
          summary: '调整参数取值（按生效日期和地区）：通过加载检查后生成新版本，须填写理由',
          params: CodeParams,
          body: ParameterEditBody,
          response: { 200: PolicyVersion, ...errors },
        },
      },
      async (request) => editPolicyParameters(ctx, signedInActorOf(request), request.params.code, request.body),
    );

    app.post(
      '/api/v1/policies/:code/test',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['policy'],
          summary: '用测试案例（cases.yaml）检验某一版本（缺省为现行版本）',
          params: CodeParams,
          body: Type.Optional(TestBody),
          response: { 200: TestRun, ...errors },
        },
      },
      async (request) => runPolicyTests(ctx.db, request.params.code, request.body?.version_no),
    );
  };
}
