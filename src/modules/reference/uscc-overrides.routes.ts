import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageOf, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { NewUsccOverride, RevokeUsccOverride, UsccOverrideParams, UsccOverrideQuery, UsccOverrideSchema } from './uscc-overrides.schemas.ts';
import { listUsccOverrides, recordUsccOverride, revokeUsccOverride } from './uscc-overrides.service.ts';

// The register (培育库) is 工信's: 省工信 records the exceptions, the system administrator may for them;
// 省人社 reads them, since its rosters and contributions carry the same codes.
const KEEPER_ROLES: readonly Role[] = ['province_miit', 'sysadmin'];
const READER_ROLES: readonly Role[] = [...KEEPER_ROLES, 'province_hrss'];
const writeErrors = { ...standardErrors, 409: ErrorResponse, 422: ErrorResponse } as const;

/** 信用代码人工核验例外: early credit codes that fail a check character, accepted on evidence; every change audited. */
export function usccOverridesRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/reference/uscc-overrides', {
      config: { access: READER_ROLES },
      schema: {
        tags: ['reference'], summary: '统一社会信用代码人工核验例外登记（含已撤销）',
        querystring: UsccOverrideQuery,
        response: { 200: PageOf(UsccOverrideSchema), ...standardErrors },
      },
    }, async (request) => listUsccOverrides(ctx, request.query));

    app.post('/api/v1/reference/uscc-overrides', {
      config: { access: KEEPER_ROLES },
      schema: {
        tags: ['reference'], summary: '登记人工核验例外：仅限校验位不符的代码，须写明核验依据',
        body: NewUsccOverride,
        response: { 201: UsccOverrideSchema, ...writeErrors },
      },
    }, async (request, reply) => reply.status(201).send(await recordUsccOverride(ctx, signedInActorOf(request), request.body)));

    app.post('/api/v1/reference/uscc-overrides/:id/revoke', {
      config: { access: KEEPER_ROLES },
      schema: {
        tags: ['reference'], summary: '撤销人工核验例外（记录撤销人、时间、原因，不删除）',
        params: UsccOverrideParams,
        body: RevokeUsccOverride,
        response: { 200: UsccOverrideSchema, ...writeErrors },
      },
    }, async (request) => revokeUsccOverride(ctx, signedInActorOf(request), request.params.id, request.body));
  };
}
