import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

/**
 * The console built for the browser suite, once per version of its sources: `vite build` into
 * `.forge/browser-tests/web-<hash of apps/web and the lock file>`, reused while nothing changed. Test files
 * running in parallel may both build; each builds into its own folder and the first rename wins.
 */
export function ensureConsoleBuilt(): string {
  const inputs = [...sourceFiles(join(root, 'apps', 'web')), join(root, 'package-lock.json')].sort();
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  const base = join(root, '.forge', 'browser-tests');
  const dir = join(base, `web-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(base, { recursive: true });
  const building = `${dir}.building-${process.pid}`;
  const build = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(root, 'apps', 'web', 'vite.config.ts'),
      '--outDir',
      building,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`the console build failed:\n${build.stdout}\n${build.stderr}`);
  try {
    renameSync(building, dir);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw error;
  }
  // Older builds of this folder are left behind by edits: keep the newest few.
  for (const old of readdirSync(base)
    .filter((name) => name.startsWith('web-') && !name.includes('.building-'))
    .map((name) => join(base, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .slice(3)) {
    rmSync(old, { recursive: true, force: true });
  }
  return dir;
}
