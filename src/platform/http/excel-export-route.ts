import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { RouteAccess } from '../access.ts';
import { sendWorkbook, XLSX_CONTENT_TYPE } from './excel-export.ts';
import { standardErrors } from './schemas.ts';

const EXCEL_RESPONSE = { 200: Type.String({ description: XLSX_CONTENT_TYPE }), ...standardErrors };

/**
 * The options of an Excel download route (导出 … Excel): who may download, the OpenAPI words, the
 * filter it takes, and the answer an .xlsx file or one of the standard errors. The service that
 * builds the workbook audits the export (导出留痕); `sendExport` sends it.
 */
export function excelExportOptions<Q extends TSchema = TObject, P extends TSchema = TObject>(options: {
  access: RouteAccess;
  tags: string[];
  summary: string;
  querystring?: Q;
  params?: P;
}) {
  return {
    config: { access: options.access },
    schema: {
      tags: options.tags,
      summary: options.summary,
      ...(options.querystring ? { querystring: options.querystring } : {}),
      ...(options.params ? { params: options.params } : {}),
      response: EXCEL_RESPONSE,
    } as { tags: string[]; summary: string; querystring: Q; params: P; response: typeof EXCEL_RESPONSE },
  };
}

/** Sends a built workbook as a download, its ASCII name the fallback for clients without UTF-8 names. */
export async function sendExport(
  reply: FastifyReply,
  fallbackName: string,
  workbook: Promise<{ fileName: string; content: Buffer }>,
) {
  const { fileName, content } = await workbook;
  return sendWorkbook(reply, fileName, fallbackName, content);
}
