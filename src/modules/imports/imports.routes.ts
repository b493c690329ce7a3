import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { loadImportLimits } from './import-limits.ts';
import {
  getImportRun,
  importKindFor,
  listImportKinds,
  listRunRejects,
  listRuns,
  startUploadedImport,
  sweepAbandonedUploads,
} from './imports.service.ts';
import { rejectsCsvLines } from './rejects-file.ts';
import { excelExportOptions, sendExport } from '../../platform/http/excel-export-route.ts';
import { importTemplate } from './import-template.ts';
import { receiveUpload, tooLarge, uploadsDirOf } from './upload-store.ts';

const IMPORT_ROLES: readonly Role[] = ['province_hrss', 'province_miit'];
// Uploads no live import owns are looked for at start and then this often (a killed server's, a dropped connection's).
const SWEEP_EVERY_MS = 10 * 60_000;

const Run = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  fileName: Type.String(),
  fileSha256: Type.String(),
  status: Type.String(),
  queuedAhead: Type.Union([Type.Integer(), Type.Null()], { description: '排队中：前面还有几个导入；否则为 null' }),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  unchanged: Type.Integer(),
  progress: Type.Number({ description: '0–1' }),
  message: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
});
const Kind = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  columns: Type.Array(
    Type.Object({
      header: Type.String(),
      alias: Type.String(),
      required: Type.Boolean(),
      values: Type.Union([Type.Array(Type.String()), Type.Null()], { description: '可选值（仅限部分取值的列）' }),
    }),
  ),
});
const RejectedRow = Type.Object({
  line: Type.Integer({ description: '文件中的行号（表头为第 1 行）' }),
  column: Type.String({ description: '出错的列（中文列名）；整行出错时为空' }),
  code: Type.String({ description: '原因代码' }),
  reason: Type.String({ description: '原因（中文；引用的身份证号、手机号、账号已脱敏）' }),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** File imports by upload (multipart), with progress polling and the rejects file. */
export function importsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const uploads = uploadsDirOf(ctx.config.dataDir);
  const limits = loadImportLimits();
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: limits.uploadMaxBytes(''), files: 1 } });
    let sweeper: NodeJS.Timeout | undefined;
    const sweep = () =>
      sweepAbandonedUploads(ctx).catch((error: Error) =>
        app.log.warn({ reason: error.message }, 'upload sweep failed'),
      );
    app.addHook('onReady', async () => {
      await sweep();
      sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(sweeper));

    app.get(
      '/api/v1/imports/kinds',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '可导入的数据类型及其列',
          response: { 200: Type.Object({ items: Type.Array(Kind) }), ...standardErrors },
        },
      },
      async (request) => ({ items: listImportKinds(signedInActorOf(request).user) }),
    );

    app.get(
      '/api/v1/imports/kinds/:kind/template',
      excelExportOptions({
        access: IMPORT_ROLES,
        tags: ['imports'],
        summary: '下载导入模板 Excel（表头；仅限部分取值的列在批注和“填写说明”表中列出可填的值）',
        params: Type.Object({ kind: Type.String({ maxLength: 32 }) }),
      }),
      async (request, reply) =>
        sendExport(
          reply,
          `${request.params.kind}-template.xlsx`,
          importTemplate(signedInActorOf(request).user, request.params.kind),
        ),
    );

    app.post(
      '/api/v1/imports/:kind',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '上传文件并开始导入（CSV UTF-8/GB18030 或 XLSX），返回导入记录以轮询进度',
          consumes: ['multipart/form-data'],
          params: Type.Object({ kind: Type.String({ maxLength: 32 }) }),
          response: { 202: Run, ...standardErrors },
        },
      },
      async (request, reply) => {
        // The kind and the user's right to it are checked, and the declared length, before a byte is stored.
        const actor = signedInActorOf(request);
        const kind = importKindFor(actor.user, request.params.kind);
        const maxBytes = limits.uploadMaxBytes(kind.kind);
        if (Number(request.headers['content-length'] ?? 0) > maxBytes + limits.multipartOverheadBytes)
          throw tooLarge(maxBytes);
        const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（表单字段 file）');
        if (!/\.(csv|xlsx)$/i.test(file.filename))
          throw new AppError('IMPORT_FILE_UNREADABLE', '只支持 .csv 或 .xlsx 文件');
        const received = await receiveUpload(uploads, file.file, path.extname(file.filename).toLowerCase(), maxBytes);
        const logFailure = (failure: { runId: number; kind: string; reason: string }) =>
          app.log.error(failure, 'import failed');
        return reply.status(202).send(await startUploadedImport(ctx, actor, kind, received, file.filename, logFailure));
      },
    );

    app.get(
      '/api/v1/imports',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '导入记录',
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ kind: Type.Optional(Type.String({ maxLength: 32 })) }),
          ]),
          response: { 200: PageOf(Run), ...standardErrors },
        },
      },
      async (request) => listRuns(ctx, signedInActorOf(request).user, request.query),
    );

    app.get(
      '/api/v1/imports/:id',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '导入进度与结果',
          params: IdParams,
          response: { 200: Run, ...standardErrors },
        },
      },
      async (request) => getImportRun(ctx, signedInActorOf(request).user, request.params.id),
    );

    app.get(
      '/api/v1/imports/:id/rejected-rows',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '被拒绝的行（分页，按行号）：行号、列、原因',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(RejectedRow), ...standardErrors },
        },
      },
      async (request) => listRunRejects(ctx, signedInActorOf(request).user, request.params.id, request.query),
    );

    app.get(
      '/api/v1/imports/:id/rejects',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags: ['imports'],
          summary: '下载被拒绝行清单（CSV：行号、列、原因代码、原因）',
          params: IdParams,
          response: { 200: Type.String({ description: 'text/csv' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const run = await getImportRun(ctx, signedInActorOf(request).user, request.params.id);
        void reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="import-${run.id}-rejects.csv"; filename*=UTF-8''${encodeURIComponent(`导入${run.id}-${run.kindLabel}-被拒绝行.csv`)}`,
          );
        // A stream is sent as is; the schema above only documents the CSV for OpenAPI.
        return reply.send(Readable.from(rejectsCsvLines(ctx.db, run.id)) as unknown as string);
      },
    );
  };
}
