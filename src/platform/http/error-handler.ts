import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, isAppError, toErrorBody } from '../errors.ts';
import { loadHttpLimits } from './http-limits.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns an Ajv validation issue into a Chinese sentence naming the field. */
export function describeValidationIssue(issue: ValidationIssue, context: string | undefined): string {
  const where =
    { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' }[context ?? ''] ?? '参数';
  const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const name = field ? `${where}字段 ${field}` : where;
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return `${where}缺少必填字段 ${[field, p.missingProperty].filter(Boolean).join('.')}`;
    case 'type':
      return `${name} 的类型应为 ${String(p.type)}`;
    case 'minimum':
      return `${name} 不能小于 ${String(p.limit)}`;
    case 'maximum':
      return `${name} 不能大于 ${String(p.limit)}`;
    case 'minLength':
      return `${name} 长度不能少于 ${String(p.limit)}`;
    case 'maxLength':
      return `${name} 长度不能超过 ${String(p.limit)}`;
    case 'pattern':
      return `${name} 格式不正确`;
    case 'format':
      return `${name} 应为 ${String(p.format)} 格式`;
    case 'enum':
      return `${name} 应为以下之一：${(p.allowedValues as unknown[] | undefined)?.join('、') ?? ''}`;
    case 'additionalProperties':
      return `${where}含有不认识的字段 ${String(p.additionalProperty)}`;
    default:
      return `${name} 不符合要求`;
  }
}

/**
 * The one error handler: AppError codes keep their status; schema failures become
 * VALIDATION_FAILED with a Chinese message per field; anything unexpected is a 500 whose
 * details stay in the log (SPEC §5).
 */
export function registerErrorHandler(app: FastifyInstance, options: { serveWebApp?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply
      .status(appError.status)
      .send(toErrorBody(withProblemsCapped(appError, loadHttpLimits().errorProblemsMax)));
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (e.g. /admin/users after a reload) get index.html.
    const isPage = options.serveWebApp && request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && 'sendFile' in reply)
      return (reply as unknown as { sendFile(f: string): unknown }).sendFile('index.html');
    return reply
      .status(404)
      .send(toErrorBody(new AppError('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`)));
  });
}

/**
 * An error listing many problems (one per unknown field, say) lists the first `max` and counts the
 * rest, so an answer never grows with what an anonymous caller sends.
 */
export function withProblemsCapped(error: AppError, max: number): AppError {
  const details = error.details;
  const isList = Array.isArray(details);
  const problems: unknown = isList ? details : (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems) || problems.length <= max) return error;
  const rest = problems.length - max;
  const shown = [...problems.slice(0, max), `……另有 ${rest} 处问题未列出`];
  const message = error.message.length > 2000 ? `共有 ${problems.length} 处问题` : error.message;
  const capped = isList ? shown : { ...(details as object), problems: shown, problems_total: problems.length };
  return new AppError(error.code, message, capped);
}

function toAppError(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  if (error.validation) {
    const problems = error.validation.map((issue) =>
      describeValidationIssue(issue as ValidationIssue, error.validationContext),
    );
    return new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', '请求体过大');
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (error.code === 'FST_ERR_HANDLER_TIMEOUT') return new AppError('REQUEST_TIMEOUT');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(
      'BAD_REQUEST',
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? '请求体不是有效的 JSON'
        : '请求格式不正确',
    );
  }
  return new AppError('INTERNAL');
}
