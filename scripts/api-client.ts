import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@forge/config';
import { buildApiDocumentOffline } from '../apps/api/src/console/api-document.js';
import { API_CLIENT_FILE, generateApiClientTypes } from './api-client/generate.js';

/**
 * `npm run api:client`: regenerates the console's typed API client (apps/web/src/api/schema.gen.ts) from
 * the API's OpenAPI document, built from the controllers without a database. `--check` only compares and
 * exits 1 on a difference.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  const document = await buildApiDocumentOffline(loadConfig({ JWT_SECRET: 'x'.repeat(32) }));
  const generated = await generateApiClientTypes(document, root);
  const file = join(root, API_CLIENT_FILE);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== generated) {
      console.error(`${API_CLIENT_FILE} differs from the API's OpenAPI document: run npm run api:client`);
      process.exit(1);
    }
    console.log(`${API_CLIENT_FILE} matches the API's OpenAPI document`);
    return;
  }
  writeFileSync(file, generated);
  console.log(current === generated ? `${API_CLIENT_FILE} unchanged` : `${API_CLIENT_FILE} written`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
