import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npm run console:size`: the console's first load in compressed (gzip) JavaScript, from the build's
 * manifest: the entry chunk and everything it imports statically (what the sign-in page needs), then each
 * page opened directly (entry + the page's chunk + its static imports). Fails above the budget of
 * console.md (350 kB of compressed JavaScript on first load), for the entry and for every page.
 */
const BUDGET_BYTES = 350 * 1024;

interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

function main(): void {
  const dir = resolve(process.argv[2] ?? join('dist', 'web'));
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run npm run build:web first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestEntry>;
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dir, file)), { level: 9 }).length);
    return gzipped.get(file) as number;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const total = (keys: Set<string>) =>
    [...keys].reduce(
      (sum, key) => sum + (manifest[key]?.file.endsWith('.js') ? size(manifest[key].file) : 0),
      0,
    );

  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const shell = closure(entry);
  const rows: Array<[string, number]> = [['first load (entry: sign-in and shell)', total(shell)]];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !chunk.src?.includes('/pages/')) continue;
    const keys = closure(key, new Set(shell));
    rows.push([
      `  opened directly: ${chunk.src.replace(/^src\/pages\//, '').replace(/\.tsx$/, '')}`,
      total(keys),
    ]);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`Console JavaScript, gzip-compressed (budget ${kb(BUDGET_BYTES)} on first load):`);
  for (const [label, bytes] of rows) {
    console.log(
      `  ${label.padEnd(width)}  ${kb(bytes).padStart(9)}${bytes > BUDGET_BYTES ? '  OVER BUDGET' : ''}`,
    );
  }
  const over = rows.filter(([, bytes]) => bytes > BUDGET_BYTES);
  if (over.length > 0) {
    console.error(
      `${over.length} first load(s) over ${kb(BUDGET_BYTES)}: split the code (lazy routes, lazy charts)`,
    );
    process.exit(1);
  }
}

main();
