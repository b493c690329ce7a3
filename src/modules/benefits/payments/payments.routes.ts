import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../../app-context.ts';
import { signedInActorOf } from '../../../platform/auth/auth.plugin.ts';
import { ErrorResponse, PageQuery, standardErrors } from '../../../platform/http/schemas.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  IdempotencyHeaders,
  IdParams,
  ObjectionAnswer,
  ObjectionPage,
  ObjectionText,
  ObjectionQuery,
  PaymentBatch,
  PaymentBatchBody,
  PaymentBatchPage,
  PaymentPreviewBody,
  MoneyPreview,
  Reconciliation,
  ResolveBody,
} from '../benefits.schemas.ts';
import { idempotentWrite } from '../idempotent-route.ts';
import { XLSX_CONTENT_TYPE, sendWorkbook } from '../../../platform/http/excel-export.ts';
import { exportReconciliation } from './ledger-export.ts';
import { reconcileLedger } from './ledger.service.ts';
import { getPaymentFile, listPaymentBatches } from './payment-batches.service.ts';
import { createPaymentBatch, previewPaymentBatch } from './payments.service.ts';
import { listObjections, resolveObjection, revealObjectionText } from '../cases/publicity.service.ts';

// Payment release is a separate duty from approval: the service refuses an account that approved the case.
const PAYERS: readonly Role[] = ['province_hrss', 'city_hrss'];
// The instruction file carries bank accounts: only the province downloads it.
const FILE_READERS: readonly Role[] = ['province_hrss'];
const LedgerFilters = Type.Object({
  policy: Type.Optional(Type.String({ maxLength: 64 })),
  month: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
});
const writeErrors = { 409: ErrorResponse, 422: ErrorResponse, ...standardErrors };

/** 直补快办: payment instruction files, objections' resolution, and the ledger's reconciliation. */
export function paymentsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/benefits/payment-batches/preview',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '支付指令预览（将拨付的案件、金额、收款账号脱敏、合计与确认码；不做任何变更）',
          body: PaymentPreviewBody,
          response: { 200: MoneyPreview, ...writeErrors },
        },
      },
      async (request) => previewPaymentBatch(ctx.db, ctx, signedInActorOf(request), request.body.case_ids),
    );

    app.post(
      '/api/v1/benefits/payment-batches',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '生成支付指令（须带预览确认码或所列案件的合计金额；公示期满且无异议的案件；支付失败的重新发起）',
          headers: IdempotencyHeaders,
          body: PaymentBatchBody,
          response: { 200: PaymentBatch, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) => createPaymentBatch(trx, ctx, actor, request.body)),
    );

    app.get(
      '/api/v1/benefits/payment-batches',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '已生成的支付指令（笔数、合计、生成人、时间、文件下载地址）',
          querystring: PageQuery,
          response: { 200: PaymentBatchPage, ...standardErrors },
        },
      },
      async (request) => {
        const { user } = signedInActorOf(request);
        return listPaymentBatches(ctx, user, request.query, { mayDownload: FILE_READERS.includes(user.role) });
      },
    );

    app.get(
      '/api/v1/benefits/payment-batches/:id/file',
      {
        config: { access: FILE_READERS },
        schema: {
          tags: ['benefits'],
          summary: '下载支付指令文件（CSV）',
          params: IdParams,
          response: { 200: Type.String(), ...standardErrors },
        },
      },
      async (request, reply) => {
        const file = await getPaymentFile(ctx, signedInActorOf(request), request.params.id);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.file_name}"`)
          .send(file.content);
      },
    );

    app.get(
      '/api/v1/benefits/objections',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '公示异议列表（待处理或已处理，限本人管辖地区）',
          querystring: ObjectionQuery,
          response: { 200: ObjectionPage, ...standardErrors },
        },
      },
      async (request) => listObjections(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/benefits/objections/:id/text',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '查看异议全文（需查看个人信息权限，限本人管辖地区，审计）',
          params: IdParams,
          response: { 200: ObjectionText, ...standardErrors },
        },
      },
      async (request) => revealObjectionText(ctx, signedInActorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/benefits/objections/:id/resolve',
      {
        config: { access: PAYERS },
        schema: {
          tags: ['benefits'],
          summary: '处理公示异议（成立则撤销审核结果）',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ResolveBody,
          response: { 200: ObjectionAnswer, ...writeErrors },
        },
      },
      async (request, reply) =>
        idempotentWrite(ctx, request, reply, (trx, actor) =>
          resolveObjection(trx, ctx, actor, request.params.id, request.body),
        ),
    );

    app.get(
      '/api/v1/benefits/ledger/reconciliation',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '资金台账对账（按政策、地区、月份核对借贷与拨付）',
          querystring: LedgerFilters,
          response: { 200: Reconciliation, ...standardErrors },
        },
      },
      async (request) => reconcileLedger(ctx, request.query),
    );

    app.get(
      '/api/v1/benefits/ledger/reconciliation/export',
      {
        config: { access: ['province_hrss'] },
        schema: {
          tags: ['benefits'],
          summary: '导出资金对账 Excel（筛选条件同对账页，含差异表，导出留痕）',
          querystring: LedgerFilters,
          response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { fileName, content } = await exportReconciliation(ctx, signedInActorOf(request), request.query);
        return sendWorkbook(reply, fileName, 'reconciliation.xlsx', content);
      },
    );
  };
}
