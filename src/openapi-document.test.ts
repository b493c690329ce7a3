import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  OPENAPI_DOCUMENT_FILE,
  renderOpenApiDocument,
  renderWebApiTypes,
  WEB_API_TYPES_FILE,
} from './openapi-document.ts';

const root = path.resolve(import.meta.dirname, '..');
const readChecked = (file: string) => readFileSync(path.join(root, file), 'utf8');
const STALE = '请运行 `npm run api:types` 并提交结果（run `npm run api:types`）';

/** The routes (path + method) whose description differs, so a failure names them instead of a 700 kB diff. */
function changedOperations(checked: string, current: string): string[] {
  type Doc = { paths?: Record<string, Record<string, unknown>>; components?: Record<string, unknown> };
  const a = JSON.parse(checked) as Doc;
  const b = JSON.parse(current) as Doc;
  const changed: string[] = [];
  for (const route of new Set([...Object.keys(a.paths ?? {}), ...Object.keys(b.paths ?? {})])) {
    const methods = new Set([...Object.keys(a.paths?.[route] ?? {}), ...Object.keys(b.paths?.[route] ?? {})]);
    for (const method of methods) {
      if (JSON.stringify(a.paths?.[route]?.[method]) !== JSON.stringify(b.paths?.[route]?.[method])) {
        changed.push(`${method.toUpperCase()} ${route}`);
      }
    }
  }
  if (JSON.stringify(a.components) !== JSON.stringify(b.components)) changed.push('components');
  return changed;
}

describe('the OpenAPI document and the web types generated from it', () => {
  it(`${OPENAPI_DOCUMENT_FILE} is what the server's route schemas describe now`, async () => {
    const current = renderOpenApiDocument(await buildOpenApiDocument());
    const checked = readChecked(OPENAPI_DOCUMENT_FILE);
    const changed = checked === current ? [] : changedOperations(checked, current);
    expect(changed, `${OPENAPI_DOCUMENT_FILE} 已过期：${STALE}`).toEqual([]);
    expect(checked === current, `${OPENAPI_DOCUMENT_FILE} 的格式与生成结果不同：${STALE}`).toBe(true);
  });

  it(`${WEB_API_TYPES_FILE} is generated from ${OPENAPI_DOCUMENT_FILE}`, async () => {
    const expected = await renderWebApiTypes(readChecked(OPENAPI_DOCUMENT_FILE));
    expect(readChecked(WEB_API_TYPES_FILE) === expected, `${WEB_API_TYPES_FILE} 已过期：${STALE}`).toBe(true);
  });

  it('names the shared error shape once and documents every route of the API', async () => {
    const document = JSON.parse(readChecked(OPENAPI_DOCUMENT_FILE)) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.components.schemas)).toContain('ErrorResponse');
    expect(Object.keys(document.paths)).toContain('/api/v1/health');
    expect(Object.keys(document.paths).every((route) => route.startsWith('/api/'))).toBe(true);
  });
});
