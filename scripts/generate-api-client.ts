/**
 * `npm run api:client`: writes the OpenAPI document and the TypeScript types the web client uses,
 * both generated from the server's Zod schemas (no hand-written request types). A test checks
 * that the committed files are current.
 */
import { writeFile } from 'node:fs/promises';
import { generateOpenApiDocument } from '../src/server/openapi.js';
import { renderApiTypes } from '../src/web/api/render-types.js';

const document = await generateOpenApiDocument();
await writeFile('src/web/api/openapi.json', `${JSON.stringify(document, null, 2)}\n`);
await writeFile('src/web/api/schema.ts', await renderApiTypes(document));
console.log('Wrote src/web/api/openapi.json and src/web/api/schema.ts');
