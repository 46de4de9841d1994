// Runs the repository's TypeScript in a child process that a test forks (`node --import <this file> x.ts`): Jest's
// ts-jest transform exists only inside Jest's own module system, Node 20 cannot strip types, and no TypeScript runner
// (tsx, ts-node) is a dependency. So this registers Node's module hooks (node:module `register`) that resolve
// `@forge/*` as tsconfig.json's `paths` do and `./x.js` to `./x.ts` as `nodenext` does, and transpile each `.ts`
// file with the project's own compiler and options (`ts.transpileModule`, as ts-jest's isolatedModules does: no type
// checking, which is `npm run typecheck`'s job). Used by test/integration/audit/audit-bench.spec.ts.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import ts from 'typescript';

if (isMainThread) register(import.meta.url);

const root = fileURLToPath(new globalThis.URL('../..', import.meta.url));
const { config } = ts.readConfigFile(`${root}/tsconfig.json`, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, sourceMap: false, inlineSourceMap: true };
const paths = new Map(
  Object.entries(options.paths ?? {}).map(([alias, [target]]) => [
    alias,
    pathToFileURL(`${root}/${target}`).href,
  ]),
);

export async function resolve(specifier, context, next) {
  const alias = paths.get(specifier);
  if (alias) return { url: alias, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new globalThis.URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
    if (existsSync(url)) return { url: url.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), { compilerOptions, fileName });
  return { format: 'module', source: outputText, shortCircuit: true };
}
