import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { excelExportOptions, sendExport } from '../../platform/http/excel-export-route.ts';
import { ErrorResponse, PageOf, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import {
  applyForHarmony,
  currentQuestionnaire,
  listDiagnosisResults,
  listEnterpriseDiagnoses,
  listHarmonyApplications,
  listOwnDiagnoses,
  reviewHarmonyApplication,
  submitDiagnosis,
} from './diagnoses.service.ts';
import { LABOUR_OFFICIAL_ROLES, LABOUR_REGION_ROLES } from './labour-access.ts';
import { lenientList } from './lenient-enforcement.ts';
import { exportDiagnosisResults, exportViolations } from './relations-export.ts';
import {
  DiagnosisBodySchema,
  DiagnosisResultsQuerySchema,
  DiagnosisResultsSchema,
  DiagnosisSchema,
  HarmonyApplicationSchema,
  HarmonyBodySchema,
  HarmonyReviewSchema,
  HarmonyStateSchema,
  LenientListSchema,
  QuestionnaireSchema,
  ViolationBodySchema,
  ViolationFilterSchema,
  ViolationQuerySchema,
  ViolationSchema,
} from './relations.schemas.ts';
import { listViolations, recordViolation } from './violations.service.ts';

// An enterprise takes the diagnosis, applies and reads its own inspection record.
const ENTERPRISE: readonly Role[] = ['enterprise'];
const OFFICIALS_AND_ENTERPRISE: readonly Role[] = [...LABOUR_OFFICIAL_ROLES, 'enterprise'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const writeErrors = { ...standardErrors, 409: ErrorResponse } as const;

/** 柔性执法, 劳动关系体检 and 和谐劳动关系创建. */
export function relationsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/labour/lenient-list',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '轻微违法行为免罚清单（附来源）',
          response: { 200: LenientListSchema, ...standardErrors },
        },
      },
      async () => {
        const { parameters: _parameters, ...list } = lenientList() as ReturnType<typeof lenientList> & {
          parameters?: unknown;
        };
        return list;
      },
    );

    app.get(
      '/api/v1/labour/violations',
      {
        config: { access: OFFICIALS_AND_ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '执法记录（官员看本地区，企业看本企业）',
          querystring: ViolationQuerySchema,
          response: { 200: PageOf(ViolationSchema), ...standardErrors },
        },
      },
      async (request) => listViolations(ctx, request.user!, request.query),
    );

    app.get(
      '/api/v1/labour/violations/export',
      excelExportOptions({
        access: OFFICIALS_AND_ENTERPRISE,
        tags: ['labour'],
        summary: '导出执法记录 Excel',
        querystring: ViolationFilterSchema,
      }),
      async (request, reply) =>
        sendExport(reply, 'violations.xlsx', exportViolations(ctx, signedInActorOf(request), request.query)),
    );

    app.post(
      '/api/v1/labour/violations',
      {
        config: { access: LABOUR_REGION_ROLES },
        schema: {
          tags: ['labour'],
          summary: '登记违法行为（初次且在免罚清单内的：提示提醒、免予处罚）',
          body: ViolationBodySchema,
          response: { 200: ViolationSchema, ...standardErrors },
        },
      },
      async (request) => recordViolation(ctx, signedInActorOf(request), request.body),
    );

    app.get(
      '/api/v1/labour/diagnosis/questionnaire',
      {
        config: { access: OFFICIALS_AND_ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '现行劳动关系体检问卷',
          response: { 200: QuestionnaireSchema, ...standardErrors },
        },
      },
      async () => currentQuestionnaire(ctx),
    );

    app.post(
      '/api/v1/labour/diagnoses',
      {
        config: { access: ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '提交劳动关系体检答卷，得到各方面得分和建议',
          body: DiagnosisBodySchema,
          response: { 200: DiagnosisSchema, ...standardErrors },
        },
      },
      async (request) => submitDiagnosis(ctx, signedInActorOf(request), request.body.answers),
    );

    app.get(
      '/api/v1/labour/diagnoses/mine',
      {
        config: { access: ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '本企业的体检记录（最新在前）',
          response: { 200: Type.Array(DiagnosisSchema), ...standardErrors },
        },
      },
      async (request) => listOwnDiagnoses(ctx, request.user!),
    );

    app.get(
      '/api/v1/labour/diagnoses',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '各企业最新体检结果（得分低者在前）和按地区汇总',
          querystring: DiagnosisResultsQuerySchema,
          response: { 200: DiagnosisResultsSchema, ...standardErrors },
        },
      },
      async (request) => listDiagnosisResults(ctx, request.user!, request.query),
    );

    app.get(
      '/api/v1/labour/diagnoses/export',
      excelExportOptions({
        access: LABOUR_OFFICIAL_ROLES,
        tags: ['labour'],
        summary: '导出体检结果 Excel',
        querystring: Type.Object({ atRisk: Type.Optional(Type.Boolean()) }),
      }),
      async (request, reply) =>
        sendExport(reply, 'diagnoses.xlsx', exportDiagnosisResults(ctx, signedInActorOf(request), request.query)),
    );

    app.get(
      '/api/v1/labour/enterprises/:uscc/diagnoses',
      {
        config: { access: LABOUR_OFFICIAL_ROLES },
        schema: {
          tags: ['labour'],
          summary: '某企业的体检记录',
          params: Type.Object({ uscc: Type.String({ pattern: '^[0-9A-Z]{18}$' }) }),
          response: { 200: Type.Array(DiagnosisSchema), ...standardErrors },
        },
      },
      async (request) => listEnterpriseDiagnoses(ctx, request.user!, request.params.uscc),
    );

    app.get(
      '/api/v1/labour/harmony-applications',
      {
        config: { access: OFFICIALS_AND_ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '和谐劳动关系创建申请（企业看本企业，官员看本地区）',
          querystring: Type.Object({ state: Type.Optional(HarmonyStateSchema) }),
          response: { 200: Type.Array(HarmonyApplicationSchema), ...standardErrors },
        },
      },
      async (request) => listHarmonyApplications(ctx, request.user!, request.query),
    );

    app.post(
      '/api/v1/labour/harmony-applications',
      {
        config: { access: ENTERPRISE },
        schema: {
          tags: ['labour'],
          summary: '申请本年度和谐劳动关系创建认定',
          body: HarmonyBodySchema,
          response: { 200: HarmonyApplicationSchema, ...writeErrors },
        },
      },
      async (request) => applyForHarmony(ctx, signedInActorOf(request), request.body.statement),
    );

    app.patch(
      '/api/v1/labour/harmony-applications/:id',
      {
        config: { access: LABOUR_REGION_ROLES },
        schema: {
          tags: ['labour'],
          summary: '审核和谐劳动关系创建申请',
          params: IdParams,
          body: HarmonyReviewSchema,
          response: { 200: HarmonyApplicationSchema, ...writeErrors },
        },
      },
      async (request) => reviewHarmonyApplication(ctx, signedInActorOf(request), request.params.id, request.body),
    );
  };
}
