import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import { Approval, ApprovalBody, Burden, Collection, CollectionBody, Form, IdParams } from './collections.schemas.ts';
import { listApprovals, recordApproval } from './approvals.service.ts';
import { collectionBurden } from './burden.service.ts';
import {
  attachApproval,
  closeCollection,
  createCollection,
  listCollections,
  openCollection,
} from './collections.service.ts';
import { answerForm, listMyForms } from './forms.service.ts';

const READERS: readonly Role[] = ['province_hrss', 'province_miit', 'city_hrss'];
const SENDERS: readonly Role[] = ['province_hrss', 'city_hrss'];

/** Data-collection governance: approvals, collections refused without one, the burden, the enterprise's forms. */
export function collectionsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/governance/collection-approvals',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '统计调查批准记录（批准机关、文号、范围、样本、频率、有效期）',
          response: { 200: Type.Object({ items: Type.Array(Approval) }), ...standardErrors },
        },
      },
      async () => listApprovals(ctx),
    );

    app.post(
      '/api/v1/governance/collection-approvals',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['governance'],
          summary: '登记统计调查批准记录',
          body: ApprovalBody,
          response: { 201: Approval, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordApproval(ctx, signedInActorOf(request), request.body)),
    );

    app.get(
      '/api/v1/governance/collections',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '向企业发出的调查（市看本地区和全省的，省看全部），含批准文号与填报数',
          response: { 200: Type.Object({ items: Type.Array(Collection) }), ...standardErrors },
        },
      },
      async (request) => listCollections(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/governance/collections',
      {
        config: { access: SENDERS },
        schema: {
          tags: ['governance'],
          summary: '起草调查（未发出；发出须有有效的批准记录）',
          body: CollectionBody,
          response: { 201: Collection, ...standardErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCollection(ctx, signedInActorOf(request), request.body)),
    );

    app.post(
      '/api/v1/governance/collections/:id/approval',
      {
        config: { access: SENDERS },
        schema: {
          tags: ['governance'],
          summary: '为未发出的调查选择批准记录',
          params: IdParams,
          body: Type.Object({ approvalId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          response: { 200: Collection, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => attachApproval(ctx, signedInActorOf(request), request.params.id, request.body.approvalId),
    );

    app.post(
      '/api/v1/governance/collections/:id/open',
      {
        config: { access: SENDERS },
        schema: {
          tags: ['governance'],
          summary: '发出调查（没有今天有效的批准文号则拒绝：禁止擅自统计调查）',
          params: IdParams,
          response: { 200: Collection, ...standardErrors, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => openCollection(ctx, signedInActorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/governance/collections/:id/close',
      {
        config: { access: SENDERS },
        schema: {
          tags: ['governance'],
          summary: '结束调查',
          params: IdParams,
          response: { 200: Collection, ...standardErrors, 409: ErrorResponse },
        },
      },
      async (request) => closeCollection(ctx, signedInActorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/governance/collections/burden',
      {
        config: { access: READERS },
        schema: {
          tags: ['governance'],
          summary: '企业负担：每户企业本年收到的调查数',
          querystring: Type.Object({ year: Type.Integer({ minimum: 2023, maximum: 2100 }) }),
          response: { 200: Burden, ...standardErrors },
        },
      },
      async (request) => collectionBurden(ctx, signedInActorOf(request).user, request.query.year),
    );

    app.get(
      '/api/v1/governance/forms',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '本企业收到的调查表（每份显示统计调查批准文号）',
          response: { 200: Type.Object({ items: Type.Array(Form) }), ...standardErrors },
        },
      },
      async (request) => listMyForms(ctx, signedInActorOf(request).user),
    );

    app.post(
      '/api/v1/governance/forms/:id/answers',
      {
        config: { access: ['enterprise'] },
        schema: {
          tags: ['governance'],
          summary: '填报调查表（批准文号失效、已截止或已结束则拒绝）',
          params: IdParams,
          body: Type.Object(
            { answers: Type.Record(Type.String(), Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
          response: { 200: Form, ...standardErrors, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => answerForm(ctx, signedInActorOf(request), request.params.id, request.body.answers),
    );
  };
}
