import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../app-context.ts';
import { signedInActorOf } from '../../platform/auth/auth.plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { PageOf, PageQuery, standardErrors } from '../../platform/http/schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { rejectsCsvLines } from './rejects-file.ts';
import { getImportRun, listImportKinds, listRuns, startUploadedImport } from './imports.service.ts';
import { XLSX_CONTENT_TYPE, sendWorkbook } from '../../platform/http/excel-export.ts';
import { importTemplate } from './import-template.ts';

const IMPORT_ROLES: readonly Role[] = ['province_hrss', 'province_miit'];
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const Run = Type.Object({
  id: Type.Integer(), kind: Type.String(), kindLabel: Type.String(), fileName: Type.String(), fileSha256: Type.String(),
  status: Type.String(), startedAt: Type.String(), finishedAt: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), unchanged: Type.Integer(),
  progress: Type.Number({ description: '0–1' }), message: Type.Union([Type.String(), Type.Null()]), actorName: Type.Union([Type.String(), Type.Null()]),
});
const Kind = Type.Object({
  kind: Type.String(), label: Type.String(),
  columns: Type.Array(Type.Object({ header: Type.String(), alias: Type.String(), required: Type.Boolean(), values: Type.Union([Type.Array(Type.String()), Type.Null()], { description: '可选值（仅限部分取值的列）' }) })),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** File imports by upload (multipart), with progress polling and the rejects file. */
export function importsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const uploads = path.join(ctx.config.dataDir, 'uploads');
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

    app.get('/api/v1/imports/kinds', {
      config: { access: IMPORT_ROLES },
      schema: { tags: ['imports'], summary: '可导入的数据类型及其列', response: { 200: Type.Object({ items: Type.Array(Kind) }), ...standardErrors } },
    }, async (request) => ({ items: listImportKinds(signedInActorOf(request).user) }));

    app.get('/api/v1/imports/kinds/:kind/template', {
      config: { access: IMPORT_ROLES },
      schema: {
        tags: ['imports'], summary: '下载导入模板 Excel（表头；仅限部分取值的列在批注和“填写说明”表中列出可填的值）',
        params: Type.Object({ kind: Type.String({ maxLength: 32 }) }),
        response: { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors },
      },
    }, async (request, reply) => {
      const { fileName, content } = await importTemplate(signedInActorOf(request).user, request.params.kind);
      return sendWorkbook(reply, fileName, `${request.params.kind}-template.xlsx`, content);
    });

    app.post('/api/v1/imports/:kind', {
      config: { access: IMPORT_ROLES },
      schema: {
        tags: ['imports'], summary: '上传文件并开始导入（CSV UTF-8/GB18030 或 XLSX），返回导入记录以轮询进度',
        consumes: ['multipart/form-data'],
        params: Type.Object({ kind: Type.String({ maxLength: 32 }) }),
        response: { 202: Run, ...standardErrors },
      },
    }, async (request, reply) => {
      const file = await request.file();
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（表单字段 file）');
      if (!/\.(csv|xlsx)$/i.test(file.filename)) throw new AppError('IMPORT_FILE_UNREADABLE', '只支持 .csv 或 .xlsx 文件');
      await mkdir(uploads, { recursive: true });
      const stored = path.join(uploads, `${randomUUID()}${path.extname(file.filename).toLowerCase()}`);
      await pipeline(file.file, createWriteStream(stored));
      if (file.file.truncated) {
        await rm(stored, { force: true });
        throw new AppError('IMPORT_FILE_UNREADABLE', '文件超过 1 GB 上限');
      }
      return reply.status(202).send(await startUploadedImport(ctx, signedInActorOf(request), request.params.kind, stored, file.filename));
    });

    app.get('/api/v1/imports', {
      config: { access: IMPORT_ROLES },
      schema: {
        tags: ['imports'], summary: '导入记录',
        querystring: Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(Type.String({ maxLength: 32 })) })]),
        response: { 200: PageOf(Run), ...standardErrors },
      },
    }, async (request) => listRuns(ctx, signedInActorOf(request).user, request.query));

    app.get('/api/v1/imports/:id', {
      config: { access: IMPORT_ROLES },
      schema: { tags: ['imports'], summary: '导入进度与结果', params: IdParams, response: { 200: Run, ...standardErrors } },
    }, async (request) => getImportRun(ctx, signedInActorOf(request).user, request.params.id));

    app.get('/api/v1/imports/:id/rejects', {
      config: { access: IMPORT_ROLES },
      schema: {
        tags: ['imports'], summary: '下载被拒绝行清单（CSV：行号、列、原因代码、原因）', params: IdParams,
        response: { 200: Type.String({ description: 'text/csv' }), ...standardErrors },
      },
    }, async (request, reply) => {
      const run = await getImportRun(ctx, signedInActorOf(request).user, request.params.id);
      void reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.id}-${run.kind}-rejects.csv"`);
      // A stream is sent as is; the schema above only documents the CSV for OpenAPI.
      return reply.send(Readable.from(rejectsCsvLines(ctx.db, run.id)) as unknown as string);
    });
  };
}
