import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

/** Where the console's generated API types live (checked in; CI fails when they drift from the API). */
export const API_CLIENT_FILE = join('apps', 'web', 'src', 'api', 'schema.gen.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document by \`npm run api:client\` (openapi-typescript): do not edit.
 * CI regenerates it (npm run api:client -- --check, in .ci/run) and fails when it differs.
 */
`;

/** The TypeScript types of an OpenAPI document, formatted with the repository's Prettier settings. */
export async function generateApiClientTypes(document: unknown, projectRoot: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), {
    alphabetize: true,
    exportType: true,
    rootTypes: true,
    rootTypesNoSchemaPrefix: false,
  });
  const options = JSON.parse(readFileSync(join(projectRoot, '.prettierrc.json'), 'utf8')) as prettier.Options;
  return prettier.format(`${HEADER}\n${astToString(ast)}`, { ...options, parser: 'typescript' });
}
