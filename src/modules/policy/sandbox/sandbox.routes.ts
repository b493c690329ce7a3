import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import { CodeParams } from '../policy.schemas.ts';
import { SandboxBody, SandboxQuery, SandboxRun, SandboxRunItem } from './sandbox.schemas.ts';
import { getSandboxRun, listSandboxRuns, runSandbox } from './sandbox.service.ts';

const errors = { ...standardErrors, 422: ErrorResponse };

/** 政策沙盘 (province HRSS): run a what-if over the register, list and reopen stored runs. */
export function sandboxRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/policies/:code/sandbox',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['policy'],
          summary:
            '政策沙盘：按假设参数对全部在库企业重算，列出获益/受损企业及按地区、梯度、行业的成本（不影响正式决定）',
          params: CodeParams,
          body: SandboxBody,
          response: { 200: SandboxRun, ...errors },
        },
      },
      async (request) => runSandbox(ctx, signedInActorOf(request), request.params.code, request.body),
    );

    app.get(
      '/api/v1/policies/:code/sandbox',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['policy'],
          summary: '政策沙盘测算记录',
          params: CodeParams,
          querystring: PageQuery,
          response: {
            200: Type.Object({
              items: Type.Array(SandboxRunItem),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...errors,
          },
        },
      },
      async (request) => listSandboxRuns(ctx, request.params.code, request.query),
    );

    app.get(
      '/api/v1/policies/:code/sandbox/:id',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['policy'],
          summary: '一次沙盘测算：汇总与变化企业（分页）',
          params: Type.Composite([CodeParams, Type.Object({ id: Type.Integer({ minimum: 1 }) })]),
          querystring: SandboxQuery,
          response: { 200: SandboxRun, ...errors },
        },
      },
      async (request) => getSandboxRun(ctx, request.params.code, request.params.id, request.query),
    );
  };
}
