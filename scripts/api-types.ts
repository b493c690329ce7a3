// `npm run api:types`: writes docs/openapi.json from the server's route schemas and
// web/src/api/generated/openapi.ts from it. Run it whenever a route's schema changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildOpenApiDocument,
  OPENAPI_DOCUMENT_FILE,
  renderOpenApiDocument,
  renderWebApiTypes,
  WEB_API_TYPES_FILE,
} from '../src/openapi-document.ts';

const root = path.resolve(import.meta.dirname, '..');
const documentText = renderOpenApiDocument(await buildOpenApiDocument());
writeFileSync(path.join(root, OPENAPI_DOCUMENT_FILE), documentText);
const typesFile = path.join(root, WEB_API_TYPES_FILE);
mkdirSync(path.dirname(typesFile), { recursive: true });
writeFileSync(typesFile, await renderWebApiTypes(documentText));
console.log(`已写入 ${OPENAPI_DOCUMENT_FILE} 与 ${WEB_API_TYPES_FILE}`);
